/**
 * Why the model said what it said: for one text, the words that pushed its sentiment towards
 * (and away from) the label it got, and the words behind each of its topics — the model's words
 * from its feature weights, and the taxonomy keywords that matched.
 *
 * The model is linear over hashed features (features.ts), so a class's logit is the sum over the
 * text's features of value × weight. Each feature is traced back to where it came from — a word,
 * a word pair (shared by its two words), a character n-gram (its word), a Han character or pair
 * (the word it sits in), a sentiment-list hit (the listed word), an emoji or ! ? — by hashing the
 * text's words the way features.ts does, and its contribution is credited to those words. For
 * sentiment a contribution counts relative to the mean of the three classes (a softmax only
 * sees differences), with the Chinese language term included; for a topic it is the topic's own
 * logit. Biases belong to no word and are left out, and so are function words (the themes'
 * stopword lists: "the", "was", بود, 很) unless they are negations or sentiment words: their
 * weights are real but tell an agent nothing. The workspace's learnt corrections are not
 * broken down: the explanation is the shipped model's and the keywords'.
 *
 * `explainPrediction` is the only entry point. It checks itself: `coverage` is the share of the
 * text's features (biases, type cues, phrase-level sentiment cues and word-vector features aside) traced back to a word, 1 while this file hashes
 * as features.ts does; the tests assert it, and that the credited contributions add up to the
 * model's logits, so a change in the model's features or weights shows up there first.
 */
import { normalizeForSearch } from '../language/normalize-text.js';
import { wordSpans } from '../search/build-snippet.js';
import { articleStem } from '../language/arabic-clitics.js';
import { wordForms } from '../topics/keyword-matcher.js';
import { isStopword } from '../themes/stopwords.js';
import {
  extractFeatures,
  isHan,
  MODEL_LANGUAGES,
  prepareText,
  SENTIMENT_CUE_BUCKETS,
  TYPE_CUE_BUCKETS,
  VECTOR_BUCKETS,
  type TextFeatures,
} from './features.js';
import { FNV_PRIME, hashCombine, hashSlice, hashString, toBucket } from './hash.js';
import { emojiValences, wordValences } from './lexicon.js';
import { isNegationCue, NEGATION_SCOPE } from './negation.js';
import { loadBaseModel } from './load-model.js';
import type { AnalysisModel, LanguageTerm, ModelHead, QuantizedWeights } from './model.js';
import type { FeedbackExplanation, WeightedWord } from '../../contracts/analysis.js';
import type { Sentiment } from '../../contracts/feedback.js';

/** Words shown per direction. */
export const EXPLAIN_TOP = 5;

/** The answer of GET /feedback/{id}/explanation without the item's id, and how much of it was traced. */
export interface Explanation extends Omit<FeedbackExplanation, 'feedbackId'> {
  /** Share of the features traced back to a word (1 when this file and features.ts agree). */
  coverage: number;
}

/** What the caller knows of the analysis: the labels to explain and the keywords that matched. */
export interface ExplainedAnalysis {
  sentiment?: { label: Sentiment } | null;
  topics: readonly string[];
  matchedKeywords?: Readonly<Record<string, readonly string[]>>;
}

// Mirrors features.ts (same constants, same namespaces).
const FEATURE_CHARS = 2000;
const CHAR_MIN_N = 2;
const CHAR_MAX_N = 4;
const CHAR_WEIGHT = 0.5;
const SYMBOL_WEIGHT = 0.7;
const LEXICON_WEIGHT = 5 / 3;
const POLARITY_KINDS = ['pos', 'neg', 'npos', 'nneg'] as const;
const SYMBOL_RE = /[!?\u061F\uFF01\uFF1F]|\p{Extended_Pictographic}/gu;

interface Source {
  unit: number;
  weight: number;
}

/** Every feature bucket of the text → the units (words, symbols) it came from, with their raw weight. */
class Provenance {
  readonly byBucket = new Map<number, Source[]>();
  readonly bias = new Set<number>();
  add(hash: number, unit: number, weight: number) {
    const bucket = toBucket(hash);
    const list = this.byBucket.get(bucket);
    if (list) list.push({ unit, weight });
    else this.byBucket.set(bucket, [{ unit, weight }]);
  }
}

