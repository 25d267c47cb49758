/**
 * Trains the Persian/Arabic character n-gram naive Bayes used by src/analyze/language/detect-language.ts
 * and writes src/analyze/model/artifacts/fa-ar-nb.json.
 *
 *   npx tsx scripts/train-fa-ar-model.ts        # train on every <dataset>/train.jsonl, write the model
 *   npx tsx scripts/train-fa-ar-model.ts --cv   # 5-fold cross-validation on the train splits only
 *
 * Only train splits are read: dev splits stay untouched for reporting. Datasets come from
 * ../shared/datasets (relative to the repository) or $DATASETS_DIR.
 *
 * Hyper-parameters were picked by the --cv run (accuracy vs. file size): 1..5-grams, additive
 * smoothing 0.1, n-grams seen fewer than 10 times dropped (rare n-grams are mostly product names
 * and typos, i.e. domain noise), and weights weaker than |1.0| dropped (they barely move the sum).
 */
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { arabicScriptWords, createFaArScorer, forEachNgram, type FaArModel } from '../src/analyze/language/fa-ar.js';

const MAX_N = 5;
const ALPHA = 0.1;
const MIN_COUNT = 10;
const MIN_ABS_WEIGHT = 1.0;
const SCALE = 10;
// ParsiNLU is CC BY-NC-SA (non-commercial): it is kept out of a model that ships with Feedloop.
// Its dev split is still evaluated, as an unseen domain (food reviews). Leaving it out moved the
// 5-fold CV accuracy from 99.93 % to 99.92 %.
const EXCLUDED_DATASETS = new Set(['parsinlu_food_fa']);

type Lang = 'fa' | 'ar';
interface Doc {
  text: string;
  lang: Lang;
  dataset: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const datasetsDir = process.env.DATASETS_DIR ?? path.resolve(repoRoot, '../shared/datasets');
const modelPath = path.join(repoRoot, 'src/analyze/model/artifacts/fa-ar-nb.json');

function loadTrainDocs(dir: string): Doc[] {
  const docs: Doc[] = [];
  for (const dataset of readdirSync(dir).sort()) {
    const file = path.join(dir, dataset, 'train.jsonl');
    if (!existsSync(file) || EXCLUDED_DATASETS.has(dataset)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text: string; lang: string };
      if (row.lang === 'fa' || row.lang === 'ar') docs.push({ text: row.text, lang: row.lang, dataset });
    }
  }
  return docs;
}

export function trainFaAr(docs: Doc[]): FaArModel {
  const counts = { fa: new Map<string, number>(), ar: new Map<string, number>() };
  const totals = { fa: 0, ar: 0 };
  for (const doc of docs) {
    const table = counts[doc.lang];
    forEachNgram(arabicScriptWords(doc.text), MAX_N, (gram) => {
      table.set(gram, (table.get(gram) ?? 0) + 1);
      totals[doc.lang]++;
    });
  }
  const vocabulary = [...new Set([...counts.fa.keys(), ...counts.ar.keys()])].sort();
  const v = vocabulary.length;
  const weights: Record<string, number> = {};
  for (const gram of vocabulary) {
    const fa = counts.fa.get(gram) ?? 0;
    const ar = counts.ar.get(gram) ?? 0;
    if (fa + ar < MIN_COUNT) continue;
    // No class prior: the product's fa/ar mix is unknown, the datasets' mix is not informative.
    const w = Math.log((fa + ALPHA) / (totals.fa + ALPHA * v)) - Math.log((ar + ALPHA) / (totals.ar + ALPHA * v));
    if (Math.abs(w) < MIN_ABS_WEIGHT) continue;
    weights[gram] = Math.round(w * SCALE);
  }
  return { maxN: MAX_N, scale: SCALE, weights };
}

function crossValidate(docs: Doc[], folds = 5): void {
  // Deterministic interleaved folds (datasets are file-ordered, so i % folds mixes them).
  let correct = 0;
  const errors: Record<string, number> = {};
  for (let k = 0; k < folds; k++) {
    const test = docs.filter((_, i) => i % folds === k);
    const score = createFaArScorer(trainFaAr(docs.filter((_, i) => i % folds !== k)));
    for (const doc of test) {
      const predicted: Lang = score(doc.text).score > 0 ? 'fa' : 'ar';
      if (predicted === doc.lang) correct++;
      else errors[doc.dataset] = (errors[doc.dataset] ?? 0) + 1;
    }
  }
  const pct = ((100 * correct) / docs.length).toFixed(3);
  console.log(`${folds}-fold CV on train: ${correct}/${docs.length} = ${pct}%  errors by dataset:`, errors);
}

function main(): void {
  if (!existsSync(datasetsDir)) {
    console.log(`Datasets folder not found: ${datasetsDir} (set DATASETS_DIR). Nothing to do.`);
    return;
  }
  const docs = loadTrainDocs(datasetsDir);
  const byLang = docs.reduce<Record<string, number>>((acc, d) => ((acc[d.lang] = (acc[d.lang] ?? 0) + 1), acc), {});
  console.log(`train texts:`, byLang);
  if (process.argv.includes('--cv')) {
    crossValidate(docs);
    return;
  }
  const model = trainFaAr(docs);
  mkdirSync(path.dirname(modelPath), { recursive: true });
  const json = JSON.stringify(model);
  writeFileSync(modelPath, `${json}\n`);
  console.log(`wrote ${modelPath}: ${Object.keys(model.weights).length} n-grams, ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB`);
}

main();
