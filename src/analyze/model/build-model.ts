/**
 * Trains the analysis model from labelled texts: one softmax head for sentiment, one for feedback
 * type, one sigmoid head of per-topic yes/no outputs. Deterministic for a given seed.
 *
 * Example weights: within each source, classes are re-weighted towards balance
 * ((n / (C · n_c))^classBalancePower): the rare neutral and negative classes otherwise vanish and
 * macro-F1 suffers. Sentiment balances less than fully (power 0.75): at 1 the rare neutral class
 * (3 % of ElSahar) weighs ~10× and is predicted for too many polar texts. Each source's total
 * weight is n^sourceSizePower / n per example, so a 20k-text corpus does not drown a 1.6k one in
 * the same language.
 */
import { extractFeatures, TYPE_CUE_BUCKETS, type TextFeatures } from './features.js';
import { HASH_BUCKETS } from './hash.js';
import { trainLinear, type LinearExample } from './linear.js';
import { emptyHead, type AnalysisModel, type ModelHead } from './model.js';
import { ALL_TOPIC_HEADS, FEEDBACK_TYPES, SENTIMENTS } from './taxonomy.js';
import type { LabelledText } from './training-data.js';

export interface BuildOptions {
  epochs: number;
  learningRate: number;
  /** the sentiment head's own schedule: it overfits at the type/topic heads' rate */
  sentimentEpochs: number;
  sentimentLearningRate: number;
  l2: number;
  classBalancePower: number;
  sentimentClassBalancePower: number;
  sourceSizePower: number;
  /** extra weight of the hand-labelled texts in the type head: its only suggestion/praise/bug data */
  labelledTypeWeight: number;
  seed: number;
  log?: (message: string) => void;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  epochs: 6,
  learningRate: 0.2,
  sentimentEpochs: 8,
  sentimentLearningRate: 0.07,
  l2: 1e-6,
  classBalancePower: 1,
  sentimentClassBalancePower: 0.75,
  sourceSizePower: 0.7,
  labelledTypeWeight: 4,
  seed: 13,
};

const LABELLED_PREFIX = 'labelled_';

export interface Featurized { item: LabelledText; features: TextFeatures }

/**
 * The features without the type-cue ones. Sentiment and topics learn nothing from them: cue
 * classes mix polarity with intent (held-out sentiment macro-F1 dropped by 0.006 with them).
 */
function withoutTypeCues(features: TextFeatures): TextFeatures {
  const keep: number[] = [];
  features.indices.forEach((index, i) => {
    if (!TYPE_CUE_BUCKETS.has(index)) keep.push(i);
  });
  if (keep.length === features.indices.length) return features;
  return { indices: Uint32Array.from(keep, (i) => features.indices[i]), values: Float32Array.from(keep, (i) => features.values[i]) };
}

/** Per example weight from its source's size and its class's share within the source. */
function balancedWeights(rows: Featurized[], labelOf: (r: Featurized) => string, options: BuildOptions, classBalancePower = options.classBalancePower): number[] {
  const bySource = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const counts = bySource.get(r.item.source) ?? new Map<string, number>();
    counts.set(labelOf(r), (counts.get(labelOf(r)) ?? 0) + 1);
    bySource.set(r.item.source, counts);
  }
  return rows.map((r) => {
    const counts = bySource.get(r.item.source)!;
    const n = [...counts.values()].reduce((a, b) => a + b, 0);
    const classWeight = (n / (counts.size * counts.get(labelOf(r))!)) ** classBalancePower;
    const sourceWeight = n ** options.sourceSizePower / n;
    return classWeight * sourceWeight;
  });
}

/** Rescales weights to mean 1, so the learning rate means the same whatever the mix. */
function normalizeMean(weights: number[]): number[] {
  const mean = weights.reduce((a, b) => a + b, 0) / Math.max(1, weights.length);
  return weights.map((w) => w / (mean || 1));
}

