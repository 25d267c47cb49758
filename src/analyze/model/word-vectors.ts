/**
 * Word vectors learnt from unlabelled text (learn-word-vectors.ts: PPMI co-occurrence + truncated
 * SVD per language, no pretrained weights), shipped as src/analyze/model/artifacts/word-vectors.bin.gz
 * and read by the topic features (features.ts):
 *
 * - every word of a language's vocabulary has a unit vector (int8, ×127) and a frequency weight
 *   a / (a + p(w)) (smooth inverse frequency: common words count less in a text's average);
 * - a word outside the vocabulary (a typo, an unseen inflection, Finglish spelt another way, an
 *   Arabic clitic) gets the mean of its character 3–5-grams' vectors, each n-gram's vector being
 *   the mean of the vocabulary words that contain it (built at load, fastText-style subwords);
 * - each topic has, per language, a centroid: the mean vector of its default keywords (the
 *   keywords' words in the vocabulary, `*` prefixes expanded to the vocabulary words they match),
 *   so "similarity to the topic's keywords" carries to words the keyword lists never name.
 *
 *   "FLWV1" | u32 header length | header JSON | per language: int8 vectors (V × dim) | u8 weights (V)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FNV_PRIME } from './hash.js';
import { PRODUCT_TOPICS } from './taxonomy.js';

const MAGIC = 'FLWV1';
/** Vector dimensions (fixed: the features' buckets are derived from it). */
export const VECTOR_DIM = 64;
const NGRAM_MIN = 3;
const NGRAM_MAX = 5;
const NGRAM_BITS = 15;
const NGRAM_MASK = (1 << NGRAM_BITS) - 1;

export interface LanguageVectors {
  words: string[];
  /** V × dim, unit rows */
  vectors: Float32Array;
  /** per word, smooth-inverse-frequency weight in (0, 1] */
  weights: Float32Array;
  /** topic key → centroid (unit, dim) */
  centroids: Record<string, Float32Array>;
}

export interface WordVectors {
  dim: number;
  topics: string[];
  languages: Record<string, LanguageVectors>;
}

interface Header {
  dim: number;
  topics: string[];
  languages: { lang: string; words: string[]; centroids: Record<string, number[]> }[];
}

