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

/**
 * Logits of `names` (temperature applied): the base model's output of that name, or `missing`,
 * plus the delta's output of that name where it has one. Plain arrays: this runs for every item.
 */
function logitsFor(
  head: ModelHead,
  base: Float32Array,
  names: readonly string[],
  missing: number,
  features: TextFeatures,
  delta?: DeltaHead,
): Float32Array {
  const out = new Float32Array(names.length);
  for (let j = 0; j < names.length; j++) {
    const k = head.outputs.indexOf(names[j]);
    out[j] = k >= 0 ? base[k] / head.temperature : missing;
  }
  if (!delta) return out;
  const extra = deltaLogits(delta, features.indices, features.values);
  delta.outputs.forEach((name, k) => {
    const j = names.indexOf(name);
    if (j >= 0) out[j] += extra[k];
  });
  return out;
}

function softmaxOver<T extends string>(
  labels: readonly T[],
  logits: Float32Array,
): { label: T; probabilities: Float32Array; confidence: number } {
  const p = softmaxInPlace(logits);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return { label: labels[best], probabilities: p, confidence: p[best] };
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function predictWith(model: AnalysisModel, features: TextFeatures, delta?: WorkspaceDelta | null): Prediction {
  const base = modelLogits(model, features);
  const heads = delta?.heads;
  const sentiment = softmaxOver(SENTIMENTS, logitsFor(model.sentiment, base.sentiment, SENTIMENTS, 0, features, heads?.sentiment));
  const type = softmaxOver(FEEDBACK_TYPES, logitsFor(model.type, base.type, FEEDBACK_TYPES, 0, features, heads?.type));
  const customTopics = (heads?.topics?.outputs ?? []).filter((key) => !(PRODUCT_TOPICS as readonly string[]).includes(key));
  const topicKeys = customTopics.length ? [...PRODUCT_TOPICS, ...customTopics] : PRODUCT_TOPICS;
  const topicLogits = logitsFor(model.topics, base.topics, topicKeys, CUSTOM_PRIOR, features, heads?.topics);
  const topics: Record<string, number> = {};
  topicKeys.forEach((key, j) => {
    topics[key] = round4(sigmoid(topicLogits[j]));
  });
  const p = sentiment.probabilities;
  return {
    sentiment: { label: sentiment.label, score: round4(p[POSITIVE] - p[NEGATIVE]), confidence: round4(sentiment.confidence) },
    type: { label: type.label, confidence: round4(type.confidence) },
    topics,
  };
}

const POSITIVE = SENTIMENTS.indexOf('positive');
const NEGATIVE = SENTIMENTS.indexOf('negative');
