/**
 * Held-out comparison of analysis-model variants, for choices that must not look at dev:
 * 15 % of every train split (seed 101) is held out, the rest trains, and each variant's held-out
 * sentiment macro-F1 per dataset (binary sets scored negative vs positive) and their mean are
 * printed (sentiment heads are scored with float weights, before quantisation).
 *
 *   npx tsx scripts/model-experiment.ts linear balance1 topics   # variants by name (see VARIANTS)
 *
 * `linear` is the shipped sentiment head; `topics` trains the whole model and prints MAMS topic
 * macro-F1. Results of earlier rounds: src/analyze/model/README.md, "What was measured".
 */
import {
  buildModelFrom,
  chineseNbAdd,
  chineseNbWeights,
  DEFAULT_BUILD_OPTIONS,
  featurize,
  sentimentExamples,
  type BuildOptions,
  type Featurized,
} from '../src/analyze/model/build-model.js';
import { evaluateModel } from '../src/analyze/model/evaluate-model.js';
import { HASH_BUCKETS } from '../src/analyze/model/hash.js';
import { classificationMetrics } from '../src/analyze/model/metrics.js';
import { computeLogits, createRandom, shuffle, trainLinear, type LinearExample } from '../src/analyze/model/linear.js';
import { hashSlice, hashString, toBucket } from '../src/analyze/model/hash.js';
import { isHan, TYPE_CUE_BUCKETS } from '../src/analyze/model/features.js';
import { headLogits } from '../src/analyze/model/model.js';
import { normalizeForSearch } from '../src/analyze/language/normalize-text.js';
import { tokenizeNormalized } from '../src/analyze/language/tokenize.js';
import { isNegationCue } from '../src/analyze/model/negation.js';
import { SENTIMENTS } from '../src/analyze/model/taxonomy.js';
import { loadDatasets, loadLabelledSet, type DatasetSplit } from '../src/analyze/model/training-data.js';
import type { TextFeatures } from '../src/analyze/model/features.js';

const HELD_OUT_SHARE = 0.15;
const SEED = Number(process.env.HOLDOUT_SEED ?? 101);

type Scorer = (features: TextFeatures, lang: string, text?: string) => Float32Array;
type Variant = (rows: Featurized[]) => Promise<Scorer | Record<string, Scorer>>;

function splitHeldOut(splits: DatasetSplit[]): { train: Featurized[]; heldOut: Array<{ name: string; rows: Featurized[] }> } {
  const train: Featurized[] = [];
  const heldOut: Array<{ name: string; rows: Featurized[] }> = [];
  for (const split of splits) {
    const items = [...split.items];
    shuffle(items, createRandom(SEED));
    const cut = Math.floor(items.length * (1 - HELD_OUT_SHARE));
    train.push(...featurize(items.slice(0, cut)));
    heldOut.push({ name: split.name, rows: featurize(items.slice(cut)) });
  }
  return { train, heldOut };
}

/** A linear sentiment head with the shipped options, overridable. */
async function linearSentiment(rows: Featurized[], overrides: Partial<BuildOptions> = {}): Promise<Float32Array> {
  const options = { ...DEFAULT_BUILD_OPTIONS, ...overrides };
  return trainLinear(sentimentExamples(rows, options, options.sentimentLengthWeight), {
    kind: 'softmax',
    outputs: 3,
    dim: HASH_BUCKETS,
    epochs: options.sentimentEpochs,
    learningRate: options.sentimentLearningRate,
    l2: options.l2,
    seed: options.seed + 1,
  });
}

const linearScorer =
  (weights: Float32Array): Scorer =>
  (f) =>
    computeLogits(weights, 3, f.indices, f.values, new Float32Array(3));

let cachedLinear: Float32Array | null = null;
async function baseLinear(rows: Featurized[]): Promise<Float32Array> {
  return (cachedLinear ??= await linearSentiment(rows));
}

