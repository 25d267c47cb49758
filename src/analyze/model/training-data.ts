/**
 * Reads the labelled corpora used to train and evaluate the analysis model: the public datasets
 * (DATASETS_DIR, `<dataset>/{train,dev}.jsonl`) and Feedloop's own hand-labelled multilingual set
 * (src/analyze/training-data/labelled-<lang>.jsonl, with a `split` field). Only the training and
 * evaluation scripts import this; the product never reads these files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../platform/paths.js';
import { FEEDBACK_TYPES, PRODUCT_TOPICS, SENTIMENTS, mapDatasetTopic, type FeedbackType, type Sentiment } from './taxonomy.js';

export interface LabelledText {
  text: string;
  lang: string;
  /** dataset name, or `labelled_<lang>` for the hand-labelled set */
  source: string;
  sentiment?: Sentiment;
  /** the source only has negative/positive: neutral is not a possible answer for it */
  sentimentBinary?: boolean;
  type?: FeedbackType;
  topics?: string[];
  /** topic keys the source annotates; a key outside this list is unknown, not absent */
  topicScope?: readonly string[];
  /** authored corpus: the business domain (hotels, banking …) and the register (gulf, finglish, tweet …) */
  domain?: string;
  register?: string;
}

const REPO_ROOT = packageRoot;
export const LABELLED_DIR = path.join(REPO_ROOT, 'src/analyze/training-data');

export function datasetsDir(): string {
  return process.env.DATASETS_DIR ?? path.resolve(REPO_ROOT, '../shared/datasets');
}

// How each public dataset's labels are used. Topic scopes list what the dataset's annotators
// looked for, so that e.g. a MAMS sentence is never taken as evidence against "payment".
const BINARY_SENTIMENT = new Set(['waimai_10k_zh', 'online_shopping_zh', 'uci_sentences_en']);
const TOPIC_SCOPES: Record<string, readonly string[]> = {
  parsinlu_food_fa: ['product_quality', 'price', 'delivery', 'packaging'],
  mams_acsa_en: ['product_quality', 'support', 'price', 'ambience', 'location'],
  bitext_support_en: ['account', 'payment', 'delivery', 'order', 'support'],
};
// Bitext only knows complaint / request-style question / "leave a review" (other).
const BITEXT_TYPES: Record<string, FeedbackType> = { complaint: 'complaint', question: 'question', other: 'other' };

interface RawRow {
  text: string;
  lang: string;
  domain?: string;
  register?: string;
  sentiment?: string;
  type?: string;
  topic?: string;
  topics?: string[];
  split?: string;
}

function readJsonl(file: string): RawRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RawRow);
}

const isSentiment = (s: unknown): s is Sentiment => (SENTIMENTS as readonly unknown[]).includes(s);

function mapTopics(row: RawRow): string[] {
  const raw = row.topics ?? (row.topic ? [row.topic] : []);
  return [...new Set(raw.map(mapDatasetTopic).filter((t): t is string => t !== null))];
}

function fromDataset(dataset: string, row: RawRow): LabelledText {
  const item: LabelledText = { text: row.text, lang: row.lang, source: dataset };
  if (isSentiment(row.sentiment)) {
    item.sentiment = row.sentiment;
    if (BINARY_SENTIMENT.has(dataset)) item.sentimentBinary = true;
  }
  if (dataset === 'bitext_support_en' && row.type && BITEXT_TYPES[row.type]) item.type = BITEXT_TYPES[row.type];
  const scope = TOPIC_SCOPES[dataset];
  if (scope) {
    item.topics = mapTopics(row);
    item.topicScope = scope;
  }
  return item;
}

export interface DatasetSplit {
  name: string;
  items: LabelledText[];
}

/** Every public dataset's split (train or dev), by dataset name. Empty if the folder is missing. */
export function loadDatasets(split: 'train' | 'dev', dir = datasetsDir()): DatasetSplit[] {
  if (!existsSync(dir)) return [];
  const out: DatasetSplit[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, `${split}.jsonl`);
    if (!existsSync(file)) continue;
    out.push({ name, items: readJsonl(file).map((row) => fromDataset(name, row)) });
  }
  return out;
}

/** Feedloop's hand-labelled set, one DatasetSplit per language file present. */
export function loadLabelledSet(split: 'train' | 'dev', dir = LABELLED_DIR): DatasetSplit[] {
  if (!existsSync(dir)) return [];
  const out: DatasetSplit[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^labelled-[a-z]+\.jsonl$/.test(f))
    .sort()) {
    const name = file.replace(/^labelled-/, 'labelled_').replace(/\.jsonl$/, '');
    const items: LabelledText[] = [];
    for (const row of readJsonl(path.join(dir, file))) {
      if ((row.split ?? 'train') !== split) continue;
      const item: LabelledText = { text: row.text, lang: row.lang, source: name };
      if (isSentiment(row.sentiment)) item.sentiment = row.sentiment;
      if ((FEEDBACK_TYPES as readonly unknown[]).includes(row.type)) item.type = row.type as FeedbackType;
      if (Array.isArray(row.topics)) {
        item.topics = row.topics.filter((t) => (PRODUCT_TOPICS as readonly string[]).includes(t));
        item.topicScope = PRODUCT_TOPICS;
      }
      items.push(item);
    }
    out.push({ name, items });
  }
  return out;
}

export const AUTHORED_DIR = path.join(LABELLED_DIR, 'authored');

/**
 * Feedloop's authored corpus (`authored/<lang>/<domain>.jsonl`): feedback written for 16 business
 * domains per language in several registers (dialects, Finglish/Arabizi, tweets …), labelled with
 * three-class sentiment, type and product topics. One DatasetSplit per language (`authored_<lang>`),
 * each item keeping its domain and register; whatever files exist are read. It has no split: the
 * cross-domain evaluation holds domains out instead.
 */
export function loadAuthoredCorpus(dir = AUTHORED_DIR): DatasetSplit[] {
  if (!existsSync(dir)) return [];
  const out: DatasetSplit[] = [];
  for (const lang of readdirSync(dir)
    .filter((d) => /^[a-z]{2}$/.test(d))
    .sort()) {
    const name = `authored_${lang}`;
    const items: LabelledText[] = [];
    for (const file of readdirSync(path.join(dir, lang))
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      for (const row of readJsonl(path.join(dir, lang, file))) {
        const item: LabelledText = {
          text: row.text,
          lang: row.lang ?? lang,
          source: name,
          domain: row.domain ?? file.replace(/\.jsonl$/, ''),
          register: row.register,
        };
        if (isSentiment(row.sentiment)) item.sentiment = row.sentiment;
        if ((FEEDBACK_TYPES as readonly unknown[]).includes(row.type)) item.type = row.type as FeedbackType;
        if (Array.isArray(row.topics)) {
          item.topics = row.topics.filter((t) => (PRODUCT_TOPICS as readonly string[]).includes(t));
          item.topicScope = PRODUCT_TOPICS;
        }
        items.push(item);
      }
    }
    if (items.length) out.push({ name, items });
  }
  return out;
}

/** Everything `npm run train` learns from: datasets' train splits, the labelled set's train lines, the authored corpus. */
export function loadTrainingSplits(options: { authored?: boolean } = {}): DatasetSplit[] {
  return [...loadDatasets('train'), ...loadLabelledSet('train'), ...(options.authored === false ? [] : loadAuthoredCorpus())];
}
