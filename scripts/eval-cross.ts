/**
 * Cross-domain evaluation of the analysis model: the model is retrained with a source or a group
 * of domains left out, exactly as `npm run train` trains it (same data loading, options and
 * seeds; only the topic head, which these figures do not read, is skipped), and scored on what
 * was left out. Part of `npm run eval`; `EVAL_CROSS=only` prints only these figures,
 * `EVAL_CROSS=0` skips them.
 *
 * - Leave-one-source-out sentiment: SentiPers (fa, negative vs positive), ElSahar (ar, three
 *   classes), waimai (zh, negative vs positive) and UCI (en, negative vs positive; the only English
 *   sentiment dataset) are left out of one training together and scored on their dev splits.
 *   English three-class sentiment is measured on the authored English corpus, held out by domain
 *   (below).
 * - Leave-domain-out on the authored corpus: the 16 domains (sorted by name) form 4 fixed groups
 *   (domain i goes to group i mod 4); each group's authored texts, in every language, are left out
 *   of one training and scored. Per language: sentiment and type macro-F1 per domain, averaged
 *   over domains, and a per-register breakdown (pooled over the domains).
 * - `EVAL_CLAUSES=1` also prints every sentiment figure read clause by clause (clauses.ts: the
 *   logits of a text's clauses, averaged, mixed half and half with the whole text's), from the same
 *   trainings.
 * - The neutral margin (a per-language offset added to the neutral logit, build-model.ts
 *   `neutralMargin`) is chosen on these folds: the figures of a group use the margin that is best
 *   on the other three groups (so they are not tuned on the texts they score), and the margin best
 *   over all four groups is printed as the one training should ship.
 */
import { buildModelFrom, DEFAULT_BUILD_OPTIONS, featurize, type Featurized } from '../src/analyze/model/build-model.js';
import { classificationMetrics } from '../src/analyze/model/metrics.js';
import { clauseSentimentLogits } from '../src/analyze/model/clauses.js';
import { extractFeatures } from '../src/analyze/model/features.js';
import { headLogits, type AnalysisModel } from '../src/analyze/model/model.js';
import { FEEDBACK_TYPES, SENTIMENTS } from '../src/analyze/model/taxonomy.js';
import { loadDatasets, loadTrainingSplits, type LabelledText } from '../src/analyze/model/training-data.js';
import { DOMAIN_GROUPS as GROUPS, domainGroups } from './domain-groups.js';

const LANGUAGES = ['fa', 'ar', 'zh', 'en'] as const;
const NEUTRAL = SENTIMENTS.indexOf('neutral');
const NEGATIVE = SENTIMENTS.indexOf('negative');
const POSITIVE = SENTIMENTS.indexOf('positive');
/** Left-out source per language and whether it is scored on negative vs positive only. */
const HELD_OUT_SOURCES: Record<string, { source: string; binary: boolean }> = {
  fa: { source: 'sentipers_fa', binary: true },
  ar: { source: 'elsahar_reviews_ar', binary: false },
  zh: { source: 'waimai_10k_zh', binary: true },
  en: { source: 'uci_sentences_en', binary: true },
};
export const CROSS_TARGETS = { sourceBinary: 0.8, sourceThreeClass: 0.65, domainSentiment: 0.8, domainType: 0.75 };
/** Candidate neutral margins (logit offsets). */
const MARGINS = Array.from({ length: 31 }, (_, i) => Math.round((-1 + i * 0.1) * 10) / 10);

const f3 = (x: number): string => x.toFixed(3);

interface Scored {
  item: LabelledText;
  sentiment: Float32Array;
  type: Float32Array;
  group: number;
}

const CLAUSES = process.env.EVAL_CLAUSES === '1';

/** Scores rows; with `clauses`, sentiment is read clause by clause (clauses.ts). */
function score(model: AnalysisModel, rows: Featurized[], group = -1, clauses = false): Scored[] {
  return rows.map(({ item, features }) => {
    const whole = headLogits(model.sentiment, features);
    return {
      item,
      sentiment: clauses
        ? clauseSentimentLogits(whole, item.text, (clause) => headLogits(model.sentiment, extractFeatures(clause, item.lang)))
        : whole,
      type: headLogits(model.type, features),
      group,
    };
  });
}

function argmax(logits: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < logits.length; k++) if (logits[k] > logits[best]) best = k;
  return best;
}

/** The sentiment label with the neutral margin applied (three classes) or negative vs positive. */
function sentimentLabel(logits: Float32Array, margin: number, binary = false): string {
  if (binary) return logits[POSITIVE] > logits[NEGATIVE] ? 'positive' : 'negative';
  const adjusted = Float32Array.from(logits);
  adjusted[NEUTRAL] += margin;
  return SENTIMENTS[argmax(adjusted)];
}

