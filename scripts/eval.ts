/**
 * Measures the shipped analysis model and language detection on held-out data.
 *
 *   npm run eval                       # dev splits of ../shared/datasets (+ labelled set's dev lines)
 *   DATASETS_DIR=/path npm run eval
 *   EVAL_SPLIT=train npm run eval      # language detection on train splits (for tuning it)
 *   EVAL_CROSS=only npm run eval       # only the cross-domain figures (EVAL_CROSS=0: without them)
 *
 * Prints, per dataset and task, accuracy and macro-F1 next to the target, confusion matrices,
 * the language-detection table (with fa<->ar confusions) and throughput on one core, then the
 * cross-domain figures (eval-cross.ts: models retrained with a source or authored domains left out).
 */
import { existsSync } from 'node:fs';
import { evaluateModel, type DatasetEvaluation } from '../src/analyze/model/evaluate-model.js';
import { multiLabelMetrics, type ClassMetrics, type MultiLabelMetrics } from '../src/analyze/model/metrics.js';
import { analyzeText } from '../src/analyze/analysis/analyze-text.js';
import { staticAnalysisContext } from '../src/analyze/analysis/analysis-context.js';
import { DEFAULT_TOPICS } from '../src/analyze/topics/default-taxonomy.js';
import { loadBaseModel, MODEL_VERSION } from '../src/analyze/model/load-model.js';
import { measureThroughput } from '../src/analyze/model/throughput.js';
import { datasetsDir, loadDatasets, loadLabelledSet, type DatasetSplit } from '../src/analyze/model/training-data.js';
import { evaluateLanguageDetection, formatResult } from './eval-language.js';
import { loadLanguageDetector } from '../src/analyze/language/detect-language.js';
import { crossDomainRuns, formatCrossDomain } from './eval-cross.js';

/** Dev macro-F1 targets of the analysis model. */
const TARGETS: Record<string, Partial<Record<'sentiment' | 'topics' | 'type', number>>> = {
  sentipers_fa: { sentiment: 0.7 },
  parsinlu_food_fa: { sentiment: 0.65 },
  elsahar_reviews_ar: { sentiment: 0.7 },
  arsarcasm_ar: { sentiment: 0.68 },
  waimai_10k_zh: { sentiment: 0.9 },
  online_shopping_zh: { sentiment: 0.93 },
  uci_sentences_en: { sentiment: 0.85 },
  mams_acsa_en: { topics: 0.75 },
};
const THROUGHPUT_TARGET = 20_000;

const f3 = (x: number): string => x.toFixed(3);

/** A dataset's model figures, plus for the hand-labelled set the topics the product assigns. */
type Evaluation = DatasetEvaluation & { productTopics?: MultiLabelMetrics };

/**
 * Topics as a workspace with the default taxonomy gets them: the model's probabilities combined
 * with the taxonomy's keywords (analyzeText). Measured on the hand-labelled set, the only data
 * labelled with the product's own topics in all four languages.
 */
function productTopics(split: DatasetSplit): MultiLabelMetrics | undefined {
  const labelled = split.items.filter((item) => item.topicScope && item.topics);
  if (!split.name.startsWith('labelled_') || labelled.length === 0) return undefined;
  const context = staticAnalysisContext(DEFAULT_TOPICS);
  const scope = labelled[0].topicScope!;
  const truth = labelled.map((item) => item.topics!);
  const predicted = labelled.map((item) =>
    analyzeText(item.text, context, { language: item.lang }).topics.filter((t) => scope.includes(t)),
  );
  return multiLabelMetrics(
    truth,
    predicted,
    scope.filter((t) => truth.some((ts) => ts.includes(t))),
  );
}

function confusionTable(title: string, m: ClassMetrics): string {
  const labels = Object.keys(m.confusion).filter(
    (t) => Object.values(m.confusion[t]).some((v) => v > 0) || Object.values(m.confusion).some((row) => (row[t] ?? 0) > 0),
  );
  const lines = [
    `${title} (rows: truth, columns: predicted)`,
    `| | ${labels.join(' | ')} |`,
    `|---|${labels.map(() => '---:').join('|')}|`,
  ];
  for (const t of labels) lines.push(`| ${t} | ${labels.map((p) => m.confusion[t]?.[p] ?? 0).join(' | ')} |`);
  return lines.join('\n');
}