function trace(raw: string, lang: string, tokens: string[], normalized: string, symbolUnit: (s: string) => number): Provenance {
  const ns = (kind: string) => hashString(`${kind}:${lang}`);
  const word = ns('w'),
    negated = ns('nw'),
    bigram = ns('b');
  const char = hashString('c'),
    han = hashString('h'),
    symbol = hashString('s');
  const polarity = POLARITY_KINDS.map((k) => ns(`lex:${k}`));
  const globalPolarity = POLARITY_KINDS.map((k) => hashString(`lex:${k}:*`));
  const p = new Provenance();
  p.bias.add(toBucket(hashString('bias:*')));
  p.bias.add(toBucket(ns('bias')));
  const valences = wordValences(lang);
  let negatedFor = 0;
  let previousHash = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    const wordHash = hashString(token, negatedFor > 0 ? negated : word);
    p.add(wordHash, t, 1);
    if (t > 0) {
      const h = hashCombine(bigram ^ previousHash, wordHash);
      p.add(h, t - 1, 0.5);
      p.add(h, t, 0.5);
    }
    previousHash = wordHash;
    if (!isHan(token.charCodeAt(0))) {
      const padded = ` ${token} `;
      for (let i = 0; i + CHAR_MIN_N <= padded.length; i++) {
        let h = char;
        const last = Math.min(i + CHAR_MAX_N, padded.length);
        for (let j = i; j < last; j++) {
          h = Math.imul(h ^ padded.charCodeAt(j), FNV_PRIME);
          if (j - i + 1 >= CHAR_MIN_N) p.add(h >>> 0, t, CHAR_WEIGHT);
        }
      }
    }
    const valence = valences?.get(token);
    if (valence !== undefined) {
      const kind = (valence > 0 ? 0 : 1) + (negatedFor > 0 ? 2 : 0);
      const weight = LEXICON_WEIGHT * Math.abs(valence);
      p.add(globalPolarity[kind], t, weight);
      p.add(polarity[kind], t, weight);
    }
    if (isNegationCue(lang, token)) negatedFor = NEGATION_SCOPE;
    else if (negatedFor > 0) negatedFor--;
  }
  // Han characters and pairs: credited to the word they sit in.
  const tokenAt = new Int32Array(normalized.length).fill(-1);
  let cursor = 0;
  tokens.forEach((token, t) => {
    const at = normalized.indexOf(token, cursor);
    if (at < 0) return;
    tokenAt.fill(t, at, at + token.length);
    cursor = at + token.length;
  });
  let previous = -1;
  for (let i = 0; i < normalized.length; i++) {
    if (!isHan(normalized.charCodeAt(i))) {
      previous = -1;
      continue;
    }
    const unit = tokenAt[i];
    p.add(hashSlice(han, normalized, i, i + 1), unit, CHAR_WEIGHT);
    if (previous >= 0) {
      const h = hashSlice(han, normalized, previous, i + 1);
      p.add(h, tokenAt[previous], CHAR_WEIGHT / 2);
      p.add(h, unit, CHAR_WEIGHT / 2);
    }
    previous = i;
  }
  const emoji = emojiValences();
  for (const m of raw.matchAll(SYMBOL_RE)) {
    const unit = symbolUnit(m[0]);
    p.add(hashString(m[0], symbol), unit, SYMBOL_WEIGHT);
    const valence = emoji.get(m[0]);
    if (valence !== undefined) p.add(globalPolarity[valence > 0 ? 0 : 1], unit, Math.abs(valence));
  }
  return p;
}

/** Weight of output k of a head (or a language term, k = 0) for a bucket. */
function weightOf(weights: Float32Array | QuantizedWeights, width: number, bucket: number, k: number): number {
  if (weights instanceof Float32Array) return weights[bucket * width + k];
  return weights.table[weights.codes[bucket * weights.stride + weights.offset + k] & 0xff];
}

