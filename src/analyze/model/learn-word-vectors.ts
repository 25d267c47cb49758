/**
 * Learns word vectors from unlabelled text, per language, with no pretrained weights (Levy,
 * Goldberg & Dagan 2015): counts of word pairs within a window of each other (weighted 1/distance),
 * positive pointwise mutual information with context-distribution smoothing (α = 0.75), and a
 * truncated SVD of that matrix by randomized subspace iteration (Halko, Martinsson & Tropp 2011),
 * word vectors = U·Σ^½, unit length. Deterministic for a given seed. Only the training and
 * evaluation scripts use this; the product reads the result (word-vectors.ts).
 *
 * Each topic's centroid per language is the mean of its default keywords' vectors: a keyword's words
 * that are in the vocabulary (a `*` prefix expanded to the vocabulary words it matches, at most 30),
 * each keyword counted once.
 */
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenizeNormalized } from '../language/tokenize.js';
import { createRandom } from './linear.js';
import { VECTOR_DIM, type LanguageVectors, type WordVectors } from './word-vectors.js';

export interface VectorOptions {
  dim: number;
  window: number;
  minCount: number;
  maxVocabulary: number;
  /** smoothing of the context distribution */
  contextPower: number;
  /** SIF weight a / (a + p(w)) */
  sifA: number;
  oversample: number;
  powerIterations: number;
  seed: number;
  log?: (m: string) => void;
}

export const DEFAULT_VECTOR_OPTIONS: VectorOptions = {
  dim: VECTOR_DIM,
  window: 5,
  minCount: 2,
  maxVocabulary: 40_000,
  contextPower: 0.75,
  sifA: 1e-3,
  oversample: 16,
  powerIterations: 3,
  seed: 7,
};

export interface TopicKeywords {
  key: string;
  keywords: Partial<Record<string, string[]>>;
}

/** Modified Gram–Schmidt on the k columns of a row-major n × k matrix, in place. */
function orthonormalize(a: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += a[r * k + i] * a[r * k + j];
      for (let r = 0; r < n; r++) a[r * k + j] -= dot * a[r * k + i];
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += a[r * k + j] ** 2;
    const s = norm > 1e-20 ? 1 / Math.sqrt(norm) : 0;
    for (let r = 0; r < n; r++) a[r * k + j] *= s;
  }
}

/** Eigen-decomposition of a symmetric k × k matrix by cyclic Jacobi: returns [values, vectors (columns)]. */
function symmetricEigen(m: Float64Array, k: number): [Float64Array, Float64Array] {
  const a = Float64Array.from(m);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < k; p++)
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p];
          const arq = a[r * k + q];
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r];
          const aqr = a[q * k + r];
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = a[i * k + i];
  return [values, v];
}

/** Weighted counts of (row, column) pairs: open addressing over a growing power-of-two table. */
class PairTable {
  private keysA = new Int32Array(1 << 20).fill(-1);
  private keysB = new Int32Array(1 << 20);
  private counts = new Float64Array(1 << 20);
  private size = 0;

  add(a: number, b: number, weight: number): void {
    if (this.size * 2 > this.keysA.length) this.grow();
    const mask = this.keysA.length - 1;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    for (;;) {
      const ka = this.keysA[slot];
      if (ka === -1) {
        this.keysA[slot] = a;
        this.keysB[slot] = b;
        this.counts[slot] = weight;
        this.size++;
        return;
      }
      if (ka === a && this.keysB[slot] === b) {
        this.counts[slot] += weight;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keysA, keysB, counts } = this;
    this.keysA = new Int32Array(keysA.length * 2).fill(-1);
    this.keysB = new Int32Array(keysA.length * 2);
    this.counts = new Float64Array(keysA.length * 2);
    this.size = 0;
    for (let i = 0; i < keysA.length; i++) if (keysA[i] !== -1) this.add(keysA[i], keysB[i], counts[i]);
  }

  /** All pairs sorted by row, then column. */
  entries(cols: number): { rows: Uint32Array; cols: Uint32Array; counts: Float64Array } {
    const order: number[] = [];
    for (let i = 0; i < this.keysA.length; i++) if (this.keysA[i] !== -1) order.push(i);
    order.sort((x, y) => this.keysA[x] * cols + this.keysB[x] - (this.keysA[y] * cols + this.keysB[y]));
    return {
      rows: Uint32Array.from(order, (i) => this.keysA[i]),
      cols: Uint32Array.from(order, (i) => this.keysB[i]),
      counts: Float64Array.from(order, (i) => this.counts[i]),
    };
  }
}

interface Sparse {
  rows: number;
  cols: number;
  rowStart: Uint32Array;
  colIndex: Uint32Array;
  value: Float32Array;
}

/** y (rows × k) = M x (cols × k) */
function multiply(m: Sparse, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(m.rows * k);
  for (let r = 0; r < m.rows; r++)
    for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) {
      const c = m.colIndex[e];
      const v = m.value[e];
      for (let j = 0; j < k; j++) y[r * k + j] += v * x[c * k + j];
    }
  return y;
}

