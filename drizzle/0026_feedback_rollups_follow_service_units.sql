-- Rollups hold a dimension per service unit (keyed by the item's own unit): moving an item to
-- another unit marks its day stale like any other change a rollup counts. Moving a unit in the
-- tree changes no rollup row (a unit's figures are summed over its subtree when read).
CREATE OR REPLACE FUNCTION feedback_rollups_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
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
             o.feedback_type, o.topics, o.assignee_id, o.metadata ->> 'product', o.service_unit_id)
        IS DISTINCT FROM
            (n.workspace_id, n.created_at, n.channel, n.language, n.nps, n.csat, n.ces, n.sentiment, n.sentiment_score,
             n.feedback_type, n.topics, n.assignee_id, n.metadata ->> 'product', n.service_unit_id)
    ) changed
    CROSS JOIN LATERAL (VALUES (changed.workspace_id, changed.day), (changed.new_workspace_id, changed.new_day)) AS c(workspace_id, day)
    WHERE NOT EXISTS (SELECT 1 FROM stale_rollup_days s WHERE s.workspace_id = c.workspace_id AND s.day = c.day)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
