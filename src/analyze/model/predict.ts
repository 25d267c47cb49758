/**
 * Prediction = base model logits (+ the workspace delta's) → labels, scores and confidences.
 * Sentiment score is p(positive) − p(negative), in [-1, 1]; confidence is the top probability.
 * Topics are returned as a probability per product topic key (and per custom topic the delta
 * learnt); internal heads (restaurant ambience/location) are not part of the product taxonomy.
 */
import { CUSTOM_TOPIC_PRIOR as CUSTOM_PRIOR, deltaLogits, type DeltaHead, type WorkspaceDelta } from './delta.js';
import type { TextFeatures } from './features.js';
import { sigmoid, softmaxInPlace } from './linear.js';
import { modelLogits, type AnalysisModel, type ModelHead } from './model.js';
import { FEEDBACK_TYPES, PRODUCT_TOPICS, SENTIMENTS, type FeedbackType, type Sentiment } from './taxonomy.js';

export interface Prediction {
  sentiment: { label: Sentiment; score: number; confidence: number };
  type: { label: FeedbackType; confidence: number };
  topics: Record<string, number>;
}

/** Base logits with temperature applied, by output name, plus the delta's where it has them. */
function combinedLogits(head: ModelHead, base: Float32Array, features: TextFeatures, delta?: DeltaHead): Map<string, number> {
  const logits = new Map<string, number>(head.outputs.map((name, k) => [name, base[k] / head.temperature]));
  if (!delta) return logits;
  const extra = deltaLogits(delta, features.indices, features.values);
  delta.outputs.forEach((name, k) => logits.set(name, (logits.get(name) ?? CUSTOM_PRIOR) + extra[k]));
  return logits;
}

function softmaxOver<T extends string>(labels: readonly T[], logits: Map<string, number>): { label: T; probabilities: Float32Array } {
  const p = softmaxInPlace(Float32Array.from(labels, (l) => logits.get(l) ?? 0));
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return { label: labels[best], probabilities: p };
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function predictWith(model: AnalysisModel, features: TextFeatures, delta?: WorkspaceDelta | null): Prediction {
  const base = modelLogits(model, features);
  const sentimentLogits = combinedLogits(model.sentiment, base.sentiment, features, delta?.heads.sentiment);
  const sentiment = softmaxOver(SENTIMENTS, sentimentLogits);
  const p = sentiment.probabilities;
  const typeResult = softmaxOver(FEEDBACK_TYPES, combinedLogits(model.type, base.type, features, delta?.heads.type));
  const topicLogits = combinedLogits(model.topics, base.topics, features, delta?.heads.topics);
  const topics: Record<string, number> = {};
  for (const key of PRODUCT_TOPICS) topics[key] = round4(sigmoid(topicLogits.get(key) ?? CUSTOM_PRIOR));
  for (const key of delta?.heads.topics?.outputs ?? []) topics[key] ??= round4(sigmoid(topicLogits.get(key)!));
  return {
    sentiment: {
      label: sentiment.label,
      score: round4(p[SENTIMENTS.indexOf('positive')] - p[SENTIMENTS.indexOf('negative')]),
      confidence: round4(Math.max(...p)),
    },
    type: { label: typeResult.label, confidence: round4(Math.max(...typeResult.probabilities)) },
    topics,
  };
}
