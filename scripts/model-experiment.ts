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
import { buildModelFrom, DEFAULT_BUILD_OPTIONS, featurize, sentimentExamples, type BuildOptions, type Featurized } from '../src/analyze/model/build-model.js';
import { evaluateModel } from '../src/analyze/model/evaluate-model.js';
import { HASH_BUCKETS } from '../src/analyze/model/hash.js';
import { classificationMetrics } from '../src/analyze/model/metrics.js';
import { computeLogits, createRandom, shuffle, trainLinear } from '../src/analyze/model/linear.js';
import { SENTIMENTS } from '../src/analyze/model/taxonomy.js';
import { loadDatasets, loadLabelledSet, type DatasetSplit } from '../src/analyze/model/training-data.js';
import type { TextFeatures } from '../src/analyze/model/features.js';

const HELD_OUT_SHARE = 0.15;
const SEED = 101;

type Scorer = (features: TextFeatures, lang: string) => Float32Array;
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
  return trainLinear(sentimentExamples(rows, options), {
    kind: 'softmax', outputs: 3, dim: HASH_BUCKETS, epochs: options.sentimentEpochs, learningRate: options.sentimentLearningRate,
    l2: options.l2, seed: options.seed + 1,
  });
}

const linearScorer = (weights: Float32Array): Scorer => (f) => computeLogits(weights, 3, f.indices, f.values, new Float32Array(3));

let cachedLinear: Float32Array | null = null;
async function baseLinear(rows: Featurized[]): Promise<Float32Array> {
  return (cachedLinear ??= await linearSentiment(rows));
}

/** Texts of `langs` scored by a head trained on those languages only, with its own schedule. */
function perLanguage(langs: string[], overrides: Partial<BuildOptions>): Variant {
  return async (rows) => {
    const shared = await baseLinear(rows);
    const own = await linearSentiment(rows.filter((r) => langs.includes(r.item.lang)), overrides);
    return (f, lang) => linearScorer(langs.includes(lang) ? own : shared)(f, lang);
  };
}

const linearWith = (overrides: Partial<BuildOptions>): Variant => async (rows) => linearScorer(await linearSentiment(rows, overrides));

const VARIANTS: Record<string, Variant> = {
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
    if (labelled.length === 0 || name.startsWith('labelled_')) continue;
    const binary = labelled.some((r) => r.item.sentimentBinary);
    const truth: string[] = [], predicted: string[] = [];
    for (const r of labelled) {
      const logits = scorer(r.features, r.item.lang);
      let best = -1;
      for (let k = 0; k < 3; k++) if ((!binary || k !== 1) && (best < 0 || logits[k] > logits[best])) best = k;
      truth.push(r.item.sentiment!);
      predicted.push(SENTIMENTS[best]);
    }
    out.set(name, classificationMetrics(truth, predicted, binary ? ['negative', 'positive'] : SENTIMENTS).macroF1);
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
    const variant = VARIANTS[name];
    if (!variant) throw new Error(`unknown variant ${name}`);
    const result = await variant(train);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const scorers = typeof result === 'function' ? { '': result } : result;
    for (const [suffix, scorer] of Object.entries(scorers)) {
      const scores = scoreSentiment(scorer, heldOut);
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
