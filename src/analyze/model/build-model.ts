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
 *
 * Chinese binary sentiment also gets an NBSVM-style head (Wang & Manning 2012; see
 * chineseNbWeights), attached to the sentiment head as a term for zh texts only (model.ts,
 * LanguageTerm): one more interleaved weight per bucket.
 */
import {
  extractFeatures,
  languageSharedBuckets,
  modelLanguage,
  prepareText,
  TYPE_CUE_BUCKETS,
  VECTOR_BUCKETS,
  BIAS_BUCKETS,
  type TextFeatures,
} from './features.js';
import { HASH_BUCKETS, hashString, toBucket } from './hash.js';
import { trainLinear, type LinearExample } from './linear.js';
import { emptyHead, type AnalysisModel, type ModelHead } from './model.js';
import { ALL_TOPIC_HEADS, FEEDBACK_TYPES, SENTIMENTS } from './taxonomy.js';
import type { LabelledText } from './training-data.js';
import { wordVectors } from './word-vectors.js';

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
  /**
   * the Chinese NB head's weight γ (its logit z adds γz/2 to positive, −γz/2 to negative, and
   * neutral keeps its probability; 0 = none)
   */
  zhNbWeight: number;
  zhNbEpochs: number;
  zhNbLearningRate: number;
  zhNbL2: number;
  /** additive smoothing of the naive-Bayes counts */
  zhNbAlpha: number;
  /**
   * Per language, an offset added to the sentiment head's neutral logit (ModelHead.languageBias):
   * the margin by which negative or positive must beat neutral. Chosen on the authored corpus's
   * held-out domains by the cross-domain evaluation (scripts/eval-cross.ts), never on dev.
   */
  neutralMargin: Partial<Record<string, number>>;
  /** the topic head's own schedule (default: epochs / learningRate) */
  topicEpochs?: number;
  topicLearningRate?: number;
  /** weight of a topic's positive labels relative to its negative ones in the topic head's loss */
  topicPositiveWeight?: number;
  /** extra weight of the authored corpus's texts in the topic head */
  authoredTopicWeight?: number;
  /** topics outside what a public dataset annotates count as unknown instead of absent */
  topicScopeOnly?: boolean;
  /**
   * Weight λ of a second topic head trained on the word-vector features and biases alone (a
   * low-capacity reader that cannot memorise one business's words); its weights are added × λ to
   * the topic head's, i.e. its logits are (0 = none).
   */
  topicVectorHead?: number;
  /**
   * Whether `npm run train` learns word vectors (train-vectors.ts) and ships them, so that the
   * topic features read them (features.ts); the topic evaluation follows it (TOPIC_VECTORS=on/off
   * overrides). Off: no vector file, features as without them.
   */
  wordVectors: boolean;
  /**
   * Weight of the sentiment head's training-only length features (see lengthFeatures; 0 = none):
   * they absorb how sentiment correlates with length in the training data and are never
   * extracted at prediction time.
   */
  sentimentLengthWeight: number;
  seed: number;
  /** heads to train (the others stay zero): the cross-domain folds only need sentiment and type */
  heads?: ReadonlyArray<'sentiment' | 'type' | 'topics'>;
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
  zhNbWeight: 1,
  zhNbEpochs: 4,
  zhNbLearningRate: 0.2,
  zhNbL2: 1e-4,
  zhNbAlpha: 1,
  // chosen on the authored corpus's held-out domains by `npm run eval` (scripts/eval-cross.ts)
  neutralMargin: { fa: -0.3, ar: 0.1, zh: 0.3, en: 0.1 },
  sentimentLengthWeight: 0,
  wordVectors: false,
  seed: 13,
};

const LABELLED_PREFIX = 'labelled_';

export interface Featurized {
  item: LabelledText;
  features: TextFeatures;
}

/**
 * The features without the type-cue ones. Sentiment and topics learn nothing from them: cue
 * classes mix polarity with intent (held-out sentiment macro-F1 dropped by 0.006 with them).
 */
function withoutTypeCues(features: TextFeatures): TextFeatures {
  return without(features, TYPE_CUE_BUCKETS);
}