/** y (cols × k) = Mᵀ x (rows × k) */
function multiplyTransposed(m: Sparse, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(m.cols * k);
  for (let r = 0; r < m.rows; r++)
    for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) {
      const c = m.colIndex[e];
      const v = m.value[e];
      for (let j = 0; j < k; j++) y[c * k + j] += v * x[r * k + j];
    }
  return y;
}

function tokensOf(text: string): string[] {
  return tokenizeNormalized(normalizeForSearch(text.slice(0, 2000)));
}

function languageVectors(texts: string[], lang: string, topics: readonly TopicKeywords[], o: VectorOptions): LanguageVectors | null {
  const docs = texts.map(tokensOf);
  const counts = new Map<string, number>();
  let totalTokens = 0;
  for (const d of docs)
    for (const w of d) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      totalTokens++;
    }
  const words = [...counts.entries()]
    .filter(([, c]) => c >= o.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxVocabulary)
    .map(([w]) => w);
  const V = words.length;
  if (V < 8) return null;
  const id = new Map(words.map((w, i) => [w, i]));
  // Co-occurrence counts within the window, 1/distance weighted, symmetric, in an open-addressing
  // table keyed by row · V + column.
  const pairs = new PairTable();
  for (const d of docs) {
    const ids = d.map((w) => id.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0) continue;
      for (let j = i + 1; j < Math.min(ids.length, i + 1 + o.window); j++) {
        if (ids[j] < 0) continue;
        const weight = 1 / (j - i);
        pairs.add(ids[i], ids[j], weight);
        pairs.add(ids[j], ids[i], weight);
      }
    }
  }
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(V);
  let total = 0;
  const entries = pairs.entries(V);
  for (let e = 0; e < entries.rows.length; e++) {
    rowSum[entries.rows[e]] += entries.counts[e];
    colSum[entries.cols[e]] += entries.counts[e];
    total += entries.counts[e];
  }
  let smoothedTotal = 0;
  const colSmoothed = Float64Array.from(colSum, (c) => c ** o.contextPower);
  for (const c of colSmoothed) smoothedTotal += c;
  // PPMI entries, row-major (entries() is sorted by row, then column).
  const rowStart = new Uint32Array(V + 1);
  const colIndex: number[] = [];
  const value: number[] = [];
  for (let e = 0; e < entries.rows.length; e++) {
    const r = entries.rows[e];
    const c = entries.cols[e];
    const pmi = Math.log((entries.counts[e] * smoothedTotal) / (rowSum[r] * colSmoothed[c]));
    if (pmi <= 0) continue;
    colIndex.push(c);
    value.push(pmi);
    rowStart[r + 1]++;
  }
  for (let r = 0; r < V; r++) rowStart[r + 1] += rowStart[r];
  const m: Sparse = { rows: V, cols: V, rowStart, colIndex: Uint32Array.from(colIndex), value: Float32Array.from(value) };
  o.log?.(`${lang}: ${docs.length} texts, ${totalTokens} tokens, vocabulary ${V}, ${value.length} PPMI entries`);
  // Randomized truncated SVD.
  const k = o.dim + o.oversample;
  const random = createRandom(o.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const omega = Float64Array.from({ length: V * k }, gaussian);
  let q = multiply(m, omega, k);
  orthonormalize(q, V, k);
  for (let it = 0; it < o.powerIterations; it++) {
    const z = multiplyTransposed(m, q, k);
    orthonormalize(z, V, k);
    q = multiply(m, z, k);
    orthonormalize(q, V, k);
  }
  // B = Qᵀ M (k × V); B Bᵀ = Qᵀ M Mᵀ Q.
  const bt = multiplyTransposed(m, q, k); // V × k = (QᵀM)ᵀ
  const bbt = new Float64Array(k * k);
  for (let r = 0; r < V; r++)
    for (let i = 0; i < k; i++) {
      const x = bt[r * k + i];
      if (x === 0) continue;
      for (let j = 0; j < k; j++) bbt[i * k + j] += x * bt[r * k + j];
    }
  const [eigenvalues, eigenvectors] = symmetricEigen(bbt, k);
  const order = [...eigenvalues.keys()].sort((a, b) => eigenvalues[b] - eigenvalues[a]).slice(0, o.dim);
  const vectors = new Float32Array(V * o.dim);
  for (let r = 0; r < V; r++) {
    let norm = 0;
    for (let d = 0; d < o.dim; d++) {
      const col = order[d];
      const sigmaHalf = Math.max(0, eigenvalues[col]) ** 0.25; // σ^½, σ = √λ
      let u = 0;
      for (let i = 0; i < k; i++) u += q[r * k + i] * eigenvectors[i * k + col];
      // Fix each dimension's sign deterministically (first component of the eigenvector positive).
      const sign = eigenvectors[col] >= 0 ? 1 : -1;
      vectors[r * o.dim + d] = sign * u * sigmaHalf;
      norm += vectors[r * o.dim + d] ** 2;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < o.dim; d++) vectors[r * o.dim + d] *= s;
  }
  const weights = Float32Array.from(words, (w) => o.sifA / (o.sifA + counts.get(w)! / totalTokens));
  const centroids: Record<string, Float32Array> = {};
  for (const topic of topics) {
    const sum = new Float64Array(o.dim);
    let n = 0;
    for (const keyword of topic.keywords[lang] ?? []) {
      if (keyword.startsWith('{')) continue;
      const prefix = keyword.endsWith('*');
      const kwTokens = tokensOf(prefix ? keyword.slice(0, -1) : keyword);
      const members: number[] = [];
      kwTokens.forEach((t, i) => {
        if (prefix && i === kwTokens.length - 1) {
          let found = 0;
          for (let w = 0; w < V && found < 30; w++)
            if (words[w].startsWith(t)) {
              members.push(w);
              found++;
            }
        } else if (id.has(t)) members.push(id.get(t)!);
      });
      if (!members.length) continue;
      const kw = new Float64Array(o.dim);
      for (const w of members) for (let d = 0; d < o.dim; d++) kw[d] += vectors[w * o.dim + d];
      let norm = 0;
      for (const x of kw) norm += x * x;
      if (norm === 0) continue;
      for (let d = 0; d < o.dim; d++) sum[d] += kw[d] / Math.sqrt(norm);
      n++;
    }
    if (!n) continue;
    let norm = 0;
    for (const x of sum) norm += x * x;
    centroids[topic.key] = Float32Array.from(sum, (x) => x / Math.sqrt(norm));
  }
  return { words, vectors, weights, centroids };
}

/** Vectors for every language with enough text; `texts` are unlabelled (their labels are never read). */
export function learnWordVectors(
  texts: ReadonlyArray<{ text: string; lang: string }>,
  topics: readonly TopicKeywords[],
  partial: Partial<VectorOptions> = {},
): WordVectors {
  const o = { ...DEFAULT_VECTOR_OPTIONS, ...partial };
  const byLanguage = new Map<string, string[]>();
  for (const t of texts) {
    const lang = t.lang.split('-')[0];
    if (!['fa', 'ar', 'zh', 'en'].includes(lang)) continue;
    const list = byLanguage.get(lang) ?? [];
    list.push(t.text);
    byLanguage.set(lang, list);
  }
  const languages: Record<string, LanguageVectors> = {};
  for (const lang of [...byLanguage.keys()].sort()) {
    const v = languageVectors(byLanguage.get(lang)!, lang, topics, o);
    if (v) languages[lang] = v;
  }
  return { dim: o.dim, topics: topics.map((t) => t.key), languages };
}
