// A topic's impact on a score: how much the overall score would move if the topic's negative
// answers (NPS detractors, CSAT 1–3) were not there. Counts only, so it is computed from rollups.
import type { MetricValue } from '../../contracts/metrics.js';
import { csat, nps } from '../metrics/score-formulas.js';
import type { RollupSums } from '../rollups/rollup-sums.js';

type Scores = Pick<RollupSums, 'promoters' | 'passives' | 'detractors' | 'csatAnswers' | 'csatSatisfied'>;

export const npsOf = (s: Scores): MetricValue => nps({ promoters: s.promoters, passives: s.passives, detractors: s.detractors });
export const csatOf = (s: Scores): MetricValue => csat({ satisfied: s.csatSatisfied, answers: s.csatAnswers });

/** Points the overall NPS and CSAT gain without the topic's detractors and dissatisfied answers. */
export function topicImpact(overall: Scores, topic: Scores): { nps: number | null; csat: number | null } {
  const before = npsOf(overall).value;
  const npsWithout = npsOf({ ...overall, detractors: overall.detractors - topic.detractors });
  const csatBefore = csatOf(overall).value;
  const dissatisfied = topic.csatAnswers - topic.csatSatisfied;
  const csatWithout = csatOf({ ...overall, csatAnswers: overall.csatAnswers - dissatisfied });
  return {
    nps: before === null || npsWithout.value === null || topic.promoters + topic.passives + topic.detractors === 0 ? null : npsWithout.value - before,
    csat: csatBefore === null || csatWithout.value === null || topic.csatAnswers === 0 ? null : csatWithout.value - csatBefore,
  };
}
