// A league table: the keys of one dimension ranked by a metric over a range of days, each with
// its n and interval; keys with fewer than minN answers are listed unranked, after the others.
import type { FeedbackDimension, LeagueTable, MetricValue } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { badRequest } from '../../platform/http/errors.js';
import { daysBetween } from '../../platform/calendars.js';
import { getWorkspaceSettings } from '../../platform/workspace/workspace-settings.service.js';
import { sumRollups } from '../rollups/read-rollups.js';
import { addSums, emptySums, type RollupSums } from '../rollups/rollup-sums.js';
import { metricOf } from './metrics.service.js';
import { ticketCells } from './ticket-metrics.js';
import { METRICS_LIMITS, type TLeagueQuery } from './metrics.input.js';
import { keepLevel } from '../service-units/unit-level.js';

export async function getLeagueTable(scope: WorkspaceScope, query: TLeagueQuery): Promise<LeagueTable> {
  const metric = metricOf(query.metric);
  if (!metric) throw badRequest('metric', `${query.metric} is not available yet`);
  if (!metric.dimensions.includes(query.dimension))
    throw badRequest('dimension', `${metric.id} is ranked by ${metric.dimensions.join(', ') || 'no dimension'}`);
  if (daysBetween(query.from, query.to) + 1 > METRICS_LIMITS.maxDays)
    throw badRequest('from', `must be at most ${METRICS_LIMITS.maxDays} days before to`);
  const settings = await getWorkspaceSettings(scope);
  const whole = {
    key: 'range',
    grain: 'day' as const,
    first: query.from,
    last: query.to,
    label: { calendar: 'gregorian' as const, year: 0, quarter: null, month: null, day: null },
  };
  const range = { from: query.from, to: query.to, periods: [whole], timezone: settings.timezone, filters: {} };
  let values: Array<{ key: string; value: MetricValue }>;
  if (metric.source === 'feedback') {
    const { cells } = await sumRollups(scope, { ...range, breakdown: query.dimension as FeedbackDimension });
    const byKey = new Map<string, RollupSums>();
    for (const cell of cells) {
      if (cell.key === null) continue;
      const sums = byKey.get(cell.key) ?? emptySums();
      byKey.set(cell.key, addSums(sums, cell.sums as unknown as Record<string, unknown>));
    }
    values = [...byKey].map(([key, sums]) => ({ key, value: metric.compute(sums) }));
  } else if (metric.source === 'tickets') {
    const cells = await ticketCells(scope, metric.id, { ...range, breakdown: query.dimension });
    values = cells.filter((c) => c.key !== null).map((c) => ({ key: c.key!, value: metric.compute(c.counts) }));
  } else {
    const series = await metric.series(scope, { ...range, breakdown: query.dimension });
    values = series.filter((s) => s.key !== null).map((s) => ({ key: s.key!, value: s.total }));
  }
  if (query.level) {
    const byUnit = new Map(values.map((v) => [v.key, v]));
    await keepLevel(scope, byUnit, query.level);
    values = [...byUnit.values()];
  }
  const ranked = values.filter((v) => v.value.value !== null && v.value.n >= query.minN);
  const sign = metric.higherIsBetter ? -1 : 1;
  ranked.sort((a, b) => sign * (a.value.value! - b.value.value!) || b.value.n - a.value.n || a.key.localeCompare(b.key));
  const unranked = values.filter((v) => !ranked.includes(v)).sort((a, b) => b.value.n - a.value.n || a.key.localeCompare(b.key));
  return {
    metric: metric.id,
    unit: metric.unit,
    dimension: query.dimension,
    from: query.from,
    to: query.to,
    rows: [...ranked.map((v, i) => ({ ...v, rank: i + 1 })), ...unranked.map((v) => ({ ...v, rank: null }))],
  };
}
