// The digest's headline figures of one period, summed from the daily rollups: volume, NPS, CSAT,
// CES and the negative share, with metrics-core's formulas, and from the metric rollups the SLA
// targets breached and the loops closed (customers told). "No data" is null, never 0.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { sumRollups } from '../rollups/read-rollups.js';
import { emptySums } from '../rollups/rollup-sums.js';
import { sumMetricRollups } from '../rollups/read-metric-rollups.js';
import { csat, mean, nps, share } from '../metrics/score-formulas.js';
import type { DigestPeriod } from './digest-schedule.js';

export interface HeadlineFigures {
  volume: number;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  negativeShare: number | null;
  /** SLA targets (first response, resolution) whose time ran out in the period. */
  slaBreaches: number;
  /** Feedback items whose customer was told in the period that their idea was done or declined. */
  loopsClosed: number;
}

/** The figures of each period, read together (rollup days are the workspace's local days). */
export async function headlineFigures(scope: WorkspaceScope, periods: DigestPeriod[], timezone: string): Promise<HeadlineFigures[]> {
  const ordered = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  const range = {
    from: ordered[0].start,
    to: ordered[ordered.length - 1].end,
    periods: ordered.map((p) => ({
      key: p.start,
      grain: 'day' as const,
      first: p.start,
      last: p.end,
      label: { calendar: 'gregorian' as const, year: Number(p.start.slice(0, 4)), quarter: null, month: null, day: null },
    })),
  };
  const [{ cells }, sla, told] = await Promise.all([
    sumRollups(scope, { ...range, timezone }),
    sumMetricRollups(scope, { ...range, sources: ['sla_first_response', 'sla_resolution'], dimension: 'all' }),
    sumMetricRollups(scope, { ...range, sources: ['loop'], dimension: 'told' }),
  ]);
  const at = (p: DigestPeriod) => (c: { period: number }) => ordered[c.period]?.start === p.start;
  return periods.map((p) => {
    const s = cells.find((c) => c.key === null && at(p)(c))?.sums ?? emptySums();
    const breaches = sla.filter(at(p)).reduce((n, c) => n + c.sums.whole - c.sums.part, 0);
    const closed = told.filter(at(p)).reduce((n, c) => n + c.sums.part, 0);
    return {
      volume: s.items,
      nps: nps(s).value,
      csat: csat({ satisfied: s.csatSatisfied, answers: s.csatAnswers }).value,
      ces: mean({ n: s.cesAnswers, sum: s.cesSum, sumOfSquares: s.cesSumOfSquares }).value,
      negativeShare: share(s.negative, s.positive + s.neutral + s.negative).value,
      slaBreaches: breaches,
      loopsClosed: closed,
    };
  });
}