/** Sentiment: neither type cues nor word-vector features (those are the topic head's). */
function sentimentFeatures(features: TextFeatures): TextFeatures {
  return without(without(features, TYPE_CUE_BUCKETS), VECTOR_BUCKETS);
}

function without(features: TextFeatures, buckets: ReadonlySet<number>): TextFeatures {
  const keep: number[] = [];
  features.indices.forEach((index, i) => {
    if (!buckets.has(index)) keep.push(i);
  });
  if (keep.length === features.indices.length) return features;
  return {
    indices: Uint32Array.from(keep, (i) => features.indices[i]),
    values: Float32Array.from(keep, (i) => features.values[i]),
    language: features.language,
  };
}

/** Per example weight from its source's size and its class's share within the source. */
function balancedWeights(
  rows: Featurized[],
  labelOf: (r: Featurized) => string,
  options: BuildOptions,
  classBalancePower = options.classBalancePower,
): number[] {
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

/**
 * Training-only length features of a text: one bucket per log2 of its token count (1, 2–3, 4–7 …
 * 128+), per language and shared. In the training data long texts are more often complaints, and
 * without these the words common in any long text (function words, their character n-grams)
 * learn that as negativity, so long product and hotel reviews come out negative. With them the
 * correlation goes to these buckets, which prediction never reads (extractFeatures does not
 * produce them): the sentiment head is trained as if length were known and used as if it were not.
 */
export function lengthFeatures(item: LabelledText, weight: number): TextFeatures {
  const tokens = prepareText(item.text.slice(0, 2000)).tokens.length;
  const bucket = Math.min(7, Math.floor(Math.log2(1 + tokens)));
  const lang = modelLanguage(item.lang);
  return {
    indices: Uint32Array.of(toBucket(hashString(`len:${lang}:${bucket}`)), toBucket(hashString(`len:*:${bucket}`))),
    values: Float32Array.of(weight, weight),
  };
}

function withLength(features: TextFeatures, extra: TextFeatures): TextFeatures {
  const indices = new Uint32Array(features.indices.length + extra.indices.length);
  indices.set(features.indices);
  indices.set(extra.indices, features.indices.length);
  const values = new Float32Array(indices.length);
  values.set(features.values);
  values.set(extra.values, features.values.length);
  return { indices, values, language: features.language };
}

export function sentimentExamples(rows: Featurized[], options: BuildOptions, lengthWeight = 0): LinearExample[] {
  const labelled = rows.filter((r) => r.item.sentiment);
  const weights = normalizeMean(balancedWeights(labelled, (r) => r.item.sentiment!, options, options.sentimentClassBalancePower));
  const binary = (1 << SENTIMENTS.indexOf('negative')) | (1 << SENTIMENTS.indexOf('positive'));
  return labelled.map((r, i) => ({
    ...(lengthWeight > 0 ? withLength(sentimentFeatures(r.features), lengthFeatures(r.item, lengthWeight)) : sentimentFeatures(r.features)),
    weight: weights[i],
    target: SENTIMENTS.indexOf(r.item.sentiment!),
    allowed: r.item.sentimentBinary ? binary : undefined,
  }));
}

const POSITIVE = SENTIMENTS.indexOf('positive');
const NEGATIVE = SENTIMENTS.indexOf('negative');

/**
 * Per-bucket weights u of a Chinese negative-vs-positive head in the NBSVM manner (Wang & Manning
 * 2012): each feature is scaled by its naive-Bayes log-count ratio r = log(p/‖p‖₁) − log(q/‖q‖₁)
 * (p, q: class-balanced document counts over zh positive/negative texts, smoothed by α), and a
 * logistic regression is trained on the scaled features; u = w · r, so its logit z = Σ u·x is
 * linear in the model's own features. Features shared by all languages (global bias/polarity,
 * emoji, character n-grams of non-Han words) and type cues are left out.
 * Held-out train (15 %, five splits, γ = 1): waimai +0.001…+0.012 (mean +0.005), online_shopping
 * +0.002…+0.008 (mean +0.004); the other sets are untouched (the term is gated by language).
 */
export async function chineseNbWeights(rows: Featurized[], options: BuildOptions): Promise<Float32Array> {
  const zhRows = rows.filter((r) => r.item.lang === 'zh' && (r.item.sentiment === 'positive' || r.item.sentiment === 'negative'));
  const examples = sentimentExamples(zhRows, options); // class-balanced per source, type cues dropped
  const kept = examples.map((e, n) => {
    const shared = new Set(languageSharedBuckets(zhRows[n].item.text));
    const keep: number[] = [];
    e.indices.forEach((b, i) => {
      if (!shared.has(b)) keep.push(i);
    });
    return { indices: Uint32Array.from(keep, (i) => e.indices[i]), values: Float32Array.from(keep, (i) => e.values[i]) };
  });
  const p = new Float64Array(HASH_BUCKETS).fill(options.zhNbAlpha);
  const q = new Float64Array(HASH_BUCKETS).fill(options.zhNbAlpha);
  kept.forEach((f, n) => {
    const counts = zhRows[n].item.sentiment === 'positive' ? p : q;
    for (const b of new Set(f.indices)) counts[b] += examples[n].weight;
  });
  let sumP = 0,
    sumQ = 0;
  for (let b = 0; b < HASH_BUCKETS; b++) {
    sumP += p[b];
    sumQ += q[b];
  }
  const ratio = new Float32Array(HASH_BUCKETS);
  for (let b = 0; b < HASH_BUCKETS; b++) ratio[b] = Math.log(p[b] / sumP) - Math.log(q[b] / sumQ);
  const weights = await trainLinear(
    kept.map((f, n) => ({
      indices: f.indices,
      values: f.values.map((v, i) => v * ratio[f.indices[i]]),
      weight: examples[n].weight,
      labels: Int8Array.of(zhRows[n].item.sentiment === 'positive' ? 1 : 0),
    })),
    {
      kind: 'sigmoid',
      outputs: 1,
      dim: HASH_BUCKETS,
      epochs: options.zhNbEpochs,
      learningRate: options.zhNbLearningRate,
      l2: options.zhNbL2,
      seed: options.seed + 4,
    },
  );
  for (let b = 0; b < HASH_BUCKETS; b++) weights[b] *= ratio[b];
  return weights;
}

/** How the Chinese NB logit z enters the sentiment logits: +γz/2 positive, −γz/2 negative. */
export function chineseNbAdd(gamma: number): number[] {
  const add = SENTIMENTS.map(() => 0);
  add[POSITIVE] = gamma / 2;
  add[NEGATIVE] = -gamma / 2;
  return add;
}

function typeExamples(rows: Featurized[], options: BuildOptions): LinearExample[] {
  const labelled = rows.filter((r) => r.item.type);
  const balanced = balancedWeights(labelled, (r) => r.item.type!, options);
  const weights = normalizeMean(
    balanced.map((w, i) => (labelled[i].item.source.startsWith(LABELLED_PREFIX) ? w * options.labelledTypeWeight : w)),
  );
  return labelled.map((r, i) => ({
    ...without(r.features, VECTOR_BUCKETS),
    weight: weights[i],
    target: FEEDBACK_TYPES.indexOf(r.item.type!),
  }));
}

function topicExamples(rows: Featurized[], options: BuildOptions): LinearExample[] {
  const labelled = rows.filter((r) => r.item.topicScope);
  const authoredWeight = options.authoredTopicWeight ?? 1;
  const weights = normalizeMean(
    balancedWeights(labelled, () => 'any', options).map((w, i) =>
      labelled[i].item.source.startsWith('authored_') ? w * authoredWeight : w,
    ),
  );
  return labelled.map((r, i) => {
    const labels = new Int8Array(ALL_TOPIC_HEADS.length).fill(-1);
    // A topic outside what the source annotates counts as absent: restaurant reviews and support
    // requests rarely touch the app's design, and without this a head with no data in a language
    // would sit at p = 0.5 there.
    ALL_TOPIC_HEADS.forEach((topic, k) => {
      if (options.topicScopeOnly && !r.item.topicScope!.includes(topic)) return;
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

async function trainHead(
  head: ModelHead,
  examples: LinearExample[],
  options: BuildOptions,
  seedOffset: number,
  positiveWeight?: number,
): Promise<ModelHead> {
  const weights = await trainLinear(examples, {
    kind: head.kind,
    outputs: head.outputs.length,
    dim: HASH_BUCKETS,
    epochs: options.epochs,
    learningRate: options.learningRate,
    l2: options.l2,
    seed: options.seed + seedOffset,
    positiveWeight,
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
  const wanted = new Set(options.heads ?? ['sentiment', 'type', 'topics']);
  const sentiment = !wanted.has('sentiment')
    ? emptyHead('softmax', SENTIMENTS)
    : await trainHead(
        emptyHead('softmax', SENTIMENTS),
        sentimentExamples(rows, options, options.sentimentLengthWeight),
        { ...options, epochs: options.sentimentEpochs, learningRate: options.sentimentLearningRate },
        1,
      );
  log('sentiment head trained');
  if (options.zhNbWeight > 0 && wanted.has('sentiment')) {
    sentiment.languageTerm = {
      language: 'zh',
      weights: await chineseNbWeights(rows, options),
      add: chineseNbAdd(options.zhNbWeight),
      keepOthers: true,
    };
    log('Chinese NB head trained');
  }
  const margins = Object.entries(options.neutralMargin).filter(([, m]) => m);
  if (margins.length)
    sentiment.languageBias = Object.fromEntries(margins.map(([lang, m]) => [lang, SENTIMENTS.map((s) => (s === 'neutral' ? m! : 0))]));
  const type = !wanted.has('type')
    ? emptyHead('softmax', FEEDBACK_TYPES)
    : await trainHead(emptyHead('softmax', FEEDBACK_TYPES), typeExamples(rows, options), options, 2);
  log('type head trained');
  const topics = !wanted.has('topics')
    ? emptyHead('sigmoid', ALL_TOPIC_HEADS)
    : await trainHead(
        emptyHead('sigmoid', ALL_TOPIC_HEADS),
        topicExamples(rows, options),
        { ...options, epochs: options.topicEpochs ?? options.epochs, learningRate: options.topicLearningRate ?? options.learningRate },
        3,
        options.topicPositiveWeight,
      );
  log('topic head trained');
  if (wanted.has('topics') && (options.topicVectorHead ?? 0) > 0) {
    const dense = new Set([...VECTOR_BUCKETS, ...BIAS_BUCKETS]);
    const examples = topicExamples(rows, options).map((e) => {
      const kept = without(e, new Set([...e.indices].filter((b) => !dense.has(b))));
      return { ...kept, weight: e.weight, labels: e.labels };
    });
    const second = await trainHead(
      emptyHead('sigmoid', ALL_TOPIC_HEADS),
      examples,
      { ...options, epochs: options.topicEpochs ?? options.epochs, learningRate: options.topicLearningRate ?? options.learningRate },
      5,
      options.topicPositiveWeight,
    );
    const a = topics.weights as Float32Array;
    const b = second.weights as Float32Array;
    for (let i = 0; i < a.length; i++) a[i] += options.topicVectorHead! * b[i];
    log('vector topic head trained');
  }
  // Word-vector features are the topic head's: the sentiment and type heads (and the Chinese term)
  // keep no weight on their buckets, so a word that shares a bucket with one of them cannot carry
  // a vector feature's value into sentiment or type at prediction.
  if (wordVectors()) {
    for (const head of [sentiment, type]) zeroBuckets(head.weights as Float32Array, head.outputs.length, VECTOR_BUCKETS);
    if (sentiment.languageTerm) zeroBuckets(sentiment.languageTerm.weights as Float32Array, 1, VECTOR_BUCKETS);
  }
  return { dim: HASH_BUCKETS, sentiment, type, topics, featureCommonness: commonness(rows) };
}

function zeroBuckets(weights: Float32Array, outputs: number, buckets: ReadonlySet<number>): void {
  for (const b of buckets) weights.fill(0, b * outputs, (b + 1) * outputs);
}
