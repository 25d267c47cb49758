// Recomputes a workspace's rollups for a range of local days from its items: one set-based
// INSERT … SELECT per dimension, after deleting the range, in one transaction that holds the
// workspace's rollup lock (so two recomputations of one workspace never interleave).
import { eq, sql, type SQL } from 'drizzle-orm';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { addDays, daysBetween } from '../../platform/calendars.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { DIMENSION_KEYS, ROLLUP_DIMENSIONS, type RollupDimension } from './rollup-dimensions.js';
import { itemAggregateList, sumColumnList } from './rollup-sums.js';

export interface DayRange {
  from: string;
  to: string;
}

const f = feedbackItems;

/** Serialises recomputations of one workspace's rollups until the transaction ends. */
export async function lockWorkspaceRollups(tx: DbOrTx, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`feedback_rollups:${workspaceId}`}, 0))`);
}

async function timezoneOf(tx: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await tx.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.timezone ?? 'UTC';
}

/** The key expression and FROM clause of one dimension. */
function source(dimension: RollupDimension): { key: SQL; from: SQL; present: SQL } {
  if (dimension === 'all') return { key: sql`''`, from: sql`${f}`, present: sql`true` };
  if (dimension === 'topic')
    return { key: sql`topic.key`, from: sql`${f} cross join lateral unnest(${f.topics}) as topic(key)`, present: sql`true` };
  const key = DIMENSION_KEYS[dimension];
  return { key, from: sql`${f}`, present: sql`${key} is not null` };
}

/**
 * Rebuilds the rollups of `range` (local days; all of the workspace's days when omitted) inside
 * the caller's transaction, which must hold lockWorkspaceRollups.
 */
export async function rebuildRollupsIn(tx: DbOrTx, workspaceId: string, range?: DayRange): Promise<void> {
  const tz = await timezoneOf(tx, workspaceId);
  const localDay = sql`(${f.createdAt} at time zone ${tz})::date`;
  const inRange = range
    ? sql`${f.createdAt} >= (${range.from}::date)::timestamp at time zone ${tz} and ${f.createdAt} < (${addDays(range.to, 1)}::date)::timestamp at time zone ${tz}`
    : sql`true`;
  await tx.execute(
    sql`delete from feedback_rollups where workspace_id = ${workspaceId} ${range ? sql`and day between ${range.from}::date and ${range.to}::date` : sql``}`,
  );
  for (const dimension of ROLLUP_DIMENSIONS) {
    const { key, from, present } = source(dimension);
    await tx.execute(sql`
      insert into feedback_rollups (workspace_id, day, dimension, key, ${sumColumnList()})
      select ${f.workspaceId}, ${localDay}, ${dimension}, ${key}, ${itemAggregateList(false)}
      from ${from}
      where ${f.workspaceId} = ${workspaceId} and ${inRange} and ${present}
      group by 1, 2, 4`);
  }
}

/** Rebuilds a workspace's rollups (a range of local days, or everything) in a transaction of its own. */
export async function rebuildRollups(database: Database, workspaceId: string, range?: DayRange): Promise<void> {
  if (range && daysBetween(range.from, range.to) < 0) throw new Error(`empty day range ${range.from}–${range.to}`);
  await database.db.transaction(async (tx) => {
    await lockWorkspaceRollups(tx, workspaceId);
    await rebuildRollupsIn(tx, workspaceId, range);
  });
}
