-- Whatever changes a row a metric rollup counts marks its source stale for that workspace; the
-- refresh-rollups schedule rebuilds marked sources from their tables. A source already marked is
-- only read, never written again, so concurrent writers do not queue on one row.
CREATE FUNCTION metric_rollups_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  marked text;
BEGIN
  FOREACH marked IN ARRAY TG_ARGV LOOP
    IF TG_OP = 'INSERT' THEN
      INSERT INTO stale_metric_sources (workspace_id, source)
      SELECT DISTINCT n.workspace_id, marked FROM new_rows n
      WHERE NOT EXISTS (SELECT 1 FROM stale_metric_sources s WHERE s.workspace_id = n.workspace_id AND s.source = marked)
      ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO stale_metric_sources (workspace_id, source)
      SELECT DISTINCT o.workspace_id, marked FROM old_rows o
      WHERE NOT EXISTS (SELECT 1 FROM stale_metric_sources s WHERE s.workspace_id = o.workspace_id AND s.source = marked)
      ON CONFLICT DO NOTHING;
    ELSE
      INSERT INTO stale_metric_sources (workspace_id, source)
      SELECT DISTINCT c.workspace_id, marked FROM (SELECT workspace_id FROM old_rows UNION SELECT workspace_id FROM new_rows) c
      WHERE NOT EXISTS (SELECT 1 FROM stale_metric_sources s WHERE s.workspace_id = c.workspace_id AND s.source = marked)
      ON CONFLICT DO NOTHING;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER metric_rollups_survey_sends_insert AFTER INSERT ON survey_sends
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('responses');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_survey_sends_update AFTER UPDATE ON survey_sends
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('responses');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_survey_sends_delete AFTER DELETE ON survey_sends
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('responses');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_survey_displays_insert AFTER INSERT ON survey_displays
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('responses');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_survey_displays_delete AFTER DELETE ON survey_displays
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('responses');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_survey_responses_insert AFTER INSERT ON survey_responses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('responses');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_survey_responses_update AFTER UPDATE ON survey_responses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('responses');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_survey_responses_delete AFTER DELETE ON survey_responses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('responses');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_tickets_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_tickets_update AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_tickets_delete AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_ticket_sla_insert AFTER INSERT ON ticket_sla
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_ticket_sla_update AFTER UPDATE ON ticket_sla
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_ticket_sla_delete AFTER DELETE ON ticket_sla
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('sla_first_response', 'sla_resolution');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_compensations_insert AFTER INSERT ON compensations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('compensations');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_compensations_update AFTER UPDATE ON compensations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('compensations');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_compensations_delete AFTER DELETE ON compensations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('compensations');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_idea_feedback_insert AFTER INSERT ON idea_feedback
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('loop');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_idea_feedback_delete AFTER DELETE ON idea_feedback
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('loop');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_notifications_insert AFTER INSERT ON notifications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('loop');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_notifications_update AFTER UPDATE ON notifications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('loop');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_notifications_delete AFTER DELETE ON notifications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('loop');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_orders_insert AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('orders');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_orders_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('orders');
--> statement-breakpoint
CREATE TRIGGER metric_rollups_orders_delete AFTER DELETE ON orders
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_mark_stale('orders');
--> statement-breakpoint
-- An item linked to an idea counts from its receipt for its customer: a merge or a corrected
-- receipt time changes its loop.
CREATE FUNCTION metric_rollups_linked_feedback_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stale_metric_sources (workspace_id, source)
  SELECT DISTINCT n.workspace_id, 'loop' FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.customer_id, o.created_at) IS DISTINCT FROM (n.customer_id, n.created_at)
    AND EXISTS (SELECT 1 FROM idea_feedback l WHERE l.feedback_id = n.id)
    AND NOT EXISTS (SELECT 1 FROM stale_metric_sources s WHERE s.workspace_id = n.workspace_id AND s.source = 'loop')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER metric_rollups_feedback_update AFTER UPDATE ON feedback_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_linked_feedback_changed();
--> statement-breakpoint
-- Local days follow the time zone, cohort months the calendar (kept in settings).
CREATE FUNCTION metric_rollups_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.timezone, OLD.settings ->> 'calendar') IS DISTINCT FROM (NEW.timezone, NEW.settings ->> 'calendar')
     OR OLD.default_locale IS DISTINCT FROM NEW.default_locale THEN
    INSERT INTO stale_metric_sources (workspace_id, source)
    SELECT NEW.id, s.source FROM unnest(array['responses', 'sla_first_response', 'sla_resolution', 'compensations', 'loop', 'orders']) AS s(source)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER metric_rollups_zone_changed AFTER UPDATE ON workspaces
  FOR EACH ROW EXECUTE FUNCTION metric_rollups_zone_changed();
--> statement-breakpoint
-- What was stored before these rollups existed is computed by the first refresh.
INSERT INTO stale_metric_sources (workspace_id, source)
SELECT w.id, s.source FROM workspaces w
CROSS JOIN unnest(array['responses', 'sla_first_response', 'sla_resolution', 'compensations', 'loop', 'orders']) AS s(source)
ON CONFLICT DO NOTHING;