/** Texts of `langs` scored by a head trained on those languages only, with its own schedule. */
function perLanguage(langs: string[], overrides: Partial<BuildOptions>): Variant {
  return async (rows) => {
    const shared = await baseLinear(rows);
    const own = await linearSentiment(
      rows.filter((r) => langs.includes(r.item.lang)),
      overrides,
    );
    return (f, lang) => linearScorer(langs.includes(lang) ? own : shared)(f, lang);
  };
}

/** Adds a Chinese NB head to a sentiment head's weights for every language: +γu/2 to positive, −γu/2 to negative. */
function foldChineseNb(sentimentWeights: Float32Array, nb: Float32Array, gamma: number): Float32Array {
  const add = chineseNbAdd(gamma);
  for (let b = 0; b < nb.length; b++) for (let k = 0; k < add.length; k++) sentimentWeights[b * add.length + k] += nb[b] * add[k];
  return sentimentWeights;
}

/** The shipped layout: the shared head plus the Chinese NB head as a zh-only language term (model.ts), scored by headLogits. */
function zhNbGated(overrides: Partial<BuildOptions>, gammas: number[], keepOthers = true): Variant {
  return async (rows) => {
    const options = { ...DEFAULT_BUILD_OPTIONS, ...overrides };
    const shared = await baseLinear(rows);
    const nb = await chineseNbWeights(rows, options);
    const out: Record<string, Scorer> = {};
    for (const gamma of gammas) {
      const head = {
        kind: 'softmax' as const,
        outputs: SENTIMENTS,
        weights: shared,
        temperature: 1,
        languageTerm: { language: 'zh', weights: nb, add: chineseNbAdd(gamma), keepOthers },
      };
      out[`:γ${gamma}`] = (f) => headLogits(head, f);
    }
    return out;
  };
}

function zhNbFolded(overrides: Partial<BuildOptions>, gammas: number[]): Variant {
  return async (rows) => {
    const options = { ...DEFAULT_BUILD_OPTIONS, ...overrides };
    const shared = await baseLinear(rows);
    const nb = await chineseNbWeights(rows, options);
    const out: Record<string, Scorer> = {};
    for (const gamma of gammas) out[`:γ${gamma}`] = linearScorer(foldChineseNb(Float32Array.from(shared), nb, gamma));
    return out;
  };
}

const linearWith =
  (overrides: Partial<BuildOptions>): Variant =>
  async (rows) =>
    linearScorer(await linearSentiment(rows, overrides));

/** Shared head with zh texts' logits mixed with a zh-only head: (1 − λ)·shared + λ·own, one scorer per λ. */
function zhOwnMix(overrides: Partial<BuildOptions>, lambdas: number[]): Variant {
  return async (rows) => {
    const shared = await baseLinear(rows);
    const own = await linearSentiment(
      rows.filter((r) => r.item.lang === 'zh'),
      overrides,
    );
    const out: Record<string, Scorer> = {};
    for (const lambda of lambdas) {
      out[`:λ${lambda}`] = (f, lang) => {
        const a = linearScorer(shared)(f, lang);
        if (lang !== 'zh') return a;
        const b = linearScorer(own)(f, lang);
        for (let k = 0; k < 3; k++) a[k] = (1 - lambda) * a[k] + lambda * b[k];
        return a;
      };
    }
    return out;
  };
}

const HAN3_SEED = hashString('nb:h3');

/** Han character trigrams of a text (hashed buckets), for the NB head only. */
function hanTrigrams(text: string): number[] {
  const t = normalizeForSearch(text.slice(0, 2000));
  const out: number[] = [];
  for (let i = 0; i + 3 <= t.length; i++) {
    if (isHan(t.charCodeAt(i)) && isHan(t.charCodeAt(i + 1)) && isHan(t.charCodeAt(i + 2)))
      out.push(toBucket(hashSlice(HAN3_SEED, t, i, i + 3)));
  }
  return out;
}

interface NbOptions {
  /** NB smoothing */
  alpha: number;
  /** 'nb': the log-count ratios are the weights; 'nbsvm': logistic regression over r-scaled binary features */
  mode: 'nb' | 'nbsvm';
  trigrams: boolean;
  l2: number;
  epochs: number;
  learningRate: number;
  gammas: number[];
}

