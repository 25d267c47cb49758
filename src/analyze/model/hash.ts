/**
 * Feature hashing: every feature (a word, a word pair, a character n-gram) is mapped to one of
 * HASH_BUCKETS weight slots by a 32-bit FNV-1a hash of its UTF-16 code units. Hashing a slice in
 * place (no substring) keeps feature extraction allocation-free, which is most of the throughput.
 */

/** Number of weight slots per head; 2^20 keeps collisions rare for ~2M distinct features. */
export const HASH_BITS = 20;
export const HASH_BUCKETS = 1 << HASH_BITS;
const MASK = HASH_BUCKETS - 1;

const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over `text[start, end)`, continuing from `seed` (pass a namespace hash as the seed). */
export function hashSlice(seed: number, text: string, start: number, end: number): number {
  let h = seed;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export function hashString(text: string, seed = FNV_OFFSET): number {
  return hashSlice(seed, text, 0, text.length);
}

/** Mixes one more 32-bit value into a hash (word pairs: hash of the first word, then the second). */
export function hashCombine(h: number, value: number): number {
  let x = (h ^ value) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Final avalanche so that the low bits used as the bucket depend on every input character. */
export function toBucket(h: number): number {
  return hashCombine(h, 0x9e3779b9) & MASK;
}
