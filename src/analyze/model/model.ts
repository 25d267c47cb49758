/**
 * The analysis model in memory: three linear heads over the hashed features of features.ts, and
 * the raw scoring every caller builds on (predict.ts adds the workspace delta on top).
 */
import { HASH_BUCKETS } from './hash.js';
import { computeLogits, sigmoid, softmaxInPlace, type HeadKind } from './linear.js';
import type { TextFeatures } from './features.js';

/**
 * Weights as shipped: one signed byte per weight, decoded through a 256-entry table. The three
 * heads share one array, interleaved per bucket (weight k of this head for a bucket is at
 * bucket · stride + offset + k), so scoring a feature for every head reads one cache line
 * instead of three: random reads into 22 MB are what analysis time is mostly spent on.
 */
export interface QuantizedWeights {
  codes: Int8Array;
  table: Float32Array;
  stride: number;
  offset: number;
}

export interface ModelHead {
  kind: HeadKind;
  outputs: readonly string[];
  /** [bucket · outputs + k]; float while training, quantised once loaded from the artifact */
  weights: Float32Array | QuantizedWeights;
  /** logits are divided by it before softmax/sigmoid (calibration of the confidences) */
  temperature: number;
  /** an extra linear term for texts of one language only (the sentiment head's Chinese NB head) */
  languageTerm?: LanguageTerm;
  /**
   * Per model language, offsets added to the logits of texts of that language (the sentiment
   * head's neutral margin: negative/positive must beat neutral by it). Before the temperature.
   */
  languageBias?: Readonly<Record<string, readonly number[]>>;
}

function addLanguageBias(head: ModelHead, features: TextFeatures, logits: Float64Array | Float32Array): void {
  const bias = head.languageBias && features.language ? head.languageBias[features.language] : undefined;
  if (bias) for (let k = 0; k < bias.length; k++) logits[k] += bias[k];
}

/**
 * One more linear output over the same buckets, z = Σ v · w[bucket], added to the head's logits as
 * z · add[k] for texts whose features were extracted for `language` (and ignored for the others,
 * so it cannot disturb them through shared or colliding buckets). With `keepOthers`, the outputs it
 * does not move (add[k] = 0) keep their softmax probability: the term only redistributes the mass
 * of the outputs it moves (the Chinese NB head learnt negative vs positive from binary data, so it
 * must not take probability away from neutral).
 */
export interface LanguageTerm {
  language: string;
  /** [bucket]; float while training, quantised (one more interleaved column) once loaded */
  weights: Float32Array | QuantizedWeights;
  add: readonly number[];
  keepOthers?: boolean;
}

/** Adds a language term's z to `logits` (see LanguageTerm); the same arithmetic for every caller. */
function applyTerm(logits: Float64Array | Float32Array, z: number, term: LanguageTerm): void {
  const K = term.add.length;
  let shift = 0;
  if (term.keepOthers) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (term.add[k] !== 0) max = Math.max(max, logits[k], logits[k] + z * term.add[k]);
    let before = 0,
      after = 0;
    for (let k = 0; k < K; k++) {
      if (term.add[k] === 0) continue;
      before += Math.exp(logits[k] - max);
      after += Math.exp(logits[k] + z * term.add[k] - max);
    }
    shift = Math.log(after / before);
  }
  for (let k = 0; k < K; k++) logits[k] += term.add[k] !== 0 ? z * term.add[k] : shift;
}

/** z of a language term (in float64, summed in feature order as modelLogits does), or null if it does not apply. */
function termValue(term: LanguageTerm | undefined, features: TextFeatures): number | null {
  if (!term || features.language !== term.language) return null;
  const { indices, values } = features;
  let z = 0;
  if (term.weights instanceof Float32Array) {
    for (let i = 0; i < indices.length; i++) z += values[i] * term.weights[indices[i]];
    return z;
  }
  const { codes, table, stride, offset } = term.weights;
  for (let i = 0; i < indices.length; i++) z += values[i] * table[codes[indices[i] * stride + offset] & 0xff];
  return z;
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
  const z = termValue(head.languageTerm, features);
  if (head.weights instanceof Float32Array) {
    computeLogits(head.weights, K, features.indices, features.values, out);
    if (z !== null) applyTerm(out, z, head.languageTerm!);
    addLanguageBias(head, features, out);
    return out;
  }
  const { codes, table, stride, offset } = head.weights;
  const sums = new Float64Array(K); // as modelLogits sums, so both give the same logits
  for (let i = 0; i < features.indices.length; i++) {
    const base = features.indices[i] * stride + offset;
    const v = features.values[i];
    for (let k = 0; k < K; k++) sums[k] += v * table[codes[base + k] & 0xff];
  }
  if (z !== null) applyTerm(sums, z, head.languageTerm!);
  addLanguageBias(head, features, sums);
  out.set(sums);
  return out;
}