const NB_DEFAULTS: NbOptions = { alpha: 1, mode: 'nbsvm', trigrams: false, l2: 1e-4, epochs: 4, learningRate: 0.05, gammas: [0.5, 1, 2] };

/**
 * Chinese binary NBSVM-style head (Wang & Manning 2012): binarised features (the model's own
 * buckets, type cues dropped, optionally Han trigrams), scaled by naive-Bayes log-count ratios
 * r = log(p/|p|) − log(q/|q|) counted over zh negative/positive texts, and a logistic regression
 * on them (or r itself as weights, plain NB). For zh texts its logit z moves the shared head's
 * positive logit by +γz/2 and the negative one by −γz/2.
 */
function nbZh(partial: Partial<NbOptions>): Variant {
  const o = { ...NB_DEFAULTS, ...partial };
  const binaryFeatures = (f: TextFeatures, text: string): Uint32Array => {
    const set = new Set<number>();
    for (const i of f.indices) if (!TYPE_CUE_BUCKETS.has(i)) set.add(i);
    if (o.trigrams) for (const b of hanTrigrams(text)) set.add(b);
    return Uint32Array.from(set);
  };
  return async (rows) => {
    const shared = await baseLinear(rows);
    const zhRows = rows.filter((r) => r.item.lang === 'zh' && (r.item.sentiment === 'positive' || r.item.sentiment === 'negative'));
    const examples = sentimentExamples(zhRows, DEFAULT_BUILD_OPTIONS); // class-balanced per source
    const bins = zhRows.map((r) => binaryFeatures(r.features, r.item.text));
    const p = new Float64Array(HASH_BUCKETS).fill(o.alpha);
    const q = new Float64Array(HASH_BUCKETS).fill(o.alpha);
    zhRows.forEach((r, n) => {
      const counts = r.item.sentiment === 'positive' ? p : q;
      for (const b of bins[n]) counts[b] += examples[n].weight;
    });
    let sp = 0,
      sq = 0;
    for (let i = 0; i < HASH_BUCKETS; i++) {
      sp += p[i];
      sq += q[i];
    }
    const ratio = new Float32Array(HASH_BUCKETS);
    for (let i = 0; i < HASH_BUCKETS; i++) ratio[i] = Math.log(p[i] / sp) - Math.log(q[i] / sq);
    let weights: Float32Array;
    let bias = 0;
    if (o.mode === 'nb') {
      weights = new Float32Array(HASH_BUCKETS).fill(1);
    } else {
      const lin: LinearExample[] = zhRows.map((r, n) => ({
        indices: Uint32Array.from([...bins[n], HASH_BUCKETS]),
        values: Float32Array.from([...bins[n]].map((b) => ratio[b]).concat([1])),
        weight: examples[n].weight,
        labels: Int8Array.of(r.item.sentiment === 'positive' ? 1 : 0),
      }));
      const w = await trainLinear(lin, {
        kind: 'sigmoid',
        outputs: 1,
        dim: HASH_BUCKETS + 1,
        epochs: o.epochs,
        learningRate: o.learningRate,
        l2: o.l2,
        seed: 77,
      });
      weights = w.subarray(0, HASH_BUCKETS);
      bias = w[HASH_BUCKETS];
    }
    const zOf = (f: TextFeatures, text: string): number => {
      let z = bias;
      for (const b of binaryFeatures(f, text)) z += weights[b] * ratio[b];
      return z;
    };
    const out: Record<string, Scorer> = {};
    for (const gamma of o.gammas) {
      const add = chineseNbAdd(gamma);
      out[`:γ${gamma}`] = (f, lang, text) => {
        const a = linearScorer(shared)(f, lang, text);
        if (lang !== 'zh') return a;
        const z = zOf(f, text ?? '');
        for (let k = 0; k < add.length; k++) a[k] += z * add[k];
        return a;
      };
    }
    const alone = chineseNbAdd(1);
    out[':alone'] = (f, _lang, text) => {
      const z = zOf(f, text ?? '');
      return Float32Array.from(alone, (w) => (w === 0 ? -1e9 : z * w)); // neutral never wins
    };
    return out;
  };
}

