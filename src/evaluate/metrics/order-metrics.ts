// Orders as cohorts by first-order month of the workspace calendar (read from the metric
// rollups): repeat purchase and retention per period, and the cohort table (cohort × months since).
import { sql } from 'drizzle-orm';
import type { CohortTable, Period } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { badRequest } from '../../platform/http/errors.js';
import { getWorkspaceSettings } from '../../platform/workspace/workspace-settings.service.js';
import { periodIndex, periodsCovering } from '../periods/periods.js';
import type { ActivityMetric, MetricRange } from './activity-metrics.js';
import { share } from './score-formulas.js';

interface CohortRow {
  /** The cohort's first month (its first local day). */
  cohort: string;
  /** A month the cohort ordered in. */
  month: string;
  /** Of the cohort, who ordered that month … */
  customers: number;
  /** … and whose second order fell in it. */
  repeaters: number;
}

async function cohortRows(scope: WorkspaceScope, to: string): Promise<CohortRow[]> {
  const rows = await scope.database.rows<{ day: string; key: string; part: number; whole: number }>(sql`
    select day::text as day, key, part, whole from metric_rollups
    where workspace_id = ${scope.workspaceId} and source = 'orders' and dimension = 'month' and day <= ${to}::date`);
  return rows.map((r) => ({ cohort: r.day, month: r.key, customers: Number(r.whole), repeaters: Number(r.part) }));
}

const noFilters = (range: MetricRange) => Object.values(range.filters).every((keys) => !keys?.length);

interface Counts {
  part: number;
  whole: number;
}

function ordersMetric(
  id: 'repeat_purchase_rate' | 'retention',
  add: (rows: CohortRow[], inPeriod: (day: string) => number, at: Counts[]) => void,
): ActivityMetric {
  return {
    id,
    unit: 'percent',
    dimensions: [],
    higherIsBetter: true,
    source: 'activity',
    async series(scope, range) {
      if (!noFilters(range)) throw badRequest(Object.keys(range.filters)[0]!, `${id} has no dimensions to filter by`);
      const rows = await cohortRows(scope, range.to);
      const index = periodIndex(range.periods);
      const inPeriod = (day: string) => (day < range.from || day > range.to ? -1 : index(day));
      const at = range.periods.map(() => ({ part: 0, whole: 0 }));
      add(rows, inPeriod, at);
      const all = at.reduce((s, c) => ({ part: s.part + c.part, whole: s.whole + c.whole }), { part: 0, whole: 0 });
      const value = (c: Counts) =>
        share(c.part, c.whole, id === 'retention' ? { returning: c.part, base: c.whole } : { repeat: c.part, new: c.whole });
      return [{ key: null, points: range.periods.map((p, i) => ({ period: p.key, value: value(at[i]!) })), total: value(all) }];
    },
  };
}

/** Of the customers whose first order fell in the period, the share who ordered again within it. */
const repeatPurchaseRate = ordersMetric('repeat_purchase_rate', (rows, inPeriod, at) => {
  for (const r of rows) {
    const cohort = inPeriod(r.cohort);
    if (cohort < 0) continue;
    if (r.month === r.cohort) at[cohort]!.whole += r.customers;
    if (inPeriod(r.month) === cohort) at[cohort]!.part += r.repeaters;
  }
});

/**
 * Per month of the period, of the customers who first ordered in an earlier month, the share who
 * ordered that month; a longer period pools its months.
 */
const retention = ordersMetric('retention', (rows, inPeriod, at) => {
  const sizes = rows.filter((r) => r.month === r.cohort);
  const months = [...new Set(rows.map((r) => r.month))].filter((m) => inPeriod(m) >= 0);
  for (const month of months) {
    const i = inPeriod(month);
    at[i]!.whole += sizes.filter((s) => s.cohort < month).reduce((n, s) => n + s.customers, 0);
    at[i]!.part += rows.filter((r) => r.month === month && r.cohort < month).reduce((n, r) => n + r.customers, 0);
  }
});

export const ORDER_METRICS: Record<'repeat_purchase_rate' | 'retention', ActivityMetric> = {
  repeat_purchase_rate: repeatPurchaseRate,
  retention,
};

/** GET /metrics/cohorts: each cohort whose first month starts within from–to, by months since. */
export async function getCohortTable(scope: WorkspaceScope, q: { from: string; to: string }): Promise<CohortTable> {
  const settings = await getWorkspaceSettings(scope);
  const rows = await cohortRows(scope, q.to);
  const monthsOf = (from: string, to: string): Period[] =>
    periodsCovering(from, to, { grain: 'month', calendar: settings.calendar, weekStart: settings.weekStart });
  const cohorts = [...new Set(rows.map((r) => r.cohort))].filter((c) => c >= q.from && c <= q.to).sort();
  // The latest month any cohort ordered in (ISO days compare as text).
  const last =
    rows
      .map((r) => r.month)
      .sort()
      .at(-1) ??
    cohorts[0] ??
    q.to;
  return {
    calendar: settings.calendar,
    from: q.from,
    to: q.to,
    cohorts: cohorts.map((cohort) => {
      const months = monthsOf(cohort, last);
      const ofCohort = rows.filter((r) => r.cohort === cohort);
      const size = ofCohort.find((r) => r.month === cohort)?.customers ?? 0;
      const byMonth = new Map(ofCohort.map((r) => [r.month, r.customers]));
      return {
        first: cohort,
        label: months[0]!.label,
        customers: size,
        months: months.map((m) => {
          const customers = byMonth.get(m.first) ?? 0;
          return { customers, share: size ? (100 * customers) / size : null };
        }),
      };
    }),
  };
}
