/**
 * Per-workspace learning from agents' corrections: a residual linear model over the same hashed
 * features, whose logits are added to the base model's. It is trained with the base logits as a
 * fixed offset, so it only learns what the base model gets wrong for this workspace, and with an
 * L2 pull towards zero that grows with how common a feature is in general text
 * (featureCommonness): a few corrections then move the distinctive words they share, not the
 * language bias or everyday character n-grams, and unrelated texts keep the base prediction.
 *
 * Topics are independent yes/no outputs keyed by topic key, so a workspace can teach topics the
 * base model has no head for; a custom topic starts from a low prior (CUSTOM_TOPIC_PRIOR).
 */
import { extractFeatures } from './features.js';
import { trainLinear, type LinearExample } from './linear.js';
import { headLogits, type AnalysisModel, type ModelHead } from './model.js';
import { FEEDBACK_TYPES, PRODUCT_TOPICS, SENTIMENTS } from './taxonomy.js';

export interface CorrectionExample {
  text: string;
  language: string;
  field: 'sentiment' | 'type' | 'topics';
  /** one label for sentiment/type; the complete topic list for topics */
  labels: string[];
}

export type DeltaField = CorrectionExample['field'];

/** Sparse residual weights of one head: rows only for the buckets the corrections contain. */
export interface DeltaHead {
  outputs: string[];
  buckets: Uint32Array;
  /** [row · outputs + k] */
  weights: Float32Array;
  /** bucket → row, built on first use */
  rowOf?: Map<number, number>;
}

export interface WorkspaceDelta {
  heads: Partial<Record<DeltaField, DeltaHead>>;
}

/** Logit of a custom topic before any evidence: p ≈ 0.05. */
export const CUSTOM_TOPIC_PRIOR = -3;
// Tuned on the behaviour tests: 8 corrections flip their pattern, unrelated texts stay put.
const L2 = 3e-5;
const COMMONNESS_PENALTY = 10;
const LEARNING_RATE = 0.5;
const MIN_EPOCHS = 4;
const MAX_EPOCHS = 40;
const UPDATES_BUDGET = 40_000;
const PRUNE_BELOW = 1e-4;

export interface TrainDeltaOptions {
  onProgress?: (fraction: number) => void | Promise<void>;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Base logits (temperature applied) of `head`, in the delta's output order. */
function baseOffsets(head: ModelHead | null, outputs: string[], logits: Float32Array | null): Float32Array {
  return Float32Array.from(outputs, (name) => {
    const k = head ? head.outputs.indexOf(name) : -1;
    return k >= 0 && logits ? logits[k] / head!.temperature : CUSTOM_TOPIC_PRIOR;
  });
}

function outputsFor(field: DeltaField, examples: CorrectionExample[]): string[] {
  if (field === 'sentiment') return [...SENTIMENTS];
  if (field === 'type') return [...FEEDBACK_TYPES];
  const custom = new Set<string>();
  for (const e of examples) for (const label of e.labels) if (!(PRODUCT_TOPICS as readonly string[]).includes(label)) custom.add(label);
  return [...PRODUCT_TOPICS, ...[...custom].sort()];
}

async function trainHead(
  base: AnalysisModel,
  field: DeltaField,
  examples: CorrectionExample[],
  report: (fraction: number) => Promise<void>,
): Promise<DeltaHead | null> {
  const valid = examples.filter((e) => field === 'topics' || (e.labels[0] !== undefined && outputsFor(field, []).includes(e.labels[0])));
  if (valid.length === 0) return null;
  const outputs = outputsFor(field, valid);
  const baseHead = base[field];
  const localOf = new Map<number, number>();
  const linear: LinearExample[] = [];
  for (const e of valid) {
    const features = extractFeatures(e.text, e.language);
    const indices = Uint32Array.from(features.indices, (bucket) => {
      let local = localOf.get(bucket);
      if (local === undefined) localOf.set(bucket, (local = localOf.size));
      return local;
    });
    const offset = baseOffsets(baseHead, outputs, headLogits(baseHead, features));
    if (field === 'topics') {
      const labels = Int8Array.from(outputs, (name) => (e.labels.includes(name) ? 1 : 0));
      linear.push({ indices, values: features.values, weight: 1, labels, offset });
    } else {
      linear.push({ indices, values: features.values, weight: 1, target: outputs.indexOf(e.labels[0]), offset });
    }
    if (linear.length % 500 === 0) await yieldToEventLoop();
  }
  const buckets = new Uint32Array(localOf.size);
  const l2Scale = new Float32Array(localOf.size);
  for (const [bucket, local] of localOf) {
    buckets[local] = bucket;
    l2Scale[local] = Math.exp((COMMONNESS_PENALTY * base.featureCommonness[bucket]) / 255);
  }
  const epochs = Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, Math.ceil(UPDATES_BUDGET / linear.length)));
  const weights = await trainLinear(linear, {
    kind: field === 'topics' ? 'sigmoid' : 'softmax',
    outputs: outputs.length,
    dim: localOf.size,
    epochs,
    learningRate: LEARNING_RATE,
    l2: L2,
    l2Scale,
    seed: 17,
    chunkSize: 250,
    onChunk: async (fraction) => {
      await report(fraction);
      await yieldToEventLoop();
    },
  });
  return prune({ outputs, buckets, weights });
}

/** Drops rows whose weights are all negligible (most common n-grams end up there). */
function prune(head: DeltaHead): DeltaHead {
  const K = head.outputs.length;
  const keep: number[] = [];
  for (let row = 0; row < head.buckets.length; row++) {
    for (let k = 0; k < K; k++) {
      if (Math.abs(head.weights[row * K + k]) >= PRUNE_BELOW) {
        keep.push(row);
        break;
      }
    }
  }
  const weights = new Float32Array(keep.length * K);
  keep.forEach((row, i) => weights.set(head.weights.subarray(row * K, row * K + K), i * K));
  return { outputs: head.outputs, buckets: Uint32Array.from(keep, (row) => head.buckets[row]), weights };
}

export async function trainDeltaWith(
  base: AnalysisModel,
  examples: CorrectionExample[],
  options: TrainDeltaOptions = {},
): Promise<WorkspaceDelta> {
  const fields: DeltaField[] = ['sentiment', 'type', 'topics'];
  const heads: WorkspaceDelta['heads'] = {};
  for (const [i, field] of fields.entries()) {
    const report = async (fraction: number): Promise<void> => {
      await options.onProgress?.((i + fraction) / fields.length);
    };
    const head = await trainHead(
      base,
      field,
      examples.filter((e) => e.field === field),
      report,
    );
    if (head) heads[field] = head;
    await report(1);
  }
  return { heads };
}

/** Adds the delta's logits for `features` to `logits` (same output order as head.outputs). */
export function deltaLogits(head: DeltaHead, indices: Uint32Array, values: Float32Array): Float32Array {
  const K = head.outputs.length;
  const out = new Float32Array(K);
  const rowOf = (head.rowOf ??= new Map(Array.from(head.buckets, (bucket, row) => [bucket, row])));
  for (let i = 0; i < indices.length; i++) {
    const row = rowOf.get(indices[i]);
    if (row === undefined) continue;
    for (let k = 0; k < K; k++) out[k] += values[i] * head.weights[row * K + k];
  }
  return out;
}