export function sentimentExamples(rows: Featurized[], options: BuildOptions): LinearExample[] {
  const labelled = rows.filter((r) => r.item.sentiment);
  const weights = normalizeMean(balancedWeights(labelled, (r) => r.item.sentiment!, options, options.sentimentClassBalancePower));
  const binary = (1 << SENTIMENTS.indexOf('negative')) | (1 << SENTIMENTS.indexOf('positive'));
  return labelled.map((r, i) => ({
    ...withoutTypeCues(r.features),
    weight: weights[i],
    target: SENTIMENTS.indexOf(r.item.sentiment!),
    allowed: r.item.sentimentBinary ? binary : undefined,
  }));
}

function typeExamples(rows: Featurized[], options: BuildOptions): LinearExample[] {
  const labelled = rows.filter((r) => r.item.type);
  const balanced = balancedWeights(labelled, (r) => r.item.type!, options);
  const weights = normalizeMean(balanced.map((w, i) => (labelled[i].item.source.startsWith(LABELLED_PREFIX) ? w * options.labelledTypeWeight : w)));
  return labelled.map((r, i) => ({ ...r.features, weight: weights[i], target: FEEDBACK_TYPES.indexOf(r.item.type!) }));
}

function topicExamples(rows: Featurized[], options: BuildOptions): LinearExample[] {
  const labelled = rows.filter((r) => r.item.topicScope);
  const weights = normalizeMean(balancedWeights(labelled, () => 'any', options));
  return labelled.map((r, i) => {
    const labels = new Int8Array(ALL_TOPIC_HEADS.length).fill(-1);
    // A topic outside what the source annotates counts as absent: restaurant reviews and support
    // requests rarely touch the app's design, and without this a head with no data in a language
    // would sit at p = 0.5 there.
    ALL_TOPIC_HEADS.forEach((topic, k) => {
      labels[k] = r.item.topics!.includes(topic) ? 1 : 0;
    });
    return { ...withoutTypeCues(r.features), weight: weights[i], labels };
  });
}

function commonness(rows: Featurized[]): Uint8Array {
  const documentFrequency = new Uint32Array(HASH_BUCKETS);
  for (const { features } of rows) {
    for (const index of new Set(features.indices)) documentFrequency[index]++;
  }
  const out = new Uint8Array(HASH_BUCKETS);
  const scale = 255 / Math.log1p(Math.max(1, rows.length));
  for (let i = 0; i < HASH_BUCKETS; i++) out[i] = Math.round(Math.log1p(documentFrequency[i]) * scale);
  return out;
}

async function trainHead(head: ModelHead, examples: LinearExample[], options: BuildOptions, seedOffset: number): Promise<ModelHead> {
  const weights = await trainLinear(examples, {
    kind: head.kind,
    outputs: head.outputs.length,
    dim: HASH_BUCKETS,
    epochs: options.epochs,
    learningRate: options.learningRate,
    l2: options.l2,
    seed: options.seed + seedOffset,
  });
  return { ...head, weights };
}

export function featurize(items: LabelledText[]): Featurized[] {
  return items.map((item) => ({ item, features: extractFeatures(item.text, item.lang) }));
}

export async function buildModel(items: LabelledText[], partial: Partial<BuildOptions> = {}): Promise<AnalysisModel> {
  return buildModelFrom(featurize(items), partial);
}

/** As buildModel, from texts already featurized (experiments reuse one featurization). */
export async function buildModelFrom(rows: Featurized[], partial: Partial<BuildOptions> = {}): Promise<AnalysisModel> {
  const options = { ...DEFAULT_BUILD_OPTIONS, ...partial };
  const log = options.log ?? (() => {});
  log(`features: ${rows.length} texts`);
  const sentiment = await trainHead(emptyHead('softmax', SENTIMENTS), sentimentExamples(rows, options), { ...options, epochs: options.sentimentEpochs, learningRate: options.sentimentLearningRate }, 1);
  log('sentiment head trained');
  const type = await trainHead(emptyHead('softmax', FEEDBACK_TYPES), typeExamples(rows, options), options, 2);
  log('type head trained');
  const topics = await trainHead(emptyHead('sigmoid', ALL_TOPIC_HEADS), topicExamples(rows, options), options, 3);
  log('topic head trained');
  return { dim: HASH_BUCKETS, sentiment, type, topics, featureCommonness: commonness(rows) };
}
