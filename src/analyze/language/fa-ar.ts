/**
 * Persian vs Arabic disambiguation: a character n-gram naive Bayes (log-likelihood ratio) over
 * Arabic-script words. Shared by the detector (scoring) and scripts/train-fa-ar-model.ts
 * (training), so both see exactly the same features.
 *
 * Features are taken after folding the letters that people type interchangeably depending on
 * their keyboard (Arabic ي/ى vs Persian ی, Arabic ك vs Persian ک): Persian typed on an Arabic
 * keyboard, or Arabic typed on a Persian one, must not flip the decision. What is left is real
 * linguistic evidence: Persian-only letters (پ چ ژ گ), ZWNJ inside words (می‌/ها), function words
 * and affixes (است، را، که، می، های vs في، من، على، الذي، ال...), ة, أ/إ, and so on.
 */

export interface FaArModel {
  /** longest n-gram, in characters, including the word-boundary space */
  maxN: number;
  /** weights are stored as round(logRatio * scale) to keep the file small */
  scale: number;
  /** n-gram -> scaled log P(g|fa) - log P(g|ar); positive means Persian */
  weights: Record<string, number>;
}

// Harakat, superscript alef, Quranic marks and tatweel carry no fa/ar evidence worth the noise.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Arabic-script letters (incl. Persian/Urdu/Kurdish extensions); ZWNJ is kept as "|" because it
// is a strong, general Persian orthographic signal (می‌خواهم، کتاب‌ها).
const WORD = /[\u0621-\u063A\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F|]+/g;
const MAX_CHARS = 1500;

/** Arabic-script words of `text`, NFKC-normalized and keyboard-folded. */
export function arabicScriptWords(text: string): string[] {
  const folded = text
    .slice(0, MAX_CHARS)
    .normalize('NFKC')
    .replace(MARKS, '')
    .replace(/[\u064A\u0649]/g, '\u06CC') // ي ى -> ی
    .replace(/\u0643/g, '\u06A9') // ك -> ک
    .replace(/\u200C/g, '|');
  const words = folded.match(WORD) ?? [];
  const out: string[] = [];
  for (const w of words) {
    const trimmed = w.replace(/^\|+|\|+$/g, '');
    if (trimmed) out.push(trimmed);
  }
  return out;
}

/** Calls `visit` for every character n-gram (1..maxN) of every space-padded word. */
export function forEachNgram(words: string[], maxN: number, visit: (gram: string) => void): void {
  for (const word of words) {
    const padded = ` ${word} `;
    for (let n = 1; n <= maxN; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = padded.slice(i, i + n);
        if (gram !== ' ') visit(gram);
      }
    }
  }
}

export interface FaArScore {
  /** summed log-likelihood ratio (natural log units); > 0 means Persian */
  score: number;
  /** number of n-grams that the model knew */
  matched: number;
}

export function createFaArScorer(model: FaArModel): (text: string) => FaArScore {
  const table = new GramTable(model);
  const inv = 1 / model.scale;
  return (text: string) => {
    let sum = 0;
    let matched = 0;
    // The n-grams of forEachNgram, hashed in place (no substrings) as they grow from each start.
    for (const word of arabicScriptWords(text)) {
      const padded = ` ${word} `;
      for (let i = 0; i < padded.length; i++) {
        let h1 = SEED_1;
        let h2 = SEED_2;
        for (let j = i; j < padded.length && j - i < model.maxN; j++) {
          const c = padded.charCodeAt(j);
          h1 = Math.imul(h1 ^ c, PRIME_1);
          h2 = Math.imul(h2 ^ c, PRIME_2);
          if (j === i && c === 32) continue; // the lone space is no n-gram
          const w = table.get(h1 >>> 0, h2 >>> 0);
          if (w !== undefined) {
            sum += w;
            matched++;
          }
        }
      }
    }
    return { score: sum * inv, matched };
  };
}

// Two independent 32-bit hashes (FNV-1a with different seeds and primes) identify a gram: a false
// match needs both to collide (about 1 in 2^64 per lookup).
const SEED_1 = 0x811c9dc5;
const PRIME_1 = 0x01000193;
const SEED_2 = 0x050c5d1f;
const PRIME_2 = 0x2127599b;

function gramHashes(gram: string): [number, number] {
  let h1 = SEED_1;
  let h2 = SEED_2;
  for (let j = 0; j < gram.length; j++) {
    h1 = Math.imul(h1 ^ gram.charCodeAt(j), PRIME_1);
    h2 = Math.imul(h2 ^ gram.charCodeAt(j), PRIME_2);
  }
  return [h1 >>> 0, h2 >>> 0];
}

/** The model's n-gram weights in an open-addressing table keyed by the two hashes. */
class GramTable {
  private readonly mask: number;
  private readonly key1: Uint32Array;
  private readonly key2: Uint32Array;
  private readonly weight: Float64Array;
  private readonly used: Uint8Array;

  constructor(model: FaArModel) {
    const entries = Object.entries(model.weights);
    let size = 1024;
    while (size < entries.length * 2) size *= 2;
    this.mask = size - 1;
    this.key1 = new Uint32Array(size);
    this.key2 = new Uint32Array(size);
    this.weight = new Float64Array(size);
    this.used = new Uint8Array(size);
    for (const [gram, w] of entries) {
      const [h1, h2] = gramHashes(gram);
      let slot = h1 & this.mask;
      while (this.used[slot]) slot = (slot + 1) & this.mask;
      this.used[slot] = 1;
      this.key1[slot] = h1;
      this.key2[slot] = h2;
      this.weight[slot] = w;
    }
  }

  get(h1: number, h2: number): number | undefined {
    for (let slot = h1 & this.mask; this.used[slot]; slot = (slot + 1) & this.mask) {
      if (this.key1[slot] === h1 && this.key2[slot] === h2) return this.weight[slot];
    }
    return undefined;
  }
}
