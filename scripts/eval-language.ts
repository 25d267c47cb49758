/**
 * Measures src/analyze/language/detect-language.ts on the labeled datasets.
 *
 *   npx tsx scripts/eval-language.ts            # dev splits of ../shared/datasets
 *   DATASETS_DIR=/path npx tsx scripts/eval-language.ts
 *   EVAL_SPLIT=train npx tsx scripts/eval-language.ts   # for tuning without looking at dev
 *
 * The `lang` field of each line is the truth. Throughput is measured on one core by running
 * detectLanguage over all texts of the split again, after a warm-up pass.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { detectLanguage, loadLanguageDetector } from '../src/analyze/language/detect-language.js';

export interface DatasetResult {
  dataset: string;
  n: number;
  correct: number;
  accuracy: number;
  /** "truth->predicted" -> count, errors only */
  confusions: Record<string, number>;
}

export interface Result {
  split: string;
  datasets: DatasetResult[];
  n: number;
  correct: number;
  accuracy: number;
  faAsAr: number;
  arAsFa: number;
  confusions: Record<string, number>;
  textsPerSecond: number;
  /**
   * Same texts retyped on the other keyboard: Persian with Arabic ي/ك, Arabic with Persian ی/ک.
   * The detector must not care.
   */
  keyboardSwap: { n: number; correct: number; accuracy: number };
}

const swapKeyboard = (text: string, lang: string): string =>
  lang === 'fa'
    ? text.replace(/\u06CC/g, '\u064A').replace(/\u06A9/g, '\u0643')
    : text.replace(/\u064A/g, '\u06CC').replace(/\u0643/g, '\u06A9');

interface Row {
  text: string;
  lang: string;
}

function readJsonl(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
}

export async function evaluateLanguageDetection(datasetsDir: string, split = 'dev'): Promise<Result> {
  await loadLanguageDetector();
  const datasets: DatasetResult[] = [];
  const allTexts: string[] = [];
  const confusions: Record<string, number> = {};
  const keyboardSwap = { n: 0, correct: 0, accuracy: 0 };
  for (const dataset of readdirSync(datasetsDir).sort()) {
    const file = path.join(datasetsDir, dataset, `${split}.jsonl`);
    if (!existsSync(file)) continue;
    const rows = readJsonl(file);
    const result: DatasetResult = { dataset, n: rows.length, correct: 0, accuracy: 0, confusions: {} };
    for (const row of rows) {
      allTexts.push(row.text);
      if (row.lang === 'fa' || row.lang === 'ar') {
        keyboardSwap.n++;
        if (detectLanguage(swapKeyboard(row.text, row.lang)).language === row.lang) keyboardSwap.correct++;
      }
      const predicted = detectLanguage(row.text).language;
      if (predicted === row.lang) {
        result.correct++;
        continue;
      }
      const key = `${row.lang}->${predicted}`;
      result.confusions[key] = (result.confusions[key] ?? 0) + 1;
      confusions[key] = (confusions[key] ?? 0) + 1;
    }
    result.accuracy = rows.length ? result.correct / rows.length : 0;
    datasets.push(result);
  }
  keyboardSwap.accuracy = keyboardSwap.n ? keyboardSwap.correct / keyboardSwap.n : 0;
  const n = datasets.reduce((s, d) => s + d.n, 0);
  const correct = datasets.reduce((s, d) => s + d.correct, 0);

  // The pass above warmed up the JIT; time a second, clean pass.
  const start = performance.now();
  for (const text of allTexts) detectLanguage(text);
  const seconds = (performance.now() - start) / 1000;

  return {
    split,
    datasets,
    n,
    correct,
    accuracy: n ? correct / n : 0,
    faAsAr: confusions['fa->ar'] ?? 0,
    arAsFa: confusions['ar->fa'] ?? 0,
    confusions,
    textsPerSecond: seconds > 0 ? allTexts.length / seconds : 0,
    keyboardSwap,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const fmtConfusions = (c: Record<string, number>): string =>
  Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}:${v}`)
    .join(' ') || '-';

export function formatResult(r: Result): string {
  const lines = [`Language detection, ${r.split} splits`, ''];
  lines.push('| dataset | n | accuracy | errors (truth->predicted) |', '|---|---:|---:|---|');
  for (const d of r.datasets) {
    lines.push(`| ${d.dataset} | ${d.n} | ${pct(d.accuracy)} | ${fmtConfusions(d.confusions)} |`);
  }
  lines.push(`| **overall** | ${r.n} | ${pct(r.accuracy)} | ${r.n - r.correct} errors |`, '');
  lines.push(`fa->ar: ${r.faAsAr}   ar->fa: ${r.arAsFa}`);
  lines.push(`all errors: ${fmtConfusions(r.confusions)}`);
  const k = r.keyboardSwap;
  lines.push(`fa/ar retyped on the other keyboard (ی/ک <-> ي/ك): ${k.correct}/${k.n} = ${pct(k.accuracy)}`);
  lines.push(`throughput: ${Math.round(r.textsPerSecond).toLocaleString('en-US')} texts/s (one core)`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = process.env.DATASETS_DIR ?? path.resolve(repoRoot, '../shared/datasets');
  if (!existsSync(dir)) {
    console.log(`Datasets folder not found: ${dir}\nSet DATASETS_DIR to a folder of <dataset>/dev.jsonl files. Skipping.`);
    return;
  }
  console.log(formatResult(await evaluateLanguageDetection(dir, process.env.EVAL_SPLIT ?? 'dev')));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
