/**
 * Feedloop's analysis model: sentiment, feedback type and topics for fa / ar / zh / en feedback,
 * with optional per-workspace corrections learnt on top (see README.md in this folder).
 */
import { trainDeltaWith, type CorrectionExample, type WorkspaceDelta } from './delta.js';
import type { TextFeatures } from './features.js';
import { loadBaseModel } from './load-model.js';
import { predictWith, type Prediction } from './predict.js';
import { PRODUCT_TOPICS } from './taxonomy.js';

export { SENTIMENTS, FEEDBACK_TYPES, type Sentiment, type FeedbackType } from './taxonomy.js';
export { extractFeatures, prepareText, type PreparedText, type TextFeatures } from './features.js';
export { MODEL_VERSION } from './load-model.js';
export { serializeDelta, deserializeDelta } from './delta-codec.js';
export type { Prediction, CorrectionExample, WorkspaceDelta };

/** Topic keys the base model has heads for (product taxonomy keys). */
export const MODEL_TOPICS: readonly string[] = PRODUCT_TOPICS;

/** Predicts with the shipped model (loaded on first call), plus the workspace's delta if given. */
export function predict(features: TextFeatures, delta?: WorkspaceDelta | null): Prediction {
  return predictWith(loadBaseModel(), features, delta);
}

/** Learns a workspace delta from agents' corrections; yields to the event loop as it goes. */
export function trainWorkspaceDelta(
  examples: CorrectionExample[],
  options?: { onProgress?: (fraction: number) => void | Promise<void> },
): Promise<WorkspaceDelta> {
  return trainDeltaWith(loadBaseModel(), examples, options);
}