export function encodeWordVectors(v: WordVectors): Uint8Array {
  const header: Header = {
    dim: v.dim,
    topics: v.topics,
    languages: Object.entries(v.languages).map(([lang, l]) => ({
      lang,
      words: l.words,
      centroids: Object.fromEntries(Object.entries(l.centroids).map(([t, c]) => [t, [...c].map((x) => Math.round(x * 1e4) / 1e4)])),
    })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Uint8Array[] = [Buffer.from(MAGIC, 'latin1'), new Uint8Array(new Uint32Array([json.length]).buffer), json];
  for (const l of Object.values(v.languages)) {
    const q = new Int8Array(l.vectors.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(l.vectors[i] * 127)));
    parts.push(new Uint8Array(q.buffer));
    parts.push(Uint8Array.from(l.weights, (w) => Math.max(1, Math.min(255, Math.round(w * 255)))));
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  const buf = gunzipSync(bytes);
  if (buf.subarray(0, 5).toString('latin1') !== MAGIC) throw new Error('not a Feedloop word-vector file');
  const headerLength = buf.readUInt32LE(5);
  const header = JSON.parse(buf.subarray(9, 9 + headerLength).toString('utf8')) as Header;
  let offset = 9 + headerLength;
  const languages: Record<string, LanguageVectors> = {};
  for (const l of header.languages) {
    const n = l.words.length * header.dim;
    const q = new Int8Array(buf.buffer.slice(buf.byteOffset + offset, buf.byteOffset + offset + n));
    offset += n;
    const vectors = new Float32Array(n);
    for (let w = 0; w < l.words.length; w++) {
      let norm = 0;
      for (let k = 0; k < header.dim; k++) norm += q[w * header.dim + k] ** 2;
      const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let k = 0; k < header.dim; k++) vectors[w * header.dim + k] = q[w * header.dim + k] * s;
    }
    const weights = Float32Array.from(buf.subarray(offset, offset + l.words.length), (b) => b / 255);
    offset += l.words.length;
    languages[l.lang] = {
      words: l.words,
      vectors,
      weights,
      centroids: Object.fromEntries(Object.entries(l.centroids).map(([t, c]) => [t, Float32Array.from(c)])),
    };
  }
  return { dim: header.dim, topics: header.topics, languages };
}

/** A language's vectors ready for lookups: word index, per-word topic similarities, n-gram table. */
export class VectorLookup {
  readonly dim: number;
  readonly topics: string[];
  private readonly index = new Map<string, number>();
  /** V × T cosine of each word with each topic centroid */
  private readonly topicSims: Float32Array;
  private ngrams: Float32Array | null = null;
  private ngramCounts: Float32Array | null = null;
  private readonly scratch: Float32Array;

  constructor(
    readonly vectors: LanguageVectors,
    dim: number,
    topics: string[],
  ) {
    this.dim = dim;
    this.topics = topics;
    vectors.words.forEach((w, i) => this.index.set(w, i));
    const T = topics.length;
    this.topicSims = new Float32Array(vectors.words.length * T);
    for (let w = 0; w < vectors.words.length; w++)
      for (let t = 0; t < T; t++) this.topicSims[w * T + t] = this.cosineWith(vectors.vectors, w * dim, vectors.centroids[topics[t]]);
    this.scratch = new Float32Array(dim);
  }

  private cosineWith(source: Float32Array, offset: number, centroid: Float32Array | undefined): number {
    if (!centroid) return 0;
    let s = 0;
    for (let k = 0; k < this.dim; k++) s += source[offset + k] * centroid[k];
    return s;
  }

  private buildNgrams(): void {
    const size = 1 << NGRAM_BITS;
    const sums = new Float32Array(size * this.dim);
    const counts = new Float32Array(size);
    const { words, vectors } = this.vectors;
    for (let w = 0; w < words.length; w++)
      forEachNgram(words[w], (slot) => {
        counts[slot]++;
        for (let k = 0; k < this.dim; k++) sums[slot * this.dim + k] += vectors[w * this.dim + k];
      });
    this.ngrams = sums;
    this.ngramCounts = counts;
  }

  /**
   * Writes the vector of `word` into `out` (unit length, or zeros when nothing is known of it) and
   * returns its vocabulary index, -2 for a vector from n-grams, -1 for none.
   */
  vectorOf(word: string, out: Float32Array): number {
    const i = this.index.get(word);
    if (i !== undefined) {
      out.set(this.vectors.vectors.subarray(i * this.dim, (i + 1) * this.dim));
      return i;
    }
    if (word.length < NGRAM_MIN || isHanWord(word)) return -1;
    if (!this.ngrams) this.buildNgrams();
    out.fill(0);
    let found = 0;
    forEachNgram(word, (slot) => {
      const c = this.ngramCounts![slot];
      if (!c) return;
      found++;
      for (let k = 0; k < this.dim; k++) out[k] += this.ngrams![slot * this.dim + k] / c;
    });
    if (!found) return -1;
    let norm = 0;
    for (let k = 0; k < this.dim; k++) norm += out[k] * out[k];
    if (norm === 0) return -1;
    const s = 1 / Math.sqrt(norm);
    for (let k = 0; k < this.dim; k++) out[k] *= s;
    return -2;
  }

  /**
   * The text's smooth-inverse-frequency weighted mean vector (into `mean`, unit length) and, per
   * topic, the highest similarity of one of its words to the topic's centroid (into `best`).
   * Returns false when no word has a vector.
   */
  read(tokens: readonly string[], mean: Float32Array, best: Float32Array): boolean {
    const T = this.topics.length;
    const dim = this.dim;
    mean.fill(0);
    best.fill(0);
    let any = false;
    const v = this.scratch;
    for (const token of tokens) {
      const i = this.vectorOf(token, v);
      if (i === -1) continue;
      any = true;
      const weight = i >= 0 ? this.vectors.weights[i] : 1;
      for (let k = 0; k < dim; k++) mean[k] += weight * v[k];
      if (i >= 0) {
        for (let t = 0; t < T; t++) {
          const s = this.topicSims[i * T + t];
          if (s > best[t]) best[t] = s;
        }
      } else {
        for (let t = 0; t < T; t++) {
          const s = this.cosineWith(v, 0, this.vectors.centroids[this.topics[t]]);
          if (s > best[t]) best[t] = s;
        }
      }
    }
    if (!any) return false;
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += mean[k] * mean[k];
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < dim; k++) mean[k] *= s;
    return true;
  }
}

const isHanWord = (word: string): boolean => {
  const c = word.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
};

/** Calls `slot` with the table slot of each character 3–5-gram of the space-padded word. */
function forEachNgram(word: string, slot: (s: number) => void): void {
  const padded = ` ${word} `;
  for (let i = 0; i + NGRAM_MIN <= padded.length; i++) {
    let h = 0x811c9dc5;
    const last = Math.min(i + NGRAM_MAX, padded.length);
    for (let j = i; j < last; j++) {
      h = Math.imul(h ^ padded.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 >= NGRAM_MIN) {
        let x = h >>> 0;
        x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
        slot((x ^ (x >>> 13)) & NGRAM_MASK);
      }
    }
  }
}

export const WORD_VECTORS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'artifacts/word-vectors.bin.gz');

let current: Map<string, VectorLookup> | null | undefined;

function lookupsOf(v: WordVectors): Map<string, VectorLookup> {
  // Features read the similarities in PRODUCT_TOPICS order.
  return new Map(Object.entries(v.languages).map(([lang, l]) => [lang, new VectorLookup(l, v.dim, [...PRODUCT_TOPICS])]));
}

/** The word vectors features read: the shipped file unless training or evaluation set others. */
export function wordVectors(): Map<string, VectorLookup> | null {
  if (current === undefined) current = existsSync(WORD_VECTORS_FILE) ? lookupsOf(decodeWordVectors(readFileSync(WORD_VECTORS_FILE))) : null;
  return current;
}

/** Training and evaluation: features read `v` (null: no vectors; undefined: the shipped file again) until set again. */
export function setWordVectors(v: WordVectors | null | undefined): void {
  current = v === undefined ? undefined : v ? lookupsOf(v) : null;
}

/** The bytes of the shipped vector file (MODEL_VERSION covers them), or null. */
export function wordVectorFileBytes(): Uint8Array | null {
  return existsSync(WORD_VECTORS_FILE) ? readFileSync(WORD_VECTORS_FILE) : null;
}
