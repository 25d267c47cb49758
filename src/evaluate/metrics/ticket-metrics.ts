// Ticket metrics, summed from the tickets themselves (a workspace has far fewer tickets than
// feedback items): volume by the local day a ticket was opened, first-contact resolution among the
// tickets resolved in a period (one public reply, never reopened). Breakdowns: agent, topic and
// service unit (a unit with its descendants).
import { sql, type SQL } from 'drizzle-orm';
import type { MetricDefinition, MetricDimension, MetricId, MetricValue, Period } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { addDays } from '../../platform/calendars.js';
import { tickets } from '../../act/tickets/tickets.tables.js';
import { count, share } from './score-formulas.js';
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
const KEYS: Partial<Record<MetricDimension, SQL>> = {
  agent: sql`${tickets.assigneeId}::text`,
  topic: sql`${tickets.topic}`,
  service_unit: sql`${tickets.serviceUnitId}::text`,
};

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
export async function ticketCells(
  scope: WorkspaceScope,
  metric: MetricId,
  q: Parameters<typeof ticketCellsOfKeys>[2],
): Promise<TicketCell[]> {
  const read = async (query: typeof q) => ({ cells: await ticketCellsOfKeys(scope, metric, query) });
  return (await readThroughUnitTree(scope, q, TICKET_CELL_SUM, read)).cells;
}

async function ticketCellsOfKeys(
  scope: WorkspaceScope,
  metric: MetricId,
  q: {
    from: string;
    to: string;
    periods: Period[];
    timezone: string;
    breakdown?: MetricDimension;
    filters: Partial<Record<MetricDimension, string[]>>;
  },
): Promise<TicketCell[]> {
  const t = tickets;
  const at = metric === 'ticket_volume' ? sql`${t.createdAt}` : sql`${t.resolvedAt}`;
  const part = metric === 'first_contact_resolution' ? sql`${t.publicReplyCount} = 1 and ${t.reopenCount} = 0` : sql`false`;
  const tz = q.timezone;
  const firsts = sql`array[${sql.join(
    q.periods.map((p) => sql`${p.first}`),
    sql`, `,
  )}]::date[]`;
  const filters = Object.entries(q.filters).map(
    ([d, keys]) =>
      sql`${KEYS[d as MetricDimension]!} in (${sql.join(
        keys!.map((k) => sql`${k}`),
        sql`, `,
      )})`,
  );
  const cells: TicketCell[] = [];
  for (const key of [null, ...(q.breakdown ? [KEYS[q.breakdown]!] : [])]) {
    const rows = await scope.database.rows<{ bucket: number; key: string | null; part: number; whole: number }>(sql`
      select width_bucket((${at} at time zone ${tz})::date, ${firsts}) as bucket, ${key ?? sql`null::text`} as key,
             count(*) filter (where ${part})::int as part, count(*)::int as whole
      from ${t}
      where ${t.workspaceId} = ${scope.workspaceId}
        and ${at} >= (${q.from}::date)::timestamp at time zone ${tz} and ${at} < (${addDays(q.to, 1)}::date)::timestamp at time zone ${tz}
        ${key ? sql`and ${key} is not null` : sql``}
        ${filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``}
      group by 1, 2`);
    cells.push(
      ...rows.map((r) => ({ period: Number(r.bucket) - 1, key: r.key, counts: { part: Number(r.part), whole: Number(r.whole) } })),
    );
  }
  return cells;
}
