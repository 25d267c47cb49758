// The metric catalogue: each metric's unit, the dimensions it can be broken down by and how its
// value comes from summed rollups, with the formulas of score-formulas.ts, so the API, the
// dashboards, exports and the digest compute every metric alike. Definitions: docs/metrics.md.
import { FEEDBACK_DIMENSIONS, type MetricDefinition, type MetricId, type MetricValue } from '../../contracts/metrics.js';
import type { RollupSums } from '../rollups/rollup-sums.js';
import { ces, count, csat, mean, nps, SENTIMENT_RANGE, share } from './score-formulas.js';

export interface FeedbackMetric extends MetricDefinition {
  source: 'feedback';
  /** The value of summed rollups. */
  compute(sums: RollupSums): MetricValue;
}

const ALL = [...FEEDBACK_DIMENSIONS];
const sentimentCounts = (s: RollupSums) => ({ positive: s.positive, neutral: s.neutral, negative: s.negative });
const analysed = (s: RollupSums) => s.positive + s.neutral + s.negative;

const feedback = (
  id: MetricId,
  unit: MetricDefinition['unit'],
  higherIsBetter: boolean,
  compute: FeedbackMetric['compute'],
): FeedbackMetric => ({
  id,
  unit,
  dimensions: ALL,
  higherIsBetter,
  source: 'feedback',
  compute,
});

/** Metrics computed from the feedback rollups, per period and per key of any dimension. */
export const FEEDBACK_METRICS: Partial<Record<MetricId, FeedbackMetric>> = {
  nps: feedback('nps', 'nps_points', true, (s) => nps({ promoters: s.promoters, passives: s.passives, detractors: s.detractors })),
  csat: feedback('csat', 'percent', true, (s) => csat({ satisfied: s.csatSatisfied, answers: s.csatAnswers })),
  // CES asks how easy it was, 1–7: 7 is the least effort.
  ces: feedback('ces', 'mean_score', true, (s) => ces({ n: s.cesAnswers, sum: s.cesSum, sumOfSquares: s.cesSumOfSquares })),
  sentiment_positive_share: feedback('sentiment_positive_share', 'percent', true, (s) =>
    share(s.positive, analysed(s), sentimentCounts(s)),
  ),
  sentiment_negative_share: feedback('sentiment_negative_share', 'percent', false, (s) =>
    share(s.negative, analysed(s), sentimentCounts(s)),
  ),
  sentiment_mean: feedback('sentiment_mean', 'mean_score', true, (s) =>
    mean({ n: s.sentimentScored, sum: s.sentimentSum, sumOfSquares: s.sentimentSumOfSquares }, SENTIMENT_RANGE),
  ),
  volume: feedback('volume', 'count', false, (s) => count(s.items)),
};
