// The metrics made of what happens around feedback — surveys sent and answered, SLA targets,
// compensations given, loops closed — read from the metric rollups, per period and per key of
// their own dimensions, with the formulas of score-formulas.ts. Definitions: docs/metrics.md.
import type { MetricDefinition, MetricDimension, MetricId, MetricSeries, MetricValue, Period } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { badRequest } from '../../platform/http/errors.js';
import type { MetricRollupSource } from '../rollups/metric-rollups.tables.js';
import {
  addMetricSums,
  emptyMetricSums,
  sumMetricRollups,
  type MetricRollupCell,
  type MetricRollupSums,
} from '../rollups/read-metric-rollups.js';
import { median, share, total } from './score-formulas.js';

/** What a metric is asked for: local days, their periods, a breakdown and filters. */
export interface MetricRange {
  from: string;
  to: string;
  periods: Period[];
  timezone: string;
  breakdown?: MetricDimension;
  filters: Partial<Record<MetricDimension, string[]>>;
}

export interface ActivityMetric extends MetricDefinition {
  source: 'activity';
  series(scope: WorkspaceScope, range: MetricRange): Promise<MetricSeries[]>;
}

interface Line {
  key: string | null;
  byPeriod: MetricRollupSums[];
  total: MetricRollupSums;
}

/** Cells summed into lines: all (`key` null) first, then one per key. */
export function linesOf(cells: Array<Omit<MetricRollupCell, 'key'> & { key: string | null }>, periodCount: number): Line[] {
  const lines = new Map<string | null, Line>();
  const line = (key: string | null) => {
    let l = lines.get(key);
    if (!l) lines.set(key, (l = { key, byPeriod: Array.from({ length: periodCount }, emptyMetricSums), total: emptyMetricSums() }));
    return l;
  };
  line(null);
  for (const cell of cells) {
    const l = line(cell.key);
    addMetricSums(l.byPeriod[cell.period]!, cell.sums);
    addMetricSums(l.total, cell.sums);
  }
  return [...lines.values()];
}

const seriesOf = (lines: Line[], periods: Period[], compute: (s: MetricRollupSums) => MetricValue): MetricSeries[] =>
  lines.map((l) => ({
    key: l.key,
    points: periods.map((p, i) => ({ period: p.key, value: compute(l.byPeriod[i]!) })),
    total: compute(l.total),
  }));

/** The one dimension a rollup metric is read by: its breakdown, or its one filter. */
function readDimension(id: MetricId, range: MetricRange): { dimension: MetricDimension | undefined; keys: string[] | undefined } {
  const filters = Object.entries(range.filters).filter(([, keys]) => keys && keys.length > 0) as Array<[MetricDimension, string[]]>;
  const other = filters.find(([d]) => (range.breakdown ? d !== range.breakdown : d !== filters[0]![0]));
  if (other) throw badRequest(other[0], `${id} is filtered by one dimension only, the one it is broken down by`);
  return { dimension: range.breakdown ?? filters[0]?.[0], keys: filters[0]?.[1] };
}

/** Cells of the overall line (`key` null) and, with a breakdown, of each key. */
async function cellsOf(scope: WorkspaceScope, id: MetricId, range: MetricRange, sources: MetricRollupSource[], withHours = false) {
  const { dimension, keys } = readDimension(id, range);
  const base = { sources, from: range.from, to: range.to, periods: range.periods, withHours };
  const filtered = dimension && keys ? await sumMetricRollups(scope, { ...base, dimension, keys }) : null;
  const overall = filtered ?? (await sumMetricRollups(scope, { ...base, dimension: 'all' }));
  const byKey = range.breakdown ? (filtered ?? (await sumMetricRollups(scope, { ...base, dimension: range.breakdown }))) : [];
  return [...overall.map((c) => ({ ...c, key: null })), ...byKey];
}

function rollupMetric(
  id: MetricId,
  unit: MetricDefinition['unit'],
  higherIsBetter: boolean,
  sources: MetricRollupSource[],
  dimensions: MetricDimension[],
  compute: (s: MetricRollupSums) => MetricValue,
  withHours = false,
): ActivityMetric {
  return {
    id,
    unit,
    dimensions,
    higherIsBetter,
    source: 'activity',
    series: async (scope, range) =>
      seriesOf(linesOf(await cellsOf(scope, id, range, sources, withHours), range.periods.length), range.periods, compute),
  };
}

/**
 * Compensations: a count, and the amount given only within one currency — over several
 * currencies the value is null and `counts` holds each currency's amount.
 */
const compensationTotal: ActivityMetric = {
  id: 'compensation_total',
  unit: 'amount',
  dimensions: ['currency'],
  higherIsBetter: false,
  source: 'activity',
  async series(scope, range) {
    const { keys } = readDimension('compensation_total', range);
    const base = { sources: ['compensations' as const], from: range.from, to: range.to, periods: range.periods };
    const currencies = await sumMetricRollups(scope, { ...base, dimension: 'currency', keys });
    const counted = keys ? currencies : await sumMetricRollups(scope, { ...base, dimension: 'all' });
    const amounts = linesOf(currencies, range.periods.length);
    const counts = linesOf(
      counted.map((c) => ({ ...c, key: null })),
      range.periods.length,
    )[0]!;
    const given = (n: number, byCurrency: Map<string, number>): MetricValue => {
      if (n === 0) return total(0, 0);
      const only = byCurrency.size === 1 ? [...byCurrency.values()][0]! : null;
      return { value: only, n, low: null, high: null, counts: { count: n, ...Object.fromEntries(byCurrency) } };
    };
    const amountsAt = (pick: (l: Line) => MetricRollupSums) =>
      new Map(amounts.filter((l) => l.key !== null && pick(l).whole > 0).map((l) => [l.key!, Math.round(pick(l).amount * 100) / 100]));
    const overall: MetricSeries = {
      key: null,
      points: range.periods.map((p, i) => ({
        period: p.key,
        value: given(
          counts.byPeriod[i]!.whole,
          amountsAt((l) => l.byPeriod[i]!),
        ),
      })),
      total: given(
        counts.total.whole,
        amountsAt((l) => l.total),
      ),
    };
    if (!range.breakdown) return [overall];
    const one = (s: MetricRollupSums, key: string) =>
      given(s.whole, s.whole ? new Map([[key, Math.round(s.amount * 100) / 100]]) : new Map());
    return [
      overall,
      ...amounts
        .filter((l) => l.key !== null)
        .map((l) => ({
          key: l.key,
          points: range.periods.map((p, i) => ({ period: p.key, value: one(l.byPeriod[i]!, l.key!) })),
          total: one(l.total, l.key!),
        })),
    ];
  },
};

export const ACTIVITY_METRICS: Partial<Record<MetricId, ActivityMetric>> = {
  response_rate: rollupMetric('response_rate', 'percent', true, ['responses'], ['channel', 'survey'], (s) =>
    share(s.part, s.whole, { answered: s.part, sent: s.whole }),
  ),
  sla_compliance: rollupMetric('sla_compliance', 'percent', true, ['sla_first_response', 'sla_resolution'], ['team', 'agent'], (s) =>
    share(s.part, s.whole, { met: s.part, breached: s.whole - s.part }),
  ),
  compensation_total: compensationTotal,
  loop_closure_rate: rollupMetric('loop_closure_rate', 'percent', true, ['loop'], ['channel'], (s) =>
    share(s.part, s.whole, { closed: s.part, linked: s.whole }),
  ),
  loop_closure_time: rollupMetric('loop_closure_time', 'hours', false, ['loop'], ['channel'], (s) => median(s.hours), true),
};
