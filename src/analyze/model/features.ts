/**
 * Text → sparse hashed features, shared by the base model, the per-workspace delta, training and
 * evaluation (so all of them see exactly the same inputs).
 *
 * - Words (tokenize.ts: normalised, jieba for Chinese), namespaced per language, with negation
 *   marking: a word within a few words after a cue (not, لا, 不 …) is a different feature.
 * - Word pairs (bigrams), namespaced per language.
 * - Character 2–4-grams inside each space-padded word: they tie together the inflected and
 *   misspelled forms that Persian and Arabic produce (نمیخرم / نخریدم, الخدمة / خدمة).
 * - Chinese: single characters and character pairs of every Han run, which survive jieba's
 *   segmentation mistakes on informal text.
 * - Emoji and ! ? ؟ marks, shared across languages (tweets carry much of their tone in them).
 * - Sentiment word lists (lexicon.ts): each listed word adds to a positive or negative polarity
 *   feature (negated variants when within a negation's scope) by its valence, once per language
 *   and once shared by all languages; listed emoji add to the shared ones. Few features, seen in
 *   every language, so they carry polarity to words and domains the training data lacks.
 * - Feedback-type cues (type-cues.ts: "please add", ارور, ياريت, 点赞 …): one feature per cue class
 *   found, per language and shared, added after normalisation; only the type head uses them.
 * - A global bias and a per-language bias: every head learns its prior, and per language where
 *   the training data allows (a language without data for a head falls back to the global one).
 * The vector is L2-normalised, so long and short texts weigh the same.
 */
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenizeNormalized } from '../language/tokenize.js';
import { FNV_PRIME, hashCombine, hashSlice, hashString, toBucket } from './hash.js';
import { emojiValences, wordValences } from './lexicon.js';
import { isNegationCue, NEGATION_SCOPE } from './negation.js';
import { TYPE_CUE_CLASSES, typeCueClasses } from './type-cues.js';
import { findSentimentCues } from './sentiment-cues.js';
import { PRODUCT_TOPICS } from './taxonomy.js';
import { VECTOR_DIM, wordVectors } from './word-vectors.js';

/** Sparse hashed feature vector; opaque to callers outside the model. */
export interface TextFeatures {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
  /** the model language the features were extracted for (fa/ar/zh/en/xx): language-gated terms read it */
  readonly language?: string;
}

/** Languages with their own feature namespace; everything else shares one. */
export const MODEL_LANGUAGES = ['fa', 'ar', 'zh', 'en'] as const;

// Longer texts add little signal and would cost time linearly; feedback is rarely this long.
const FEATURE_CHARS = 2000;
const CHAR_MIN_N = 2;
const CHAR_MAX_N = 4;
const CHAR_WEIGHT = 0.5;
const SYMBOL_WEIGHT = 0.7;
// Multiplies a word's valence in [-1, 1] (AFINN ±5 scaled): a strong word weighs like ~1.7 words.
const LEXICON_WEIGHT = 5 / 3;
// Feedloop's own cue lists (sentiment-cues.ts): a hit weighs like a word (×1.5 after an intensifier).
const OWN_CUE_WEIGHT = 1;
// Type cues are added after L2 normalisation (see addUnscaled): at this weight a cue counts like
// a few words in a short text and stays as strong in a long one.
const CUE_WEIGHT = 0.5;

/**
 * Word-vector features (word-vectors.ts), added after normalisation; only the topic head is trained
 * on them: the text's mean word vector (one feature per dimension and language) and, per product
 * topic, the highest similarity of one of its words to the topic's keyword centroid (per language
 * and shared by all languages).
 */
export interface VectorFeatureWeights {
  mean: number;
  similarity: number;
  /** similarity features also as steps: s ≥ 0.5, 0.6, 0.7, 0.8 each one more feature */
  steps: number;
}
export const VECTOR_FEATURE_WEIGHTS: VectorFeatureWeights = { mean: 0.5, similarity: 1, steps: 0 };
const SIMILARITY_STEPS = [0.5, 0.6, 0.7, 0.8];

