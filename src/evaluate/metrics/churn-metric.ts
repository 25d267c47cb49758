// churn_risk: how many customers were at churn risk at each period's end (the profile's
// definition, churn-risk.ts), counted from each customer's spells at risk, which the refresh keeps
// current (rebuild-churn-risk.ts): one range read per period end, nothing per customer.
import { sql } from 'drizzle-orm';
import type { MetricSeries } from '../../contracts/metrics.js';
import { badRequest } from '../../platform/http/errors.js';
import { addDays } from '../../platform/calendars.js';
import type { ActivityMetric } from './activity-metrics.js';
import { count } from './score-formulas.js';

export const churnRisk: ActivityMetric = {
  id: 'churn_risk',
  unit: 'count',
  dimensions: [],
  higherIsBetter: false,
  source: 'activity',
  async series(scope, range, now = new Date()): Promise<MetricSeries[]> {
    const filtered = Object.entries(range.filters).find(([, keys]) => keys?.length);
    if (filtered) throw badRequest(filtered[0], 'churn_risk has no dimensions to filter by');
    // Each period's end (the next local midnight), never later than now: the future is unknown.
    const ends = sql`array[${sql.join(
      range.periods.map(
        (p) => sql`least(((${addDays(p.last, 1)})::date)::timestamp at time zone ${range.timezone}, ${now.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    )}]::timestamptz[]`;
    // A customer has at most one spell at any instant: spells are counted as customers.
    const rows = await scope.database.rows<{ i: number; customers: number }>(sql`
      select p.i, count(*)::int as customers
      from unnest(${ends}) with ordinality as p(at, i)
      join churn_risk_spells s on s.workspace_id = ${scope.workspaceId} and s.starts_at < p.at and (s.ends_at is null or s.ends_at >= p.at)
      group by p.i`);
    const byPeriod = new Map(rows.map((r) => [Number(r.i) - 1, Number(r.customers)]));
    const started = (i: number) => range.periods[i]!.first <= addDays(now.toISOString().slice(0, 10), 1);
    const points = range.periods.map((p, i) => ({
      period: p.key,
      value: started(i) ? count(byPeriod.get(i) ?? 0) : { value: null, n: 0, low: null, high: null, counts: {} },
    }));
    // A count at an instant: the range's total is the last period's.
    const last = [...points].reverse().find((p) => p.value.value !== null);
    return [{ key: null, points, total: last?.value ?? { value: null, n: 0, low: null, high: null, counts: {} } }];
  },
};