function summaryTable(results: Evaluation[]): string {
  const lines = ['| dataset | task | n | accuracy | macro-F1 | target | met |', '|---|---|---:|---:|---:|---:|---|'];
  for (const r of results) {
    const row = (task: 'sentiment' | 'type' | 'topics', n: number, accuracy: string, f1: number, note = ''): void => {
      const target = TARGETS[r.dataset]?.[task];
      lines.push(
        `| ${r.dataset} | ${task}${note} | ${n} | ${accuracy} | ${f3(f1)} | ${target ?? '–'} | ${target === undefined ? '' : f1 >= target ? 'yes' : 'no'} |`,
      );
    };
    if (r.sentiment) row('sentiment', r.sentiment.n, f3(r.sentiment.accuracy), r.sentiment.macroF1, r.sentiment.binary ? ' (neg/pos)' : '');
    if (r.type) row('type', r.type.n, f3(r.type.accuracy), r.type.macroF1);
    if (r.topics) row('topics', r.topics.n, `${f3(r.topics.exactMatch)} exact`, r.topics.macroF1, r.productTopics ? ' (model alone)' : '');
    if (r.productTopics)
      row('topics', r.productTopics.n, `${f3(r.productTopics.exactMatch)} exact`, r.productTopics.macroF1, ' (model + default keywords)');
  }
  return lines.join('\n');
}

function details(results: Evaluation[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.sentiment) out.push(confusionTable(`${r.dataset} sentiment`, r.sentiment));
    if (r.type) out.push(confusionTable(`${r.dataset} type`, r.type));
    const perTopic = (title: string, metrics: MultiLabelMetrics) =>
      out.push(
        `${title}: ${Object.entries(metrics.perLabel)
          .map(([t, m]) => `${t} F1 ${f3(m.f1)} (P ${f3(m.precision)} R ${f3(m.recall)}, n ${m.support})`)
          .join('; ')}`,
      );
    if (r.topics) perTopic(`${r.dataset} topics${r.productTopics ? ' (model alone)' : ''}`, r.topics);
    if (r.productTopics) perTopic(`${r.dataset} topics (model + default keywords)`, r.productTopics);
  }
  return out.join('\n\n');
}

async function crossDomain(): Promise<void> {
  console.log('Cross-domain evaluation (retrains the model 5 times; EVAL_CROSS=0 skips it)');
  const runs = await crossDomainRuns((m) => console.log(`  ${m}`), process.env.EVAL_CLAUSES === '1' ? [false, true] : [false]);
  runs.forEach((figures, k) => {
    if (k) console.log('The same, sentiment read clause by clause (clauses.ts, EVAL_CLAUSES=1):\n');
    console.log(figures ? formatCrossDomain(figures) : 'No data for the cross-domain evaluation.', '\n');
  });
}

async function main(): Promise<void> {
  if (process.env.EVAL_CROSS === 'only') return crossDomain();
  await loadLanguageDetector();
  const dir = datasetsDir();
  const split = process.env.EVAL_SPLIT === 'train' ? 'train' : 'dev';
  console.log(`Analysis model ${MODEL_VERSION}, ${split} splits\n`);
  const splits = [...(existsSync(dir) ? loadDatasets(split) : []), ...loadLabelledSet(split)];
  if (splits.length === 0) console.log(`No labelled data found (datasets: ${dir}). Set DATASETS_DIR.`);
  else {
    const results: Evaluation[] = evaluateModel(loadBaseModel(), splits).map((r, i) => ({ ...r, productTopics: productTopics(splits[i]) }));
    console.log(summaryTable(results), '\n');
    console.log(details(results), '\n');
  }
  // Distinct texts, as in real traffic: a handful of texts repeated would keep the model's
  // weights in the CPU cache and overstate the rate.
  const texts = splits.flatMap((s) => s.items.slice(0, 2000).map((i) => [i.lang, i.text] as [string, string]));
  const rates = (['model', 'full'] as const).map((mode) => measureThroughput({ texts, mode }));
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`analysis throughput on one core over ${n(rates[0].distinct)} distinct texts (target ≥ ${n(THROUGHPUT_TARGET)} texts/s):`);
  console.log(`  features + prediction: ${n(rates[0].textsPerSecond)} texts/s`);
  console.log(
    `  whole analysis of an item (language detection, features, prediction, topic keywords): ${n(rates[1].textsPerSecond)} texts/s\n`,
  );
  if (existsSync(dir)) console.log(formatResult(await evaluateLanguageDetection(dir, split)));
  if (process.env.EVAL_CROSS !== '0' && split === 'dev') await crossDomain();
}

await main();
await (await import('./eval-topics.js')).evaluateAuthoredTopics();
