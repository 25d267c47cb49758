/**
 * Blind second-pass check of the authored corpus (src/analyze/training-data/authored/<lang>/<domain>.jsonl).
 *
 *   npx tsx scripts/corpus-agreement.ts sample <lang> <n>   # stratified sample, prints id<TAB>text only
 *   npx tsx scripts/corpus-agreement.ts score [lang…]       # pass 2 (second-pass/<lang>.jsonl) vs the corpus
 *   npx tsx scripts/corpus-agreement.ts diff <lang>         # the disagreeing lines, side by side
 *   npx tsx scripts/corpus-agreement.ts counts [lang…]      # corpus counts (markdown tables)
 *
 * The sample is deterministic: within each domain file, lines are ordered by a seeded FNV-1a hash
 * of their id and the first k are taken; k is the domain's share of n (largest remainder).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', 'src/analyze/training-data/authored');
const SECOND = path.join(ROOT, 'second-pass');
const LANGS = ['ar', 'fa', 'zh', 'en'];
const SEED = 'feedloop-second-pass-1';
const TYPES = ['complaint', 'suggestion', 'praise', 'bug', 'question', 'other'];
const SENTS = ['negative', 'neutral', 'positive'];
const TOPICS = ['price', 'delivery', 'support', 'product_quality', 'design_ux', 'payment', 'app_website', 'order', 'account', 'packaging'];

interface Item {
  id: string;
  text: string;
  lang: string;
  domain: string;
  register: string;
  type: string;
  sentiment: string;
  topics: string[];
}
interface Label {
  id: string;
  type: string;
  sentiment: string;
  topics: string[];
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new Error(`${file}:${i + 1}: bad JSON`);
      }
    });
}

function domains(lang: string): string[] {
  const dir = path.join(ROOT, lang);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
}

function corpus(lang: string): Item[] {
  return domains(lang).flatMap((f) => readJsonl<Item>(path.join(ROOT, lang, f)));
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function sample(lang: string, n: number): Item[] {
  const byDomain = domains(lang).map((f) => readJsonl<Item>(path.join(ROOT, lang, f)));
  const total = byDomain.reduce((s, d) => s + d.length, 0);
  if (n > total) throw new Error(`only ${total} lines in ${lang}`);
  const quota = byDomain.map((d) => (n * d.length) / total);
  const k = quota.map(Math.floor);
  let left = n - k.reduce((a, b) => a + b, 0);
  const order = quota.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    k[i]++;
  }
  return byDomain.flatMap((d, i) =>
    [...d].sort((a, b) => fnv1a(SEED + a.id) - fnv1a(SEED + b.id) || a.id.localeCompare(b.id)).slice(0, k[i]),
  );
}

function kappa(a: string[], b: string[]): number {
  const n = a.length;
  const labels = [...new Set([...a, ...b])];
  const po = a.filter((x, i) => x === b[i]).length / n;
  const pe = labels.reduce((s, l) => s + (a.filter((x) => x === l).length / n) * (b.filter((x) => x === l).length / n), 0);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

function f1(tp: number, fp: number, fn: number): number {
  return tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
}

interface Pair {
  item: Item;
  p2: Label;
}

function pairs(lang: string): Pair[] {
  const file = path.join(SECOND, `${lang}.jsonl`);
  if (!fs.existsSync(file)) return [];
  const byId = new Map(corpus(lang).map((x) => [x.id, x]));
  return readJsonl<Label>(file).map((p2) => {
    const item = byId.get(p2.id);
    if (!item) throw new Error(`${lang}: ${p2.id} not in corpus`);
    for (const t of p2.topics) if (!TOPICS.includes(t)) throw new Error(`${p2.id}: bad topic ${t}`);
    if (!TYPES.includes(p2.type) || !SENTS.includes(p2.sentiment)) throw new Error(`${p2.id}: bad label`);
    return { item, p2 };
  });
}

export interface Agreement {
  lang: string;
  n: number;
  sentAgree: number;
  sentKappa: number;
  typeAgree: number;
  typeKappa: number;
  topicMicroF1: number;
  topicMacroF1: number;
  topicExact: number;
  confusions: [string, number][];
}

export function agreement(lang: string): Agreement | null {
  const ps = pairs(lang);
  if (!ps.length) return null;
  const n = ps.length;
  const s1 = ps.map((p) => p.item.sentiment),
    s2 = ps.map((p) => p.p2.sentiment);
  const t1 = ps.map((p) => p.item.type),
    t2 = ps.map((p) => p.p2.type);
  const per = new Map(TOPICS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let exact = 0;
  for (const { item, p2 } of ps) {
    const a = new Set(item.topics),
      b = new Set(p2.topics);
    if (a.size === b.size && [...a].every((x) => b.has(x))) exact++;
    for (const t of TOPICS) {
      const c = per.get(t)!;
      if (a.has(t) && b.has(t)) c.tp++;
      else if (b.has(t)) c.fp++;
      else if (a.has(t)) c.fn++;
    }
  }
  const sum = [...per.values()].reduce((s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const used = [...per.values()].filter((c) => c.tp + c.fp + c.fn > 0);
  const conf = new Map<string, number>();
  const bump = (k: string) => conf.set(k, (conf.get(k) ?? 0) + 1);
  ps.forEach((p, i) => {
    if (t1[i] !== t2[i]) bump(`type ${t1[i]} → ${t2[i]}`);
    if (s1[i] !== s2[i]) bump(`sentiment ${s1[i]} → ${s2[i]}`);
    const a = new Set(p.item.topics),
      b = new Set(p.p2.topics);
    for (const t of TOPICS) {
      if (a.has(t) && !b.has(t)) bump(`topic −${t} (pass 2 omits)`);
      if (b.has(t) && !a.has(t)) bump(`topic +${t} (pass 2 adds)`);
    }
  });
  return {
    lang,
    n,
    sentAgree: s1.filter((x, i) => x === s2[i]).length / n,
    sentKappa: kappa(s1, s2),
    typeAgree: t1.filter((x, i) => x === t2[i]).length / n,
    typeKappa: kappa(t1, t2),
    topicMicroF1: f1(sum.tp, sum.fp, sum.fn),
    topicMacroF1: used.reduce((s, c) => s + f1(c.tp, c.fp, c.fn), 0) / used.length,
    topicExact: exact / n,
    confusions: [...conf].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function score(langs: string[]): void {
  const rows: Agreement[] = [];
  for (const lang of langs) {
    const a = agreement(lang);
    if (!a) {
      console.log(`${lang}: no second-pass file`);
      continue;
    }
    rows.push(a);
    console.log(`\n## ${lang} (n = ${a.n})`);
    console.log(`sentiment: agreement ${pct(a.sentAgree)}, kappa ${a.sentKappa.toFixed(3)}`);
    console.log(`type:      agreement ${pct(a.typeAgree)}, kappa ${a.typeKappa.toFixed(3)}`);
    console.log(`topics:    micro-F1 ${a.topicMicroF1.toFixed(3)}, macro-F1 ${a.topicMacroF1.toFixed(3)}, exact set ${pct(a.topicExact)}`);
    console.log('most frequent disagreements (pass 1 → pass 2):');
    for (const [k, c] of a.confusions.slice(0, 12)) console.log(`  ${String(c).padStart(3)}  ${k}`);
  }
  console.log(
    '\n| language | n | sentiment agreement | sentiment κ | type agreement | type κ | topic micro-F1 | topic macro-F1 | topic exact set |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const a of rows) {
    console.log(
      `| ${a.lang} | ${a.n} | ${pct(a.sentAgree)} | ${a.sentKappa.toFixed(2)} | ${pct(a.typeAgree)} | ${a.typeKappa.toFixed(2)} | ${a.topicMicroF1.toFixed(2)} | ${a.topicMacroF1.toFixed(2)} | ${pct(a.topicExact)} |`,
    );
  }
}

function diff(lang: string): void {
  for (const { item, p2 } of pairs(lang)) {
    const tp1 = [...item.topics].join(','),
      tp2 = [...p2.topics].join(',');
    const d: string[] = [];
    if (item.type !== p2.type) d.push(`type ${item.type}|${p2.type}`);
    if (item.sentiment !== p2.sentiment) d.push(`sent ${item.sentiment}|${p2.sentiment}`);
    const a = new Set(item.topics),
      b = new Set(p2.topics);
    if (a.size !== b.size || [...a].some((x) => !b.has(x))) d.push(`topics ${tp1}|${tp2}`);
    if (d.length) console.log(`${item.id}\t${d.join('  ')}\t${item.text}`);
  }
}

function table(title: string, keys: string[], langs: string[], get: (x: Item) => string[], data: Item[][]): void {
  console.log(`\n| ${title} | ${langs.join(' | ')} | total |`);
  console.log(`|---|${langs.map(() => '---:|').join('')}---:|`);
  for (const k of keys) {
    const c = data.map((d) => d.filter((x) => get(x).includes(k)).length);
    console.log(`| ${k} | ${c.join(' | ')} | ${c.reduce((a, b) => a + b, 0)} |`);
  }
  const t = data.map((d) => d.length);
  console.log(`| **lines** | ${t.join(' | ')} | ${t.reduce((a, b) => a + b, 0)} |`);
}

function counts(langs: string[]): void {
  const data = langs.map((l) => corpus(l));
  const doms = [...new Set(langs.flatMap((l) => domains(l).map((f) => f.replace(/\.jsonl$/, ''))))].sort();
  // domain × language ("–" where the language has no file for the domain)
  console.log(`\n| domain | ${langs.join(' | ')} | total |`);
  console.log(`|---|${langs.map(() => '---:|').join('')}---:|`);
  for (const dom of doms) {
    const c = data.map((d, i) => (domains(langs[i]!).includes(`${dom}.jsonl`) ? d.filter((x) => x.domain === dom).length : null));
    console.log(`| ${dom} | ${c.map((x) => x ?? '–').join(' | ')} | ${c.reduce<number>((a, b) => a + (b ?? 0), 0)} |`);
  }
  const t = data.map((d) => d.length);
  console.log(`| **lines** | ${t.join(' | ')} | ${t.reduce((a, b) => a + b, 0)} |`);
  table('type', TYPES, langs, (x) => [x.type], data);
  table('sentiment', SENTS, langs, (x) => [x.sentiment], data);
  table('topic', TOPICS, langs, (x) => x.topics, data);
  const none = data.map((d) => d.filter((x) => !x.topics.length).length);
  console.log(`| (no topic) | ${none.join(' | ')} | ${none.reduce((a, b) => a + b, 0)} |`);
  // registers differ per language, so one row per language
  console.log('\n| language | register (lines) |');
  console.log('|---|---|');
  data.forEach((d, i) => {
    const c = new Map<string, number>();
    for (const x of d) c.set(x.register, (c.get(x.register) ?? 0) + 1);
    const cells = [...c].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r, n]) => `${r} ${n}`);
    console.log(`| ${langs[i]} | ${cells.join(' · ')} |`);
  });
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'sample') {
  const [lang, n] = args;
  if (!lang || !n) throw new Error('usage: sample <lang> <n>');
  for (const x of sample(lang, Number(n))) console.log(`${x.id}\t${x.text.replace(/\s*\n\s*/g, ' ')}`);
} else if (cmd === 'score') {
  score(args.length ? args : LANGS);
} else if (cmd === 'diff') {
  diff(args[0]!);
} else if (cmd === 'counts') {
  counts(args.length ? args : LANGS);
} else {
  console.error('usage: corpus-agreement.ts sample <lang> <n> | score [lang…] | diff <lang> | counts [lang…]');
  process.exit(1);
}
