// The digest's headline figures of one period, summed from the daily rollups: volume, NPS, CSAT,
// CES and the negative share, with metrics-core's formulas. "No data" is null, never 0.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { sumRollups } from '../rollups/read-rollups.js';
import { emptySums } from '../rollups/rollup-sums.js';
import { csat, mean, nps, share } from '../metrics/score-formulas.js';
import type { DigestPeriod } from './digest-schedule.js';

export interface HeadlineFigures {
  volume: number;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  negativeShare: number | null;
}

/** The figures of each period, read together (rollup days are the workspace's local days). */
export async function headlineFigures(scope: WorkspaceScope, periods: DigestPeriod[], timezone: string): Promise<HeadlineFigures[]> {
  const ordered = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  const { cells } = await sumRollups(scope, {
    from: ordered[0].start,
    to: ordered[ordered.length - 1].end,
    periods: ordered.map((p) => ({
      key: p.start,
      grain: 'day',
      first: p.start,
      last: p.end,
      label: { calendar: 'gregorian', year: Number(p.start.slice(0, 4)), quarter: null, month: null, day: null },
    })),
    timezone,
  });
  return periods.map((p) => {
    const s = cells.find((c) => c.key === null && ordered[c.period]?.start === p.start)?.sums ?? emptySums();
    return {
      volume: s.items,
      nps: nps(s).value,
      csat: csat({ satisfied: s.csatSatisfied, answers: s.csatAnswers }).value,
      ces: mean({ n: s.cesAnswers, sum: s.cesSum, sumOfSquares: s.cesSumOfSquares }).value,
      negativeShare: share(s.negative, s.positive + s.neutral + s.negative).value,
    };
  });
}