function sentimentF1(rows: Scored[], margin: number): number {
  return classificationMetrics(
    rows.map((r) => r.item.sentiment!),
    rows.map((r) => sentimentLabel(r.sentiment, margin)),
    SENTIMENTS,
  ).macroF1;
}

function bestMargin(rows: Scored[]): number {
  let best = 0,
    bestF1 = -1;
  for (const m of MARGINS) {
    const f1 = sentimentF1(rows, m);
    if (f1 > bestF1 + 1e-9) [best, bestF1] = [m, f1];
  }
  return best;
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

export interface CrossDomainFigures {
  source: Record<string, { dataset: string; binary: boolean; n: number; macroF1: number }>;
  domain: Record<string, { domains: number; n: number; sentiment: number; type: number; margin: number }>;
  registers: Record<string, Record<string, { n: number; sentiment: number; type: number }>>;
  margins: Record<string, number>;
}

export async function crossDomainFigures(log: (message: string) => void = () => {}): Promise<CrossDomainFigures | null> {
  const [figures] = await crossDomainRuns(log, [false]);
  return figures;
}

/** The figures once per way of reading (`clauses`: false = whole text, true = clause by clause), from one set of trainings. */
export async function crossDomainRuns(log: (message: string) => void, readings: boolean[]): Promise<Array<CrossDomainFigures | null>> {
  const training = loadTrainingSplits();
  const authored = training.filter((s) => s.name.startsWith('authored_')).flatMap((s) => s.items);
  const others = training.filter((s) => !s.name.startsWith('authored_')).flatMap((s) => s.items);
  const dev = new Map(loadDatasets('dev').map((s) => [s.name, s.items]));
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const featurizedOthers = featurize(others);
  const featurizedAuthored = featurize(authored);
  log(`[${elapsed()}] features of ${others.length + authored.length} training texts`);
  // The folds' logits come without the shipped neutral margin: it is chosen on them below.
  const options = { ...DEFAULT_BUILD_OPTIONS, heads: ['sentiment', 'type'] as const, neutralMargin: {} };
  // CROSS_WITHOUT_AUTHORED=1: the folds train without any authored text (what the corpus adds).
  const trainAuthored = process.env.CROSS_WITHOUT_AUTHORED === '1' ? [] : featurizedAuthored;

  // Leave-domain-out folds over the authored corpus.
  const domains = [...new Set(authored.map((i) => i.domain!))].sort();
  const groupOf = domainGroups(domains);
  const scoredBy: Scored[][] = readings.map(() => []);
  if (authored.length) {
    let withoutAuthored: AnalysisModel | null = null; // the same model for every group
    for (let g = 0; g < GROUPS; g++) {
      const heldOut = featurizedAuthored.filter((r) => groupOf.get(r.item.domain!) === g);
      if (!heldOut.length) continue;
      const model = trainAuthored.length
        ? await buildModelFrom([...featurizedOthers, ...trainAuthored.filter((r) => groupOf.get(r.item.domain!) !== g)], options)
        : (withoutAuthored ??= await buildModelFrom(featurizedOthers, options));
      readings.forEach((clauses, k) => {
        scoredBy[k].push(...score(model, heldOut, g, clauses));
      });
      log(`[${elapsed()}] domain group ${g + 1}/${GROUPS} (${domains.filter((d) => groupOf.get(d) === g).join(', ')})`);
    }
  }
  // Leave-one-source-out: the four sources left out of one training together.
  const present = LANGUAGES.filter((lang) => dev.get(HELD_OUT_SOURCES[lang].source)?.length);
  let sourceModel: AnalysisModel | null = null;
  if (present.length) {
    const left = new Set(present.map((lang) => HELD_OUT_SOURCES[lang].source));
    sourceModel = await buildModelFrom([...featurizedOthers.filter((r) => !left.has(r.item.source)), ...trainAuthored], options);
    log(`[${elapsed()}] without ${[...left].join(', ')}`);
  }
  return readings.map((clauses, k) => figuresOf(scoredBy[k], sourceModel, present, dev, clauses));
}

function figuresOf(
  scored: Scored[],
  sourceModel: AnalysisModel | null,
  present: string[],
  dev: Map<string, LabelledText[]>,
  clauses: boolean,
): CrossDomainFigures | null {
  // Margins: per language, chosen on the other groups for each group's figures; on all for shipping.
  const margins: Record<string, number> = {};
  const crossFitted = new Map<Scored, number>();
  for (const lang of LANGUAGES) {
    const rows = scored.filter((r) => r.item.lang === lang && r.item.sentiment);
    if (!rows.length) continue;
    margins[lang] = bestMargin(rows);
    for (let g = 0; g < GROUPS; g++) {
      const m = bestMargin(rows.filter((r) => r.group !== g));
      for (const r of rows) if (r.group === g) crossFitted.set(r, m);
    }
  }

  const domain: CrossDomainFigures['domain'] = {};
  const registers: CrossDomainFigures['registers'] = {};
  for (const lang of LANGUAGES) {
    const rows = scored.filter((r) => r.item.lang === lang);
    if (!rows.length) continue;
    const sentimentOf = (r: Scored): string => sentimentLabel(r.sentiment, crossFitted.get(r) ?? 0);
    const metrics = (subset: Scored[]) => {
      const s = subset.filter((r) => r.item.sentiment);
      const t = subset.filter((r) => r.item.type);
      return {
        n: subset.length,
        sentiment: classificationMetrics(
          s.map((r) => r.item.sentiment!),
          s.map(sentimentOf),
          SENTIMENTS,
        ).macroF1,
        type: classificationMetrics(
          t.map((r) => r.item.type!),
          t.map((r) => FEEDBACK_TYPES[argmax(r.type)]),
          FEEDBACK_TYPES,
        ).macroF1,
      };
    };
    const perDomain = [...new Set(rows.map((r) => r.item.domain!))].map((d) => metrics(rows.filter((r) => r.item.domain === d)));
    domain[lang] = {
      domains: perDomain.length,
      n: rows.length,
      sentiment: mean(perDomain.map((m) => m.sentiment)),
      type: mean(perDomain.map((m) => m.type)),
      margin: margins[lang] ?? 0,
    };
    registers[lang] = Object.fromEntries(
      [...new Set(rows.map((r) => r.item.register ?? '?'))]
        .sort()
        .map((reg) => [reg, metrics(rows.filter((r) => (r.item.register ?? '?') === reg))]),
    );
  }

  const source: CrossDomainFigures['source'] = {};
  if (sourceModel) {
    for (const lang of present) {
      const { source: name, binary } = HELD_OUT_SOURCES[lang];
      const items = dev.get(name)!.filter((i) => i.sentiment && (!binary || i.sentiment !== 'neutral'));
      const rows = score(sourceModel, featurize(items), -1, clauses);
      const predicted = rows.map((r) => sentimentLabel(r.sentiment, margins[lang] ?? 0, binary));
      const m = classificationMetrics(
        rows.map((r) => r.item.sentiment!),
        predicted,
        binary ? ['negative', 'positive'] : SENTIMENTS,
      );
      source[lang] = { dataset: name, binary, n: rows.length, macroF1: m.macroF1 };
    }
  }
  if (!present.length && !scored.length) return null;
  return { source, domain, registers, margins };
}

export function formatCrossDomain(f: CrossDomainFigures): string {
  const met = (x: number, target: number): string => (x >= target ? 'yes' : 'no');
  const lines = ['Cross-domain sentiment and type (macro-F1; models retrained with the scored texts left out)', ''];
  lines.push('| language | left-out source (dev split) | classes | n | sentiment | target | met |', '|---|---|---|---:|---:|---:|---|');
  for (const [lang, s] of Object.entries(f.source)) {
    const target = s.binary ? CROSS_TARGETS.sourceBinary : CROSS_TARGETS.sourceThreeClass;
    lines.push(
      `| ${lang} | ${s.dataset} | ${s.binary ? 'neg/pos' : '3'} | ${s.n} | ${f3(s.macroF1)} | ${target} | ${met(s.macroF1, target)} |`,
    );
  }
  lines.push(
    '',
    `| language | authored domains left out | n | sentiment (3 classes) | target | type (6 classes) | target | met |`,
    '|---|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const [lang, d] of Object.entries(f.domain)) {
    const ok = d.sentiment >= CROSS_TARGETS.domainSentiment && d.type >= CROSS_TARGETS.domainType;
    lines.push(
      `| ${lang} | ${d.domains} | ${d.n} | ${f3(d.sentiment)} | ${CROSS_TARGETS.domainSentiment} | ${f3(d.type)} | ${CROSS_TARGETS.domainType} | ${ok ? 'yes' : 'no'} |`,
    );
  }
  lines.push(
    '',
    'Per register (authored texts, domains left out, pooled):',
    '',
    '| language | register | n | sentiment | type |',
    '|---|---|---:|---:|---:|',
  );
  for (const [lang, regs] of Object.entries(f.registers)) {
    for (const [reg, m] of Object.entries(regs)) lines.push(`| ${lang} | ${reg} | ${m.n} | ${f3(m.sentiment)} | ${f3(m.type)} |`);
  }
  const shipped = DEFAULT_BUILD_OPTIONS.neutralMargin;
  lines.push(
    '',
    `neutral margin best over all held-out domains: ${JSON.stringify(f.margins)}; shipped (build-model.ts): ${JSON.stringify(shipped)}`,
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = await crossDomainRuns((m) => console.log(`  ${m}`), CLAUSES ? [false, true] : [false]);
  runs.forEach((figures, k) => {
    if (k) console.log('\nThe same, sentiment read clause by clause (clauses.ts):\n');
    console.log(figures ? formatCrossDomain(figures) : 'No data for the cross-domain evaluation.');
  });
}