interface Namespaces {
  word: number;
  negated: number;
  bigram: number;
  char: number;
  han: number;
  symbol: number;
  bias: number;
  polarity: number[];
  own: number[];
  cue: number[];
  vector: number[];
  similarity: number[];
  step: number[][];
}

// Polarity features: [positive, negative, negated positive, negated negative].
const POLARITY_KINDS = ['pos', 'neg', 'npos', 'nneg'] as const;
const GLOBAL_POLARITY = POLARITY_KINDS.map((kind) => hashString(`lex:${kind}:*`));
const GLOBAL_OWN = POLARITY_KINDS.map((kind) => hashString(`own:${kind}:*`));
const GLOBAL_CUE = TYPE_CUE_CLASSES.map((cls) => hashString(`cue:${cls}:*`));
const GLOBAL_SIMILARITY = PRODUCT_TOPICS.map((topic) => hashString(`ks:${topic}:*`));
const GLOBAL_STEP = PRODUCT_TOPICS.map((topic) => SIMILARITY_STEPS.map((x) => hashString(`kst:${topic}:${x}:*`)));

function namespacesFor(language: string): Namespaces {
  const ns = (kind: string): number => hashString(`${kind}:${language}`);
  return {
    word: ns('w'),
    negated: ns('nw'),
    bigram: ns('b'),
    // Character n-grams are shared across languages of one script: fa and ar share many stems.
    char: hashString('c'),
    han: hashString('h'),
    symbol: hashString('s'),
    bias: ns('bias'),
    polarity: POLARITY_KINDS.map((kind) => ns(`lex:${kind}`)),
    own: POLARITY_KINDS.map((kind) => ns(`own:${kind}`)),
    cue: TYPE_CUE_CLASSES.map((cls) => ns(`cue:${cls}`)),
    vector: Array.from({ length: VECTOR_DIM }, (_, k) => ns(`v:${k}`)),
    similarity: PRODUCT_TOPICS.map((topic) => ns(`ks:${topic}`)),
    step: PRODUCT_TOPICS.map((topic) => SIMILARITY_STEPS.map((x) => ns(`kst:${topic}:${x}`))),
  };
}

const NAMESPACES = new Map<string, Namespaces>([...MODEL_LANGUAGES, 'xx'].map((language) => [language, namespacesFor(language)]));

/** Buckets of the type-cue features: only the type head is trained on them. */
export const TYPE_CUE_BUCKETS: ReadonlySet<number> = new Set(
  [...GLOBAL_CUE, ...[...NAMESPACES.values()].flatMap((ns) => ns.cue)].map(toBucket),
);

/** Buckets of the phrase-level sentiment cues (sentiment-cues.ts): they come from phrases, not one word. */
export const SENTIMENT_CUE_BUCKETS: ReadonlySet<number> = new Set(
  [...GLOBAL_OWN, ...[...NAMESPACES.values()].flatMap((ns) => ns.own)].map(toBucket),
);

/** Buckets of the word-vector features: only the topic head is trained on them. */
export const VECTOR_BUCKETS: ReadonlySet<number> = new Set(
  [
    ...GLOBAL_SIMILARITY,
    ...GLOBAL_STEP.flat(),
    ...[...NAMESPACES.values()].flatMap((ns) => [...ns.vector, ...ns.similarity, ...ns.step.flat()]),
  ].map(toBucket),
);

const GLOBAL_BIAS = hashString('bias:*');

/** Buckets of the global and per-language biases. */
export const BIAS_BUCKETS: ReadonlySet<number> = new Set([GLOBAL_BIAS, ...[...NAMESPACES.values()].map((ns) => ns.bias)].map(toBucket));
const meanVector = new Float32Array(VECTOR_DIM);
const bestSimilarity = new Float32Array(PRODUCT_TOPICS.length);

/**
 * Buckets of the features of `text` that every language shares (global bias and polarity, ! ? and
 * emoji, character n-grams of non-Han words): the Chinese NB head (build-model.ts) leaves them out.
 */
