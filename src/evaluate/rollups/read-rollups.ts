// Sums of rollups per period and per key of one dimension, within a range of local days. Filters
// on the breakdown's own dimension (or on one key of any dimension) read rollup rows; filters
// that cross dimensions (channel = email broken down by topic) are not additive over one-dimension
// rollups, so they are summed from the items with the same aggregates: exact either way.
import { sql, type SQL } from 'drizzle-orm';
import type { FeedbackDimension, Period } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { addDays } from '../../platform/calendars.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { DIMENSION_KEYS, itemInKeys, type RollupDimension } from './rollup-dimensions.js';
import { addSums, emptySums, itemAggregateList, rollupSumList, type RollupSums } from './rollup-sums.js';
import { readThroughUnitTree, ROLLUP_CELL_SUM } from '../service-units/unit-rollups.js';

export type RollupFilters = Partial<Record<FeedbackDimension, string[]>>;

export interface RollupQuery {
  /** Local days, inclusive. */
  from: string;
  to: string;
  /** The periods covering from–to (periodsCovering), in order. */
  periods: Period[];
  breakdown?: FeedbackDimension;
  filters?: RollupFilters;
  /** The workspace time zone: needed only when the items are summed. */
  timezone: string;
}

/** The sums of one period (an index into `periods`) for all items (`key` null) or one breakdown key. */
export interface RollupCell {
  period: number;
  key: string | null;
  sums: RollupSums;
}

export interface RollupResult {
  cells: RollupCell[];
  source: 'rollups' | 'items';
}

const f = feedbackItems;
const dateList = (days: string[]) =>
  sql`array[${sql.join(
    days.map((d) => sql`${d}`),
    sql`, `,
  )}]::date[]`;

export function sumRollups(scope: WorkspaceScope, query: RollupQuery): Promise<RollupResult> {
  return readThroughUnitTree(scope, query, ROLLUP_CELL_SUM, (q) => sumRollupsOfKeys(scope, q));
}

async function sumRollupsOfKeys(scope: WorkspaceScope, query: RollupQuery): Promise<RollupResult> {
  const filters = Object.entries(query.filters ?? {}).filter(([, keys]) => keys && keys.length > 0) as Array<[FeedbackDimension, string[]]>;
  const [only] = filters;
  if (filters.length === 0) {
    const cells = await rollupCells(scope, query, 'all', null, true);
    if (query.breakdown) cells.push(...(await rollupCells(scope, query, query.breakdown, null, false)));
    return { cells, source: 'rollups' };
  }
  // One dimension's keys are additive unless an item can have several (topics).
  if (filters.length === 1 && only && (only[1].length === 1 || only[0] !== 'topic') && (!query.breakdown || query.breakdown === only[0])) {
    const rows = await rollupCells(scope, query, only[0], only[1], false);
    const cells = merged(rows.map((c) => ({ ...c, key: null })));
    if (query.breakdown) cells.push(...rows);
    return { cells, source: 'rollups' };
  }
  const cells = await itemCells(scope, query, filters, undefined);
  if (query.breakdown) cells.push(...(await itemCells(scope, query, filters, query.breakdown)));
  return { cells, source: 'items' };
}

async function rollupCells(
  scope: WorkspaceScope,
  q: RollupQuery,
  dimension: RollupDimension,
  keys: string[] | null,
  overall: boolean,
): Promise<RollupCell[]> {
  const keyFilter = keys
    ? sql`and key in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await scope.database.rows<Record<string, unknown> & { bucket: number; key: string }>(sql`
    select width_bucket(day, ${dateList(q.periods.map((p) => p.first))}) as bucket, key, ${rollupSumList()}
    from feedback_rollups
    where workspace_id = ${scope.workspaceId} and dimension = ${dimension} and day between ${q.from}::date and ${q.to}::date ${keyFilter}
    group by 1, 2`);
  return rows.map((row) => ({ period: Number(row.bucket) - 1, key: overall ? null : row.key, sums: addSums(emptySums(), row) }));
}

async function itemCells(
  scope: WorkspaceScope,
  q: RollupQuery,
  filters: Array<[FeedbackDimension, string[]]>,
  breakdown: FeedbackDimension | undefined,
): Promise<RollupCell[]> {
  const tz = q.timezone;
  const localDay = sql`(${f.createdAt} at time zone ${tz})::date`;
  let key: SQL = sql`null::text`;
  let from: SQL = sql`${f}`;
  if (breakdown === 'topic') {
    key = sql`topic.key`;
    from = sql`${f} cross join lateral unnest(${f.topics}) as topic(key)`;
  } else if (breakdown) key = dimensionKey(breakdown);
  const conditions = filters.map(([dimension, keys]) => itemInKeys(dimension, keys));
  const rows = await scope.database.rows<Record<string, unknown> & { bucket: number; key: string | null }>(sql`
    select width_bucket(${localDay}, ${dateList(q.periods.map((p) => p.first))}) as bucket, ${key} as key, ${itemAggregateList()}
    from ${from}
    where ${f.workspaceId} = ${scope.workspaceId}
      and ${f.createdAt} >= (${q.from}::date)::timestamp at time zone ${tz}
      and ${f.createdAt} < (${addDays(q.to, 1)}::date)::timestamp at time zone ${tz}
      ${breakdown && breakdown !== 'topic' ? sql`and ${key} is not null` : sql``}
      ${conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``}
    group by 1, 2`);
  return rows.map((row) => ({ period: Number(row.bucket) - 1, key: breakdown ? row.key : null, sums: addSums(emptySums(), row) }));
}

function dimensionKey(dimension: FeedbackDimension): SQL {
  if (dimension === 'topic') throw new Error(`${dimension} has no single key per item`);
  return DIMENSION_KEYS[dimension];
}

/** Cells of the same period and key summed into one. */
function merged(cells: RollupCell[]): RollupCell[] {
  const byKey = new Map<string, RollupCell>();
  for (const cell of cells) {
    const id = `${cell.period}\u0000${cell.key ?? ''}`;
    const into = byKey.get(id);
    if (into) addSums(into.sums, cell.sums as unknown as Record<string, unknown>);
    else byKey.set(id, { ...cell, sums: { ...cell.sums } });
  }
  return [...byKey.values()];
}
