/**
 * Linear heads over sparse features and their training by AdaGrad. One routine serves the base
 * model (weights indexed by hash bucket) and the per-workspace delta (weights indexed by a compact
 * local id, with the base model's logits as a fixed offset).
 *
 * A softmax head picks one of K classes; an example may restrict the classes it competes over
 * (binary sentiment datasets have no neutral class, so they only separate negative from positive).
 * A sigmoid head is K independent yes/no outputs (topics); an example labels only the outputs its
 * source annotates (1/0) and leaves the rest unknown (-1).
 */

export type HeadKind = 'softmax' | 'sigmoid';

export interface LinearExample {
  indices: Uint32Array;
  values: Float32Array;
  weight: number;
  /** softmax: the class index */
  target?: number;
  /** softmax: bit k set = class k competes (all classes when undefined) */
  allowed?: number;
  /** sigmoid: per output 1, 0, or -1 for unknown */
  labels?: Int8Array;
  /** fixed logits added before the loss (the base model's, when training a delta) */
  offset?: Float32Array;
}

export interface LinearTrainOptions {
  kind: HeadKind;
  outputs: number;
  dim: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** per-index multiplier of l2 (delta training: common features are held back harder) */
  l2Scale?: Float32Array;
  seed: number;
  /** sigmoid: weight of a label 1 relative to a label 0 (default 1) */
  positiveWeight?: number;
  /** called between chunks of examples with the fraction done; may be async (yields) */
  onChunk?: (fraction: number) => void | Promise<void>;
  chunkSize?: number;
}

/** Deterministic PRNG (mulberry32): training must give the same artifact for the same data. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** logits[k] = Σ_i values[i] · weights[indices[i]·K + k] (+ offset). */
export function computeLogits(
  weights: Float32Array,
  outputs: number,
  indices: Uint32Array,
  values: Float32Array,
  out: Float32Array,
): Float32Array {
  out.fill(0);
  for (let i = 0; i < indices.length; i++) {
    const base = indices[i] * outputs;
    const v = values[i];
    for (let k = 0; k < outputs; k++) out[k] += v * weights[base + k];
  }
  return out;
}

export function softmaxInPlace(logits: Float32Array, allowed?: number): Float32Array {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) if (allowed === undefined || allowed & (1 << k)) max = Math.max(max, logits[k]);
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = allowed === undefined || allowed & (1 << k) ? Math.exp(logits[k] - max) : 0;
    logits[k] = e;
    sum += e;
  }
  for (let k = 0; k < logits.length; k++) logits[k] /= sum;
  return logits;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Output-space gradient of the loss for one example, written into `grad` (scaled by weight). */
function lossGradient(example: LinearExample, kind: HeadKind, logits: Float32Array, grad: Float32Array, positiveWeight = 1): void {
  const K = logits.length;
  if (example.offset) for (let k = 0; k < K; k++) logits[k] += example.offset[k];
  if (kind === 'softmax') {
    const p = softmaxInPlace(logits, example.allowed);
    for (let k = 0; k < K; k++) grad[k] = (p[k] - (k === example.target ? 1 : 0)) * example.weight;
    return;
  }
  for (let k = 0; k < K; k++) {
    const label = example.labels ? example.labels[k] : -1;
    grad[k] = label < 0 ? 0 : (sigmoid(logits[k]) - label) * example.weight * (label === 1 ? positiveWeight : 1);
  }
}

export async function trainLinear(examples: LinearExample[], options: LinearTrainOptions): Promise<Float32Array> {
  const { kind, outputs: K, dim, epochs, learningRate, l2, l2Scale } = options;
  const weights = new Float32Array(dim * K);
  const squaredGradients = new Float32Array(dim * K).fill(1e-6);
  const logits = new Float32Array(K);
  const grad = new Float32Array(K);
  const random = createRandom(options.seed);
  const order = examples.map((_, i) => i);
  const chunkSize = options.chunkSize ?? 2000;
  const total = epochs * examples.length;
  let done = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const example = examples[index];
      computeLogits(weights, K, example.indices, example.values, logits);
      lossGradient(example, kind, logits, grad, options.positiveWeight);
      for (let i = 0; i < example.indices.length; i++) {
        const feature = example.indices[i];
        const v = example.values[i];
        const penalty = l2Scale ? l2 * l2Scale[feature] : l2;
        const base = feature * K;
        for (let k = 0; k < K; k++) {
          if (grad[k] === 0 && kind === 'sigmoid') continue;
          const slot = base + k;
          const g = grad[k] * v + penalty * weights[slot];
          squaredGradients[slot] += g * g;
          weights[slot] -= (learningRate * g) / Math.sqrt(squaredGradients[slot]);
        }
      }
      if (options.onChunk && ++done % chunkSize === 0) await options.onChunk(done / total);
    }
  }
  return weights;
}