export function languageSharedBuckets(text: string): number[] {
  const out = [GLOBAL_BIAS, ...GLOBAL_POLARITY, ...GLOBAL_OWN].map(toBucket);
  const xx = NAMESPACES.get('xx')!; // the symbol and character n-gram seeds are the same for every language
  const raw = typeof text === 'string' ? text.slice(0, FEATURE_CHARS) : '';
  for (const m of raw.matchAll(SYMBOL_RE)) out.push(toBucket(hashString(m[0], xx.symbol)));
  const acc = new FeatureAccumulator();
  for (const token of prepareText(raw).tokens) if (!isHan(token.charCodeAt(0))) addCharGrams(acc, xx.char, token);
  out.push(...acc.finish().indices);
  return out;
}

export const isHan = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
const SYMBOL_RE = /[!?\u061F\uFF01\uFF1F]|\p{Extended_Pictographic}/gu;

/** Collects buckets and weights in reused typed arrays (extraction is synchronous). */
class FeatureAccumulator {
  private buckets = new Uint32Array(1024);
  private weights = new Float32Array(1024);
  private n = 0;
  private unscaled = 0;

  add(hash: number, weight: number): void {
    if (this.n === this.buckets.length) this.grow();
    this.buckets[this.n] = toBucket(hash);
    this.weights[this.n++] = weight;
  }

  /** Added after normalisation: keeps its weight whatever the text's length. */
  addUnscaled(hash: number, weight: number): void {
    this.add(hash, weight);
    this.unscaled++;
  }

  finish(): TextFeatures {
    const n = this.n;
    const scaled = n - this.unscaled;
    const indices = this.buckets.slice(0, n);
    const values = this.weights.slice(0, n);
    let norm = 0;
    for (let i = 0; i < scaled; i++) norm += values[i] * values[i];
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < scaled; i++) values[i] *= scale;
    this.n = 0;
    this.unscaled = 0;
    return { indices, values };
  }

  private grow(): void {
    const buckets = new Uint32Array(this.buckets.length * 2);
    const weights = new Float32Array(this.weights.length * 2);
    buckets.set(this.buckets);
    weights.set(this.weights);
    this.buckets = buckets;
    this.weights = weights;
  }
}

const accumulator = new FeatureAccumulator();

function addCharGrams(acc: FeatureAccumulator, seed: number, word: string): void {
  const padded = ` ${word} `;
  // One FNV pass per start position yields its 2-, 3- and 4-gram (= hashSlice of each).
  for (let i = 0; i + CHAR_MIN_N <= padded.length; i++) {
    let h = seed;
    const last = Math.min(i + CHAR_MAX_N, padded.length);
    for (let j = i; j < last; j++) {
      h = Math.imul(h ^ padded.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 >= CHAR_MIN_N) acc.add(h >>> 0, CHAR_WEIGHT);
    }
  }
}

function addHanGrams(acc: FeatureAccumulator, seed: number, text: string): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHan(code)) {
      previous = -1;
      continue;
    }
    acc.add(hashSlice(seed, text, i, i + 1), CHAR_WEIGHT);
    if (previous >= 0) acc.add(hashSlice(seed, text, previous, i + 1), CHAR_WEIGHT);
    previous = i;
  }
}

/** A text normalised and split into words once, for callers that also match keywords on it. */
export interface PreparedText {
  normalized: string;
  tokens: string[];
}

export function prepareText(text: string): PreparedText {
  const normalized = normalizeForSearch(text);
  return { normalized, tokens: tokenizeNormalized(normalized) };
}

/**
 * The feature namespace of a language tag: fa/ar/zh/en, also with a script or region subtag
 * (fa-Latn Finglish and ar-Latn Arabizi are read as Persian and Arabic: the model is trained on
 * Latin-script Persian/Arabic too); anything else is `xx`.
 */
