-- Ticket volume and first-contact resolution join the metric rollups: whatever changes a ticket
-- marks them stale with the SLA sources, and so does a change of the workspace's time zone.
DROP TRIGGER metric_rollups_tickets_insert ON tickets;
--> statement-breakpoint
DROP TRIGGER metric_rollups_tickets_update ON tickets;
--> statement-breakpoint
DROP TRIGGER metric_rollups_tickets_delete ON tickets;
--> statement-breakpoint
CREATE TRIGGER metric_rollups_tickets_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution', 'ticket_volume', 'first_contact_resolution');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_tickets_update AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution', 'ticket_volume', 'first_contact_resolution');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_tickets_delete AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution', 'ticket_volume', 'first_contact_resolution');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metric_rollups_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.timezone, OLD.settings ->> 'calendar') IS DISTINCT FROM (NEW.timezone, NEW.settings ->> 'calendar')
     OR OLD.default_locale IS DISTINCT FROM NEW.default_locale THEN
    INSERT INTO stale_metric_sources (workspace_id, source)
    SELECT NEW.id, s.source FROM unnest(array['responses', 'sla_first_response', 'sla_resolution', 'compensations', 'loop', 'orders',
      'ticket_volume', 'first_contact_resolution']) AS s(source)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The tickets stored before these rollups existed are counted by the first refresh.
INSERT INTO stale_metric_sources (workspace_id, source)
SELECT w.id, s.source FROM workspaces w
CROSS JOIN unnest(array['ticket_volume', 'first_contact_resolution']) AS s(source)
ON CONFLICT DO NOTHING;
