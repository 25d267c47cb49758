// Ticket metrics: volume by the local day a ticket was opened, first-contact resolution among the
// tickets resolved in a period (one public reply, never reopened), read from the metric rollups
// (or, for filters across dimensions, summed from the tickets through the same definition).
// Breakdowns: agent, topic and service unit (a unit with its descendants).
import { sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, MetricDimension, MetricId, MetricValue } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { sumMetricRollups } from '../rollups/read-metric-rollups.js';
import { count, share } from './score-formulas.js';
import type { MetricRange } from './activity-metrics.js';
import { type CellSum, readThroughUnitTree } from '../service-units/unit-rollups.js';

export interface TicketCounts {
  part: number;
  whole: number;
}

export interface TicketMetric extends MetricDefinition {
  source: 'tickets';
  compute(c: TicketCounts): MetricValue;
}

const TICKET_DIMENSIONS: MetricDimension[] = ['agent', 'topic', 'service_unit'];

export const TICKET_METRICS: Partial<Record<MetricId, TicketMetric>> = {
  ticket_volume: {
    id: 'ticket_volume',
    unit: 'count',
    dimensions: TICKET_DIMENSIONS,
    higherIsBetter: false,
    source: 'tickets',
    compute: (c) => count(c.whole),
  },
  first_contact_resolution: {
    id: 'first_contact_resolution',
    unit: 'percent',
    dimensions: TICKET_DIMENSIONS,
    higherIsBetter: true,
    source: 'tickets',
    compute: (c) => share(c.part, c.whole, { firstContact: c.part, resolved: c.whole }),
  },
};

export interface TicketCell {
  period: number;
  key: string | null;
  counts: TicketCounts;
}

const TICKET_CELL_SUM: CellSum<TicketCell> = {
  clone: (cell, key) => ({ ...cell, key, counts: { ...cell.counts } }),
  add: (into, from) => {
    into.counts.part += from.counts.part;
    into.counts.whole += from.counts.whole;
  },
};

/** Counts per period (and per key of the breakdown) of one ticket metric; a unit's with its descendants'. */
export async function ticketCells(scope: WorkspaceScope, metric: MetricId, q: MetricRange): Promise<TicketCell[]> {
  const read = async (query: typeof q) => ({ cells: await ticketCellsOfKeys(scope, metric, query) });
  return (await readThroughUnitTree(scope, q, TICKET_CELL_SUM, read)).cells;
}

type TicketMetricId = 'ticket_volume' | 'first_contact_resolution';

/**
 * The one definition of the ticket metrics, as rows a period sums: each ticket counts once on the
 * local day it was opened (volume) or resolved (first-contact resolution, `part` when it was
 * resolved with one public reply and never reopened), with its keys per dimension. The metric
 * rollups are built from it, and the figures a rollup cannot give are summed from it directly.
 */
export function ticketEventsSql(workspaceId: string, metric: TicketMetricId, timezone: string): SQL {
  const at = metric === 'ticket_volume' ? sql`t.created_at` : sql`t.resolved_at`;
  const part = metric === 'first_contact_resolution' ? sql`(t.public_reply_count = 1 and t.reopen_count = 0)::int` : sql`0`;
  return sql`
    select (${at} at time zone ${timezone})::date as day, t.assignee_id::text as agent, t.topic, t.service_unit_id::text as service_unit,
           null::numeric as amount, null::float8 as hours, ${part} as part, 1 as whole
    from tickets t where t.workspace_id = ${workspaceId} and ${at} is not null`;
}

/** The columns of ticketEventsSql keyed by each dimension tickets have. */
export const TICKET_DIMENSION_COLUMNS = ['agent', 'topic', 'service_unit'] as const;

async function ticketCellsOfKeys(scope: WorkspaceScope, metric: MetricId, q: MetricRange): Promise<TicketCell[]> {
  const filters = Object.entries(q.filters).filter(([, keys]) => keys && keys.length > 0) as Array<[MetricDimension, string[]]>;
  const [only] = filters;
  // A ticket has one key per dimension, so one dimension's rows add up; filters across dimensions do not.
  if (filters.length === 0 || (filters.length === 1 && only && (!q.breakdown || q.breakdown === only[0])))
    return rolledUpTicketCells(scope, metric as TicketMetricId, q, only);
  return summedTicketCells(scope, metric as TicketMetricId, q, filters);
}

/** From the metric rollups (source: the metric's id), kept current like the other metric rollups. */
async function rolledUpTicketCells(
  scope: WorkspaceScope,
  metric: TicketMetricId,
  q: MetricRange,
  only: [MetricDimension, string[]] | undefined,
): Promise<TicketCell[]> {
  const read = async (dimension: string, keys?: string[]) =>
    (await sumMetricRollups(scope, { sources: [metric], dimension, keys, from: q.from, to: q.to, periods: q.periods })).map(
      (c): TicketCell => ({ period: c.period, key: c.key, counts: { part: c.sums.part, whole: c.sums.whole } }),
    );
  if (!only) {
    const cells = (await read('all')).map((c): TicketCell => ({ ...c, key: null }));
    if (q.breakdown) cells.push(...(await read(q.breakdown)));
    return cells;
  }
  const rows = await read(only[0], only[1]);
  const overall = new Map<number, TicketCell>();
  for (const row of rows) {
    const into: TicketCell = overall.get(row.period) ?? { period: row.period, key: null, counts: { part: 0, whole: 0 } };
    TICKET_CELL_SUM.add(into, row);
    overall.set(row.period, into);
  }
  return [...overall.values(), ...(q.breakdown ? rows : [])];
}

/** Summed from the tickets themselves, through the same definition. */
async function summedTicketCells(
  scope: WorkspaceScope,
  metric: TicketMetricId,
  q: MetricRange,
  filters: Array<[MetricDimension, string[]]>,
): Promise<TicketCell[]> {
  const firsts = sql`array[${sql.join(
    q.periods.map((p) => sql`${p.first}`),
    sql`, `,
  )}]::date[]`;
  const column = (d: MetricDimension) => sql`e.${sql.identifier(d)}`;
  const conditions = filters.map(
    ([d, keys]) =>
      sql`${column(d)} in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})`,
  );
  const cells: TicketCell[] = [];
  for (const key of [null, ...(q.breakdown ? [column(q.breakdown)] : [])]) {
    const rows = await scope.database.rows<{ bucket: number; key: string | null; part: number; whole: number }>(sql`
      select width_bucket(e.day, ${firsts}) as bucket, ${key ?? sql`null::text`} as key, sum(e.part)::int as part, sum(e.whole)::int as whole
      from (${ticketEventsSql(scope.workspaceId, metric, q.timezone)}) e
      where e.day between ${q.from}::date and ${q.to}::date
        ${key ? sql`and ${key} is not null` : sql``}
        ${conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``}
      group by 1, 2`);
    cells.push(
      ...rows.map((r) => ({ period: Number(r.bucket) - 1, key: r.key, counts: { part: Number(r.part), whole: Number(r.whole) } })),
    );
  }
  return cells;
}
