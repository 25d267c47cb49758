// GET /metrics: a metric per period of a calendar and per key of one dimension, with totals,
// summed from the rollups and computed with the catalogue's formula; "no data" is null.
import { eq } from 'drizzle-orm';
import type {
  FeedbackDimension,
  MetricDimension,
  MetricId,
  MetricSeries,
  MetricValue,
  MetricsResponse,
  Period,
  PeriodCalendar,
} from '../../contracts/metrics.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { badRequest } from '../../platform/http/errors.js';
import { daysBetween } from '../../platform/calendars.js';
import { getWorkspaceSettings } from '../../platform/workspace/workspace-settings.service.js';
import { periodsCovering } from '../periods/periods.js';
import { sumRollups, type RollupCell, type RollupFilters } from '../rollups/read-rollups.js';
import { addSums, emptySums, type RollupSums } from '../rollups/rollup-sums.js';
import { FEEDBACK_METRICS } from './metric-catalogue.js';
import { TICKET_METRICS, ticketCells, type TicketCell, type TicketCounts } from './ticket-metrics.js';
import { ACTIVITY_METRICS } from './activity-metrics.js';
import { ORDER_METRICS } from './order-metrics.js';
import { churnRisk } from './churn-metric.js';
import { METRICS_LIMITS, type TMetricsQuery } from './metrics.input.js';
import { METRIC_DIMENSIONS } from '../../contracts/metrics.js';

/** The calendar periods are counted in: the one asked for, else the user's own choice, else the workspace's. */
async function calendarFor(scope: WorkspaceScope, actor: Actor | null, asked: PeriodCalendar | undefined, workspace: PeriodCalendar) {
  if (asked) return asked;
  if (actor?.userId) {
    const [user] = await scope.db.select({ calendar: users.calendar }).from(users).where(eq(users.id, actor.userId));
    if (user && user.calendar !== 'auto') return user.calendar;
  }
  return workspace;
}

/** Every metric of the catalogue, by where its figures come from. */
export const metricOf = (id: MetricId) =>
  FEEDBACK_METRICS[id] ??
  TICKET_METRICS[id] ??
  ACTIVITY_METRICS[id] ??
  (id === 'churn_risk' ? churnRisk : (ORDER_METRICS as Partial<typeof ORDER_METRICS>)[id as keyof typeof ORDER_METRICS]);

export async function getMetrics(scope: WorkspaceScope, actor: Actor | null, query: TMetricsQuery): Promise<MetricsResponse> {
  const metric = metricOf(query.metric);
  if (!metric) throw badRequest('metric', `${query.metric} is not available yet`);
  if (daysBetween(query.from, query.to) + 1 > METRICS_LIMITS.maxDays)
    throw badRequest('from', `must be at most ${METRICS_LIMITS.maxDays} days before to`);
  const settings = await getWorkspaceSettings(scope);
  const calendar = await calendarFor(scope, actor, query.calendar, settings.calendar);
  const periods = periodsCovering(query.from, query.to, { grain: query.grain, calendar, weekStart: settings.weekStart });
  if (periods.length > METRICS_LIMITS.maxPeriods)
    throw badRequest(
      'grain',
      `${periods.length} ${query.grain} periods are too many (at most ${METRICS_LIMITS.maxPeriods}): choose a longer grain or a shorter range`,
    );
  const filters: Partial<Record<MetricDimension, string[]>> = {};
  for (const dimension of METRIC_DIMENSIONS) if (query[dimension]) filters[dimension] = query[dimension];

  if (query.breakdown && !metric.dimensions.includes(query.breakdown))
    throw badRequest('breakdown', `${metric.id} breaks down by ${metric.dimensions.join(', ')}`);
  for (const dimension of Object.keys(filters) as MetricDimension[])
    if (!metric.dimensions.includes(dimension))
      throw badRequest(dimension, `${metric.id} is filtered by ${metric.dimensions.join(', ')} only`);

  const range = { from: query.from, to: query.to, periods, breakdown: query.breakdown, filters, timezone: settings.timezone };
  let series: MetricSeries[];
  if (metric.source === 'activity') {
    series = await metric.series(scope, range);
  } else if (metric.source === 'tickets') {
    series = ticketSeries(await ticketCells(scope, metric.id, range), periods, metric.compute);
  } else {
    const feedbackRange = { ...range, breakdown: query.breakdown as FeedbackDimension | undefined, filters: filters as RollupFilters };
    const { cells } = await sumRollups(scope, feedbackRange);
    series = seriesOf(cells, periods.length, feedbackRange.breakdown).map(({ key, byPeriod, total }) => ({
      key,
      points: periods.map((p, i) => ({ period: p.key, value: metric.compute(byPeriod[i] ?? emptySums()) })),
      total: metric.compute(total),
    }));
  }
  const overall = series.find((s) => s.key === null)!;
  return {
    metric: metric.id,
    unit: metric.unit,
    from: query.from,
    to: query.to,
    grain: query.grain,
    calendar,
    timezone: settings.timezone,
    breakdown: query.breakdown ?? null,
    periods,
    series: [
      overall,
      ...series
        .filter((s) => s.key !== null)
        .sort(bySize)
        .slice(0, METRICS_LIMITS.maxBreakdownKeys),
    ],
    total: overall.total,
  };
}

const bySize = (a: MetricSeries, b: MetricSeries) => b.total.n - a.total.n || (a.key ?? '').localeCompare(b.key ?? '');

function seriesOf(cells: RollupCell[], periodCount: number, breakdown: FeedbackDimension | undefined) {
  const byKey = new Map<string | null, { key: string | null; byPeriod: RollupSums[]; total: RollupSums }>();
  const line = (key: string | null) => {
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { key, byPeriod: Array.from({ length: periodCount }, emptySums), total: emptySums() }));
    return s;
  };
  line(null);
  for (const cell of cells) {
    if (cell.key !== null && !breakdown) continue;
    const s = line(cell.key);
    const sums = cell.sums as unknown as Record<string, unknown>;
    addSums(s.byPeriod[cell.period]!, sums);
    addSums(s.total, sums);
  }
  return [...byKey.values()];
}

function ticketSeries(cells: TicketCell[], periods: Period[], compute: (c: TicketCounts) => MetricValue): MetricSeries[] {
  const byKey = new Map<string | null, { byPeriod: TicketCounts[]; total: TicketCounts }>([
    [null, { byPeriod: [], total: { part: 0, whole: 0 } }],
  ]);
  for (const cell of cells) {
    let line = byKey.get(cell.key);
    if (!line) byKey.set(cell.key, (line = { byPeriod: [], total: { part: 0, whole: 0 } }));
    const at = (line.byPeriod[cell.period] ??= { part: 0, whole: 0 });
    at.part += cell.counts.part;
    at.whole += cell.counts.whole;
    line.total.part += cell.counts.part;
    line.total.whole += cell.counts.whole;
  }
  return [...byKey].map(([key, line]) => ({
    key,
    points: periods.map((p, i) => ({ period: p.key, value: compute(line.byPeriod[i] ?? { part: 0, whole: 0 }) })),
    total: compute(line.total),
  }));
}
