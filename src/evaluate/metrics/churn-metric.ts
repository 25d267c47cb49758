// churn_risk: how many customers were at churn risk at each period's end (the profile's
// definition, churn-risk.ts), counted from the customers — one probe per customer of its latest
// score, never a scan of the feedback.
import { sql } from 'drizzle-orm';
import type { MetricSeries } from '../../contracts/metrics.js';
import { badRequest } from '../../platform/http/errors.js';
import { addDays } from '../../platform/calendars.js';
import { atChurnRiskSql } from '../../customers/profile/churn-risk.js';
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
    const rows = await scope.database.rows<{ i: number; customers: number }>(sql`
      select p.i, count(c.id)::int as customers
      from unnest(${ends}) with ordinality as p(at, i)
      join customers c on c.workspace_id = ${scope.workspaceId} and c.merged_into_id is null and c.created_at < p.at
      where ${atChurnRiskSql(scope.workspaceId, sql`p.at`)}
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
