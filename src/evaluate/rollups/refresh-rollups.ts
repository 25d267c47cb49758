// Recomputes the days marked stale (by the triggers of feedback_items, see the migration
// feedback_rollups_kept_current) from their items. Each workspace in a transaction of its own
// under its rollup lock: the marks are taken and their days rebuilt together, so a change
// committed after the marks were taken leaves its own mark for the next refresh.
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { addDays } from '../../platform/calendars.js';
import { lockWorkspaceRollups, rebuildRollupsIn, type DayRange } from './rebuild-rollups.js';
import { refreshStaleMetricSources } from './rebuild-metric-rollups.js';
import { refreshStaleChurnRisk } from './rebuild-churn-risk.js';

/** Consecutive days as ranges: one rebuild per run of days. */
export function dayRuns(days: string[]): DayRange[] {
  const sorted = [...new Set(days)].sort();
  const runs: DayRange[] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && addDays(last.to, 1) === day) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}

/**
 * Recomputes every stale day (of one workspace, or of all), every stale metric source and the
 * churn-risk spells of every stale customer; answers how many days.
 */
export async function refreshStaleRollups(database: Database, workspaceId?: string): Promise<number> {
  const workspaces = workspaceId
    ? [workspaceId]
    : (await database.rows<{ workspace_id: string }>(sql`select distinct workspace_id from stale_rollup_days`)).map((r) => r.workspace_id);
  let refreshed = 0;
  for (const id of workspaces) {
    refreshed += await database.db.transaction(async (tx) => {
      await lockWorkspaceRollups(tx, id);
      const marks = await database.rows<{ day: string }>(
        sql`delete from stale_rollup_days where workspace_id = ${id} returning day::text as day`,
        tx,
      );
      for (const run of dayRuns(marks.map((m) => m.day))) await rebuildRollupsIn(tx, id, run);
      return marks.length;
    });
  }
  await refreshStaleMetricSources(database, workspaceId);
  await refreshStaleChurnRisk(database, workspaceId);
  return refreshed;
}