export function modelLanguage(language: string): string {
  if ((MODEL_LANGUAGES as readonly string[]).includes(language)) return language;
  const base = typeof language === 'string' ? language.split('-')[0].toLowerCase() : '';
  return (MODEL_LANGUAGES as readonly string[]).includes(base) ? base : 'xx';
}

/** `prepared` must be prepareText() of the same text when it is at most FEATURE_CHARS long. */
export function extractFeatures(text: string, language: string, prepared?: PreparedText): TextFeatures {
  const lang = modelLanguage(language);
  const ns = NAMESPACES.get(lang)!;
  const acc = accumulator;
  const raw = typeof text === 'string' ? text.slice(0, FEATURE_CHARS) : '';
  const { normalized, tokens } = prepared && raw.length === text.length ? prepared : prepareText(raw);

  acc.add(GLOBAL_BIAS, 1);
  acc.add(ns.bias, 1);
  let negatedFor = 0;
  let previousHash = 0;
  const valences = wordValences(lang);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    const wordHash = hashString(token, negatedFor > 0 ? ns.negated : ns.word);
    acc.add(wordHash, 1);
    if (t > 0) acc.add(hashCombine(ns.bigram ^ previousHash, wordHash), 1);
    previousHash = wordHash;
    if (!isHan(token.charCodeAt(0))) addCharGrams(acc, ns.char, token);
    const valence = valences?.get(token);
    if (valence !== undefined) {
      const kind = (valence > 0 ? 0 : 1) + (negatedFor > 0 ? 2 : 0);
      const weight = LEXICON_WEIGHT * Math.abs(valence);
      acc.add(GLOBAL_POLARITY[kind], weight);
      acc.add(ns.polarity[kind], weight);
    }
    if (isNegationCue(lang, token)) negatedFor = NEGATION_SCOPE;
    else if (negatedFor > 0) negatedFor--;
  }
  findSentimentCues(
    lang,
    tokens,
    normalized,
    (token) => isNegationCue(lang, token),
    (kind, gain) => {
      acc.add(GLOBAL_OWN[kind], OWN_CUE_WEIGHT * gain);
      acc.add(ns.own[kind], OWN_CUE_WEIGHT * gain);
    },
  );
  addHanGrams(acc, ns.han, normalized);
  const cues = typeCueClasses(lang, normalized, tokens, raw);
  const emoji = emojiValences();
  for (const m of raw.matchAll(SYMBOL_RE)) {
    acc.add(hashString(m[0], ns.symbol), SYMBOL_WEIGHT);
    const valence = emoji.get(m[0]);
    if (valence !== undefined) acc.add(GLOBAL_POLARITY[valence > 0 ? 0 : 1], Math.abs(valence));
  }
  for (const k of cues) {
    acc.addUnscaled(GLOBAL_CUE[k], CUE_WEIGHT);
    acc.addUnscaled(ns.cue[k], CUE_WEIGHT);
  }
  const vectors = wordVectors()?.get(lang);
  if (vectors && vectors.read(tokens, meanVector, bestSimilarity)) {
    const { mean, similarity, steps } = VECTOR_FEATURE_WEIGHTS;
    if (mean > 0) for (let k = 0; k < VECTOR_DIM; k++) acc.addUnscaled(ns.vector[k], mean * meanVector[k]);
    if (similarity > 0 || steps > 0)
      for (let t = 0; t < PRODUCT_TOPICS.length; t++) {
        const s = bestSimilarity[t];
        if (s <= 0) continue;
        if (similarity > 0) {
          acc.addUnscaled(GLOBAL_SIMILARITY[t], similarity * s);
          acc.addUnscaled(ns.similarity[t], similarity * s);
        }
        if (steps > 0)
          for (let x = 0; x < SIMILARITY_STEPS.length && s >= SIMILARITY_STEPS[x]; x++) {
            acc.addUnscaled(GLOBAL_STEP[t][x], steps);
            acc.addUnscaled(ns.step[t][x], steps);
          }
      }
  }
  return { ...acc.finish(), language: lang };
}