const NEG_CLAUSE_SEED = hashString('nwc:zh');
const NEG_CLAUSE_CHAR_SEED = hashString('nhc:zh');

/**
 * Chinese negation scope to the end of the clause: every jieba word after a negation cue (不, 没有,
 * 别 … as whole tokens, so 非常/不错/特别 are not cues) up to the next punctuation mark adds a
 * "negated in clause" word feature (and optionally negated Han characters), weighted like a word,
 * the vector re-normalised. Reaches what the 3-word scope misses: 没有想象中的好吃.
 */
function zhNegationClause(chars: boolean): (r: Featurized) => Featurized {
  return (r) => {
    if (r.item.lang !== 'zh') return r;
    const normalized = normalizeForSearch(r.item.text.slice(0, 2000));
    const extra: number[] = [];
    for (const clause of normalized.split(/[^\p{L}\p{M}\p{N}]+/u)) {
      if (!clause) continue;
      let negated = false;
      for (const token of tokenizeNormalized(clause)) {
        if (isNegationCue('zh', token)) {
          negated = true;
          continue;
        }
        if (!negated) continue;
        extra.push(toBucket(hashString(token, NEG_CLAUSE_SEED)));
        if (chars)
          for (let i = 0; i < token.length; i++)
            if (isHan(token.charCodeAt(i))) extra.push(toBucket(hashSlice(NEG_CLAUSE_CHAR_SEED, token, i, i + 1)));
      }
    }
    if (extra.length === 0) return r;
    const { indices, values } = r.features;
    const unit = values[0]; // the global bias: raw weight 1, so 1/‖x‖ after normalisation
    const scale = 1 / Math.sqrt(1 + extra.length * unit * unit);
    const newValues = Float32Array.from([...values].map((v) => v * scale).concat(extra.map(() => unit * scale)));
    return { item: r.item, features: { indices: Uint32Array.from([...indices, ...extra]), values: newValues } };
  };
}

/** Variants run on features changed for every text (train and held-out). */
const AUGMENTED: Record<string, { augment: (r: Featurized) => Featurized; variant: string }> = {
  zhNegClause: { augment: zhNegationClause(false), variant: 'linear' },
  zhNegClauseChars: { augment: zhNegationClause(true), variant: 'linear' },
  zhNegClauseNbsvm: { augment: zhNegationClause(false), variant: 'nbsvmZh' },
};

const VARIANTS: Record<string, Variant> = {
  zhNbGated: zhNbGated({}, [0.5, 1, 2]),
  zhNbGatedAdditive: zhNbGated({}, [1], false),
  zhNbFolded: zhNbFolded({}, [0.5, 1, 2]),
  zhOwn: zhOwnMix({}, [0.25, 0.5, 1]),
  zhOwn12Epochs: zhOwnMix({ sentimentEpochs: 12 }, [0.5, 1]),
  zhOwnRate014: zhOwnMix({ sentimentLearningRate: 0.14 }, [0.5, 1]),
  nbZh: nbZh({ mode: 'nb', gammas: [0.1, 0.25, 0.5] }),
  nbsvmZh: nbZh({}),
  nbsvmZhTri: nbZh({ trigrams: true }),
  nbsvmZhL2e3: nbZh({ l2: 1e-3 }),
  nbsvmZhBinaryRate02: nbZh({ learningRate: 0.2, gammas: [1, 2, 4] }),
  nbsvmZhL2e5: nbZh({ l2: 1e-5 }),
  linear: linearWith({}),
  balance06: linearWith({ sentimentClassBalancePower: 0.6 }),
  balance085: linearWith({ sentimentClassBalancePower: 0.85 }),
  balance1: linearWith({ sentimentClassBalancePower: 1 }),
  sourceSize05: linearWith({ sourceSizePower: 0.5 }),
  sourceSize085: linearWith({ sourceSizePower: 0.85 }),
  faArOwnHead: perLanguage(['fa', 'ar'], {}),
  faArOwnHead12Epochs: perLanguage(['fa', 'ar'], { sentimentEpochs: 12 }),
  seeds3: async (rows) => {
    const heads = [];
    for (const seed of [13, 14, 15]) heads.push(await linearSentiment(rows, { seed }));
    // Averaging linear heads' weights = averaging their logits.
    const mean = new Float32Array(heads[0].length);
    for (const h of heads) for (let i = 0; i < mean.length; i++) mean[i] += h[i] / heads.length;
    return linearScorer(mean);
  },
};

