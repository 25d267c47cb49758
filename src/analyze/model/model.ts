/**
 * The analysis model in memory: three linear heads over the hashed features of features.ts, and
 * the raw scoring every caller builds on (predict.ts adds the workspace delta on top).
 */
import { HASH_BUCKETS } from './hash.js';
import { computeLogits, sigmoid, softmaxInPlace, type HeadKind } from './linear.js';
import type { TextFeatures } from './features.js';

/** Weights as shipped: one signed byte per weight, decoded through a 256-entry table. */
export interface QuantizedWeights {
  codes: Int8Array;
  table: Float32Array;
}

export interface ModelHead {
  kind: HeadKind;
  outputs: readonly string[];
  /** [bucket · outputs + k]; float while training, quantised once loaded from the artifact */
  weights: Float32Array | QuantizedWeights;
  /** logits are divided by it before softmax/sigmoid (calibration of the confidences) */
  temperature: number;
}

export interface AnalysisModel {
  dim: number;
  sentiment: ModelHead;
  type: ModelHead;
  topics: ModelHead;
  /**
   * Per bucket, how common the feature is in the training texts (0 = unseen … 255 = in every
   * text, log scale). The workspace delta regularises common features harder, so a handful of
   * corrections learn what is specific to them (a word) rather than what every text has.
   */
  featureCommonness: Uint8Array;
}

export function headLogits(head: ModelHead, features: TextFeatures): Float32Array {
  const K = head.outputs.length;
  const out = new Float32Array(K);
  if (head.weights instanceof Float32Array) return computeLogits(head.weights, K, features.indices, features.values, out);
  const { codes, table } = head.weights;
  for (let i = 0; i < features.indices.length; i++) {
    const base = features.indices[i] * K;
    const v = features.values[i];
    for (let k = 0; k < K; k++) out[k] += v * table[codes[base + k] & 0xff];
  }
  return out;
}

/** Probabilities from logits (already including any delta), with the head's temperature. */
export function headProbabilities(head: ModelHead, logits: Float32Array): Float32Array {
  const scaled = logits.map((x) => x / head.temperature);
  if (head.kind === 'softmax') return softmaxInPlace(scaled);
  return scaled.map(sigmoid);
}

export function emptyHead(kind: HeadKind, outputs: readonly string[]): ModelHead {
  return { kind, outputs, weights: new Float32Array(HASH_BUCKETS * outputs.length), temperature: 1 };
}
