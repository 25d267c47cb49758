-- Every change to a feedback item that a rollup counts marks its (workspace, local day) stale,
-- whoever made it (storing, analysis, corrections, bulk edits, answers, deletions); the
-- refresh-rollups schedule recomputes marked days from the items. A day already marked is only
-- read, never written again, so concurrent writers do not queue on one row.
CREATE FUNCTION feedback_rollups_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stale_rollup_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, c.day FROM (
      SELECT n.workspace_id, (n.created_at AT TIME ZONE w.timezone)::date AS day
      FROM new_rows n JOIN workspaces w ON w.id = n.workspace_id
    ) c
    WHERE NOT EXISTS (SELECT 1 FROM stale_rollup_days s WHERE s.workspace_id = c.workspace_id AND s.day = c.day)
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stale_rollup_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, c.day FROM (
      SELECT o.workspace_id, (o.created_at AT TIME ZONE w.timezone)::date AS day
      FROM old_rows o JOIN workspaces w ON w.id = o.workspace_id
    ) c
    WHERE NOT EXISTS (SELECT 1 FROM stale_rollup_days s WHERE s.workspace_id = c.workspace_id AND s.day = c.day)
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO stale_rollup_days (workspace_id, day)
    SELECT DISTINCT c.workspace_id, c.day FROM (
      SELECT o.workspace_id, (o.created_at AT TIME ZONE w.timezone)::date AS day, n.workspace_id AS new_workspace_id,
             (n.created_at AT TIME ZONE w2.timezone)::date AS new_day
      FROM old_rows o
      JOIN new_rows n ON n.id = o.id
      JOIN workspaces w ON w.id = o.workspace_id
      JOIN workspaces w2 ON w2.id = n.workspace_id
      WHERE (o.workspace_id, o.created_at, o.channel, o.language, o.nps, o.csat, o.ces, o.sentiment, o.sentiment_score,
             o.feedback_type, o.topics, o.assignee_id, o.metadata ->> 'product')
        IS DISTINCT FROM
            (n.workspace_id, n.created_at, n.channel, n.language, n.nps, n.csat, n.ces, n.sentiment, n.sentiment_score,
             n.feedback_type, n.topics, n.assignee_id, n.metadata ->> 'product')
    ) changed
    CROSS JOIN LATERAL (VALUES (changed.workspace_id, changed.day), (changed.new_workspace_id, changed.new_day)) AS c(workspace_id, day)
    WHERE NOT EXISTS (SELECT 1 FROM stale_rollup_days s WHERE s.workspace_id = c.workspace_id AND s.day = c.day)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER feedback_rollups_after_insert AFTER INSERT ON feedback_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_rollups_mark_stale();
--> statement-breakpoint
CREATE TRIGGER feedback_rollups_after_update AFTER UPDATE ON feedback_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_rollups_mark_stale();
--> statement-breakpoint
CREATE TRIGGER feedback_rollups_after_delete AFTER DELETE ON feedback_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_rollups_mark_stale();
--> statement-breakpoint
-- A new time zone moves items to other local days: every day under the old and the new zone is recomputed.
CREATE FUNCTION feedback_rollups_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.timezone IS DISTINCT FROM OLD.timezone THEN
    INSERT INTO stale_rollup_days (workspace_id, day)
    SELECT DISTINCT NEW.id, d.day FROM feedback_items f
    CROSS JOIN LATERAL (VALUES ((f.created_at AT TIME ZONE OLD.timezone)::date), ((f.created_at AT TIME ZONE NEW.timezone)::date)) AS d(day)
    WHERE f.workspace_id = NEW.id
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER feedback_rollups_zone_changed AFTER UPDATE OF timezone ON workspaces
  FOR EACH ROW EXECUTE FUNCTION feedback_rollups_zone_changed();
--> statement-breakpoint
-- Feedback stored before rollups existed: its days are computed by the first refresh.
INSERT INTO stale_rollup_days (workspace_id, day)
SELECT DISTINCT f.workspace_id, (f.created_at AT TIME ZONE w.timezone)::date
FROM feedback_items f JOIN workspaces w ON w.id = f.workspace_id
ON CONFLICT DO NOTHING;