function scoreSentiment(scorer: Scorer, heldOut: Array<{ name: string; rows: Featurized[] }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const { name, rows } of heldOut) {
    const labelled = rows.filter((r) => r.item.sentiment);
    if (labelled.length === 0 || (name.startsWith('labelled_') && !(process.env.SCORE_LABELLED && name === 'labelled_zh'))) continue;
    const binary = labelled.some((r) => r.item.sentimentBinary);
    const truth: string[] = [],
      predicted: string[] = [];
    for (const r of labelled) {
      const logits = scorer(r.features, r.item.lang, r.item.text);
      let best = -1;
      for (let k = 0; k < 3; k++) if ((!binary || k !== 1) && (best < 0 || logits[k] > logits[best])) best = k;
      truth.push(r.item.sentiment!);
      predicted.push(SENTIMENTS[best]);
    }
    out.set(name, classificationMetrics(truth, predicted, binary ? ['negative', 'positive'] : SENTIMENTS).macroF1);
    // SCORE_LABELLED: the 18 held-out hand-labelled zh lines, as truth>predicted pairs to pool over splits
    if (process.env.SCORE_LABELLED && name === 'labelled_zh')
      console.error(`labelled_zh pairs: ${truth.map((t, i) => `${t[0]}>${predicted[i][0]}`).join(' ')}`);
  }
  return out;
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const started = performance.now();
  const { train, heldOut } = splitHeldOut([...loadDatasets('train'), ...loadLabelledSet('train')]);
  console.log(`featurized ${train.length} train texts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  let header = false;
  for (const name of names) {
    const t0 = performance.now();
    if (name === 'topics') {
      const model = await buildModelFrom(train);
      const splits = heldOut.map(({ name: n, rows }) => ({ name: n, items: rows.map((r) => r.item) }));
      const mams = evaluateModel(model, splits).find((r) => r.dataset === 'mams_acsa_en');
      console.log(`topics: MAMS held-out macro-F1 ${mams?.topics?.macroF1.toFixed(3)}`);
      continue;
    }
    const augmented = AUGMENTED[name];
    const variant = VARIANTS[augmented?.variant ?? name];
    if (!variant) throw new Error(`unknown variant ${name}`);
    let trainRows = train;
    let heldOutRows = heldOut;
    if (augmented) {
      cachedLinear = null;
      trainRows = train.map(augmented.augment);
      heldOutRows = heldOut.map(({ name: n, rows }) => ({ name: n, rows: rows.map(augmented.augment) }));
    }
    const result = await variant(trainRows);
    if (augmented) cachedLinear = null;
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const scorers = typeof result === 'function' ? { '': result } : result;
    for (const [suffix, scorer] of Object.entries(scorers)) {
      const scores = scoreSentiment(scorer, heldOutRows);
      if (!header) {
        console.log(`| variant | ${[...scores.keys()].join(' | ')} | mean | s |`);
        header = true;
      }
      const mean = [...scores.values()].reduce((a, b) => a + b, 0) / scores.size;
      console.log(`| ${name}${suffix} | ${[...scores.values()].map((x) => x.toFixed(3)).join(' | ')} | ${mean.toFixed(4)} | ${seconds} |`);
    }
  }
}

await main();
