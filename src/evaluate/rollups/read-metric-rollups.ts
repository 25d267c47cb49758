// Sums of metric rollups per period and per key of one dimension, within a range of local days.
import { sql } from 'drizzle-orm';
import type { Period } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { MetricRollupSource } from './metric-rollups.tables.js';

export interface MetricRollupSums {
  part: number;
  whole: number;
  amount: number;
  /** Loop closure hours, when asked for. */
  hours: number[];
}

export interface MetricRollupCell {
  /** An index into `periods`. */
  period: number;
  /** '' for the dimension `all`. */
  key: string;
  sums: MetricRollupSums;
}

export const emptyMetricSums = (): MetricRollupSums => ({ part: 0, whole: 0, amount: 0, hours: [] });

export function addMetricSums(into: MetricRollupSums, from: MetricRollupSums): MetricRollupSums {
  into.part += from.part;
  into.whole += from.whole;
  into.amount += from.amount;
  for (const h of from.hours) into.hours.push(h);
  return into;
}

export interface MetricRollupQuery {
  sources: MetricRollupSource[];
  /** 'all' or the dimension whose keys are read. */
  dimension: string;
  /** Only these keys of the dimension. */
  keys?: string[];
  from: string;
  to: string;
  periods: Period[];
  withHours?: boolean;
}

const list = (values: string[], type: string) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;

export async function sumMetricRollups(scope: WorkspaceScope, q: MetricRollupQuery): Promise<MetricRollupCell[]> {
  const where = sql`workspace_id = ${scope.workspaceId} and source = any(${list(q.sources, 'text')}) and dimension = ${q.dimension}
    and day between ${q.from}::date and ${q.to}::date ${q.keys ? sql`and key = any(${list(q.keys, 'text')})` : sql``}`;
  const bucket = sql`width_bucket(day, ${list(
    q.periods.map((p) => p.first),
    'date',
  )})`;
  const rows = await scope.database.rows<{ bucket: number; key: string; part: number; whole: number; amount: number }>(sql`
    select ${bucket} as bucket, key, sum(part)::int as part, sum(whole)::int as whole, sum(amount)::float8 as amount
    from metric_rollups where ${where} group by 1, 2`);
  const cells = new Map<string, MetricRollupCell>();
  for (const r of rows)
    cells.set(`${r.bucket}\u0000${r.key}`, {
      period: Number(r.bucket) - 1,
      key: r.key,
      sums: { part: Number(r.part), whole: Number(r.whole), amount: Number(r.amount), hours: [] },
    });
  if (q.withHours) {
    const hours = await scope.database.rows<{ bucket: number; key: string; h: number }>(sql`
      select ${bucket} as bucket, key, h from metric_rollups cross join lateral unnest(hours) as h where ${where} and hours is not null`);
    for (const r of hours) cells.get(`${r.bucket}\u0000${r.key}`)?.sums.hours.push(Number(r.h));
  }
  return [...cells.values()];
}