/**
 * Logits of all three heads in one pass over the features when they share interleaved weights
 * (the loaded artifact); otherwise (a model being trained) head by head.
 */
export function modelLogits(model: AnalysisModel, features: TextFeatures): Record<'sentiment' | 'type' | 'topics', Float32Array> {
  const heads = [model.sentiment, model.type, model.topics];
  const fused = fusedLayout(model);
  if (!fused || model.type.languageBias || model.topics.languageBias)
    return {
      sentiment: headLogits(model.sentiment, features),
      type: headLogits(model.type, features),
      topics: headLogits(model.topics, features),
    };
  const { bytes, stride, tables } = fused;
  const { indices, values } = features;
  const n = indices.length;
  if (bases.length < n) bases = new Int32Array(n * 2);
  // Touch every feature's weights first: these reads do not depend on each other, so the CPU
  // overlaps their cache misses; inside the arithmetic below it would wait for them one by one.
  let touched = 0;
  for (let i = 0; i < n; i++) {
    const base = indices[i] * stride;
    bases[i] = base;
    touched ^= bytes[base] ^ bytes[base + stride - 1];
  }
  sink ^= touched;
  // Seven outputs at a time in local accumulators (registers), then any remaining one by one:
  // about twice as fast as one array slot per output. Each output still sums its features in
  // order, as headLogits does, so both give the same logits.
  const [sentimentN, typeN, topicsN] = heads.map((h) => h.outputs.length);
  // The heads' outputs come first; the sentiment head's language term, if any, is the column after
  // them (fusedLayout checks so) and is only summed for texts of its language.
  const used = sentimentN + typeN + topicsN;
  const sums = new Float64Array(stride);
  let k = 0;
  for (; k + 7 <= used; k += 7) {
    const t = k << 8;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0;
    for (let i = 0; i < n; i++) {
      const b = bases[i] + k;
      const v = values[i];
      s0 += v * tables[t | bytes[b]];
      s1 += v * tables[(t + 256) | bytes[b + 1]];
      s2 += v * tables[(t + 512) | bytes[b + 2]];
      s3 += v * tables[(t + 768) | bytes[b + 3]];
      s4 += v * tables[(t + 1024) | bytes[b + 4]];
      s5 += v * tables[(t + 1280) | bytes[b + 5]];
      s6 += v * tables[(t + 1536) | bytes[b + 6]];
    }
    sums[k] = s0;
    sums[k + 1] = s1;
    sums[k + 2] = s2;
    sums[k + 3] = s3;
    sums[k + 4] = s4;
    sums[k + 5] = s5;
    sums[k + 6] = s6;
  }
  const term = model.sentiment.languageTerm;
  const gated = term !== undefined && features.language === term.language;
  for (; k < stride; k++) {
    if (k >= used && !gated) continue;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i] * tables[(k << 8) | bytes[bases[i] + k]];
    sums[k] = sum;
  }
  if (gated) applyTerm(sums, sums[used], term); // the sentiment outputs are sums[0, sentimentN)
  addLanguageBias(model.sentiment, features, sums);
  const out = Float32Array.from(sums);
  return {
    sentiment: out.subarray(0, sentimentN),
    type: out.subarray(sentimentN, sentimentN + typeN),
    topics: out.subarray(sentimentN + typeN, used),
  };
}

// Keeps the touching reads observable, so they are not optimised away.
let sink = 0;
// Each feature's offset into the weights, reused between calls (scoring is synchronous).
let bases = new Int32Array(1024);
interface FusedLayout {
  bytes: Uint8Array;
  stride: number;
  tables: Float32Array;
}
const fusedLayouts = new WeakMap<AnalysisModel, FusedLayout | null>();

/** The shared array and one 256-entry decode table per output, if the heads are laid out so. */
function fusedLayout(model: AnalysisModel): FusedLayout | null {
  if (fusedLayouts.has(model)) return fusedLayouts.get(model)!;
  const heads = [model.sentiment, model.type, model.topics];
  let layout: FusedLayout | null = null;
  const first = heads[0].weights;
  if (!(first instanceof Float32Array)) {
    const stride = first.stride;
    let offset = 0;
    const tables = new Float32Array(stride * 256);
    const columns = heads.map((h) => ({ weights: h.weights, width: h.outputs.length }));
    const term = model.sentiment.languageTerm;
    if (term) columns.push({ weights: term.weights, width: 1 });
    const shared = columns.every(({ weights: w, width }) => {
      if (w instanceof Float32Array || w.codes !== first.codes || w.stride !== stride || w.offset !== offset) return false;
      for (let k = 0; k < width; k++) tables.set(w.table, (offset + k) * 256);
      offset += width;
      return true;
    });
    if (shared && offset === stride)
      layout = { bytes: new Uint8Array(first.codes.buffer, first.codes.byteOffset, first.codes.length), stride, tables };
  }
  fusedLayouts.set(model, layout);
  return layout;
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
