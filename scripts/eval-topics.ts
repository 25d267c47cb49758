/**
 * Default-taxonomy topics on the authored corpus (src/analyze/training-data/authored/<lang>/*.jsonl),
 * assigned the way a workspace with the default taxonomy gets them: the model's topic
 * probabilities combined with the keywords (analyzeText). Prints macro-F1 per language, per topic
 * and per register, for every file present.
 *
 *   npx tsx scripts/eval-topics.ts          # also printed at the end of `npm run eval`
 *
 * The keyword lists are written for how people talk about each topic, not from these texts. Four
 * domains (HELD_BACK_DOMAINS) were never read while writing them: their figure is the one that
 * says how keywords carry to businesses the lists were not written with in mind. Macro-F1 is over
 * the topics that occur in the part measured; "keywords alone" and "model alone" show which half
 * does the work.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../src/analyze/analysis/analyze-text.js';
import { staticAnalysisContext } from '../src/analyze/analysis/analysis-context.js';
import { DEFAULT_TOPICS } from '../src/analyze/topics/default-taxonomy.js';
import { multiLabelMetrics, type MultiLabelMetrics } from '../src/analyze/model/metrics.js';
import { loadLanguageDetector } from '../src/analyze/language/detect-language.js';

export const HELD_BACK_DOMAINS = ['banking', 'tourism', 'games', 'utilities'] as const;
const LANGS = ['fa', 'ar', 'zh', 'en'] as const;
const TOPIC_KEYS = DEFAULT_TOPICS.map((t) => t.key);

interface AuthoredItem {
  id: string;
  text: string;
  lang: string;
  domain: string;
  register: string;
  topics: string[];
}
interface Scored {
  item: AuthoredItem;
  product: string[];
  keywords: string[];
  model: string[];
}

const defaultDir = fileURLToPath(new URL('../src/analyze/training-data/authored', import.meta.url));

function loadAuthored(dir: string): AuthoredItem[] {
  const items: AuthoredItem[] = [];
  for (const lang of LANGS) {
    const langDir = join(dir, lang);
    if (!existsSync(langDir)) continue;
    for (const file of readdirSync(langDir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      for (const line of readFileSync(join(langDir, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const d = JSON.parse(line) as AuthoredItem;
        items.push({ ...d, topics: (d.topics ?? []).filter((t) => TOPIC_KEYS.includes(t)) });
      }
    }
  }
  return items;
}

const f3 = (x: number) => x.toFixed(3);

function metrics(rows: Scored[], pick: (r: Scored) => string[]): MultiLabelMetrics {
  const truth = rows.map((r) => r.item.topics);
  return multiLabelMetrics(
    truth,
    rows.map(pick),
    TOPIC_KEYS.filter((t) => truth.some((ts) => ts.includes(t))),
  );
}

/** Scores every authored text; returns macro-F1 (product) per language and part, and prints the tables. */
export async function evaluateAuthoredTopics(
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<Record<string, { all: number; heldBack: number; rest: number }>> {
  const log = options.log ?? ((line: string) => console.log(line));
  const items = loadAuthored(options.dir ?? defaultDir);
  if (items.length === 0) {
    log('Default-taxonomy topics: no authored corpus found.');
    return {};
  }
  await loadLanguageDetector();
  const context = staticAnalysisContext(DEFAULT_TOPICS);
  const scored: Scored[] = items.map((item) => {
    const a = analyzeText(item.text, context, { language: item.lang });
    return {
      item,
      product: a.topics,
      keywords: Object.keys(a.matchedKeywords),
      // The model's own probability, undone from the combination (keyword evidence 0.8).
      model: Object.entries(a.topicScores)
        .filter(([k, p]) => (k in a.matchedKeywords ? 1 - (1 - p) / 0.2 : p) >= 0.5)
        .map(([k]) => k),
    };
  });
  const held = new Set<string>(HELD_BACK_DOMAINS);
  const out: Record<string, { all: number; heldBack: number; rest: number }> = {};
  log(`Default-taxonomy topics on the authored corpus (model + default keywords), ${items.length} texts;`);
  log(`held-back domains (never read while writing keywords): ${HELD_BACK_DOMAINS.join(', ')}\n`);
  log('| lang | n | macro-F1 all | held-back domains (n) | other domains (n) | keywords alone | model alone | target |');
  log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const lang of LANGS) {
    const rows = scored.filter((r) => r.item.lang === lang);
    if (rows.length === 0) continue;
    const hb = rows.filter((r) => held.has(r.item.domain));
    const rest = rows.filter((r) => !held.has(r.item.domain));
    const m = (rs: Scored[]) => (rs.length ? metrics(rs, (r) => r.product).macroF1 : NaN);
    out[lang] = { all: m(rows), heldBack: m(hb), rest: m(rest) };
    log(
      `| ${lang} | ${rows.length} | ${f3(out[lang].all)} | ${hb.length ? f3(out[lang].heldBack) : '–'} (${hb.length}) | ${f3(out[lang].rest)} (${rest.length}) | ${f3(metrics(rows, (r) => r.keywords).macroF1)} | ${f3(metrics(rows, (r) => r.model).macroF1)} | 0.75 |`,
    );
  }
  log('\nPer topic (model + default keywords), F1 (P / R, n):');
  for (const lang of LANGS) {
    const rows = scored.filter((r) => r.item.lang === lang);
    if (rows.length === 0) continue;
    const m = metrics(rows, (r) => r.product);
    log(
      `  ${lang}: ${Object.entries(m.perLabel)
        .map(([t, x]) => `${t} ${f3(x.f1)} (${f3(x.precision)} / ${f3(x.recall)}, ${x.support})`)
        .join('; ')}`,
    );
  }
  log('\nPer register (model + default keywords), macro-F1 (n):');
  for (const lang of LANGS) {
    const rows = scored.filter((r) => r.item.lang === lang);
    if (rows.length === 0) continue;
    const registers = [...new Set(rows.map((r) => r.item.register))].sort();
    log(
      `  ${lang}: ${registers
        .map((reg) => {
          const rs = rows.filter((r) => r.item.register === reg);
          return `${reg} ${f3(metrics(rs, (r) => r.product).macroF1)} (${rs.length})`;
        })
        .join('; ')}`,
    );
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await evaluateAuthoredTopics();