/** Per feature entry, its contribution to each output's logit (language term included). */
export function featureContributions(head: ModelHead, features: TextFeatures): Float64Array[] {
  const K = head.outputs.length;
  const term: LanguageTerm | undefined =
    head.languageTerm && features.language === head.languageTerm.language ? head.languageTerm : undefined;
  return Array.from(features.indices, (bucket, i) => {
    const v = features.values[i];
    const out = new Float64Array(K);
    for (let k = 0; k < K; k++) out[k] = v * weightOf(head.weights, K, bucket, k);
    if (term) {
      const z = v * weightOf(term.weights, 1, bucket, 0);
      for (let k = 0; k < K; k++) out[k] += z * term.add[k];
    }
    return out;
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Explains `analysis` (its sentiment label and topics) for `text` in `language`, from the shipped
 * model's weights and the keywords that matched.
 */
export function explainPrediction(
  text: string,
  language: string,
  analysis: ExplainedAnalysis,
  model: AnalysisModel = loadBaseModel(),
): Explanation {
  const lang = (MODEL_LANGUAGES as readonly string[]).includes(language) ? language : 'xx';
  const raw = typeof text === 'string' ? text.slice(0, FEATURE_CHARS) : '';
  const { normalized, tokens } = prepareText(raw);
  // Units: the text's words as the customer wrote them, then its emoji and ! ? marks.
  const surfaces = wordSpans(raw).flatMap((span) => (span.tokens.length === 1 ? [raw.slice(span.start, span.end)] : span.tokens));
  const units: string[] = surfaces.length === tokens.length ? [...surfaces] : [...tokens];
  const symbolUnits = new Map<string, number>();
  const symbolUnit = (s: string) => {
    if (!symbolUnits.has(s)) {
      symbolUnits.set(s, units.length);
      units.push(s);
    }
    return symbolUnits.get(s)!;
  };
  const provenance = trace(raw, lang, tokens, normalized, symbolUnit);
  const features = extractFeatures(raw, language);

  // Credit each feature entry's contributions to its units, in proportion to their raw weights.
  const credit = (perEntry: Float64Array[], pick: (c: Float64Array) => number): Float64Array => {
    const byUnit = new Float64Array(units.length);
    features.indices.forEach((bucket, i) => {
      const sources = provenance.byBucket.get(bucket);
      if (!sources) return;
      const total = sources.reduce((s, x) => s + x.weight, 0);
      const c = pick(perEntry[i]);
      for (const s of sources) if (s.unit >= 0) byUnit[s.unit] += (c * s.weight) / total;
    });
    return byUnit;
  };
  let traced = 0,
    counted = 0;
  features.indices.forEach((bucket) => {
    if (provenance.bias.has(bucket) || TYPE_CUE_BUCKETS.has(bucket) || SENTIMENT_CUE_BUCKETS.has(bucket) || VECTOR_BUCKETS.has(bucket))
      return;
    counted++;
    if (provenance.byBucket.has(bucket)) traced++;
  });

  // Function words are not shown (negations and sentiment words are).
  const valences = wordValences(lang);
  const shown = units.map(
    (_, u) => u >= tokens.length || !isStopword(lang, tokens[u]) || valences?.has(tokens[u]) === true || isNegationCue(lang, tokens[u]),
  );

  let sentiment: Explanation['sentiment'] = null;
  const label = analysis.sentiment?.label;
  const k = label ? model.sentiment.outputs.indexOf(label) : -1;
  if (k >= 0) {
    const perEntry = featureContributions(model.sentiment, features);
    const K = model.sentiment.outputs.length;
    const byUnit = credit(perEntry, (c) => c[k] - c.reduce((s, x) => s + x, 0) / K);
    sentiment = { label: label!, towards: top(units, byUnit, 1, shown), against: top(units, byUnit, -1, shown) };
  }

  const topicEntries = featureContributions(model.topics, features);
  const topics = analysis.topics.map((key) => {
    const j = model.topics.outputs.indexOf(key);
    const words =
      j >= 0
        ? top(
            units,
            credit(topicEntries, (c) => c[j]),
            1,
            shown,
          )
        : [];
    const keywords = keywordSurfaces(raw, units.slice(0, tokens.length), tokens, analysis.matchedKeywords?.[key] ?? []);
    return { key, keywords, words };
  });
  return { language: lang, sentiment, topics, coverage: counted ? round3(traced / counted) : 1 };
}

/** The strongest units in one direction, merged by their normalised form. */
function top(units: string[], byUnit: Float64Array, sign: 1 | -1, shown: boolean[]): WeightedWord[] {
  const merged = new Map<string, { text: string; weight: number }>();
  byUnit.forEach((w, u) => {
    if (!shown[u]) return;
    const key = normalizeForSearch(units[u]) || units[u];
    const entry = merged.get(key);
    if (entry) entry.weight += w;
    else merged.set(key, { text: units[u], weight: w });
  });
  return [...merged.values()]
    .filter((e) => sign * e.weight > 0.005)
    .sort((a, b) => sign * b.weight - sign * a.weight)
    .slice(0, EXPLAIN_TOP)
    .map((e) => ({ text: e.text, weight: round3(Math.abs(e.weight)) }));
}

/**
 * The words of the text a topic's keywords matched, as the customer wrote them (`keywords` are
 * the matcher's normalised forms: "deliver*", "تغلیف", "快递").
 */
function keywordSurfaces(raw: string, surfaces: string[], tokens: string[], keywords: readonly string[]): string[] {
  const out: string[] = [];
  const push = (s: string) => {
    if (s && !out.includes(s)) out.push(s);
  };
  const forms = tokens.map(wordForms);
  for (const keyword of keywords) {
    const prefix = keyword.endsWith('*');
    const words = keyword.replace(/\*$/, '').split(' ').map(articleStem);
    if (/\p{Script=Han}/u.test(keyword)) {
      push(keyword);
      continue;
    }
    for (let i = 0; i + words.length <= tokens.length; i++) {
      const ok = words.every((w, n) => {
        const f = forms[i + n];
        return prefix && n === words.length - 1 ? f.stems.some((s) => s.startsWith(w)) : f.exact.includes(w);
      });
      if (ok) {
        push(surfaces.slice(i, i + words.length).join(' '));
        break;
      }
    }
  }
  return out;
}
