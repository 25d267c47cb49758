import { afterAll, describe, expect, it } from 'vitest';
import { extractFeatures, VECTOR_BUCKETS } from './features.js';
import { learnWordVectors } from './learn-word-vectors.js';
import { decodeWordVectors, encodeWordVectors, setWordVectors, VECTOR_DIM, VectorLookup, wordVectors } from './word-vectors.js';

// A small unlabelled corpus: delivery words share contexts with each other, price words with theirs.
const CORPUS = Array.from({ length: 60 }, (_, i) => [
  `the courier came late and the parcel arrived late again ${i % 7}`,
  `the delivery came late and the package arrived late ${i % 5}`,
  `the shipping was slow and the parcel arrived damaged ${i % 3}`,
  `the price is too high and the cost is not worth it ${i % 7}`,
  `the cost went up and the price is expensive now ${i % 5}`,
  `too expensive for the price and the cost ${i % 3}`,
  `the app crashes and the screen freezes on login ${i % 4}`,
  `the website crashes and the page freezes on login ${i % 6}`,
]).flat();
const TOPICS = [
  { key: 'delivery', keywords: { en: ['delivery', 'shipping'] } },
  { key: 'price', keywords: { en: ['price*'] } },
];

function cosine(lookup: VectorLookup, a: string, b: string): number {
  const x = new Float32Array(VECTOR_DIM);
  const y = new Float32Array(VECTOR_DIM);
  lookup.vectorOf(a, x);
  lookup.vectorOf(b, y);
  return x.reduce((s, v, k) => s + v * y[k], 0);
}

describe('word vectors learnt from unlabelled text', () => {
  const learnt = learnWordVectors(
    CORPUS.map((text) => ({ text, lang: 'en' })),
    TOPICS,
    { dim: VECTOR_DIM, minCount: 2, oversample: 8 },
  );
  const decoded = decodeWordVectors(encodeWordVectors(learnt));
  const lookup = new VectorLookup(decoded.languages.en, decoded.dim, ['delivery', 'price']);
  afterAll(() => setWordVectors(undefined));

  it('survive the int8 file format and place words used alike near each other', () => {
    expect(decoded.languages.en.words).toEqual(learnt.languages.en.words);
    expect(cosine(lookup, 'courier', 'delivery')).toBeGreaterThan(cosine(lookup, 'courier', 'cost'));
    expect(cosine(lookup, 'cost', 'price')).toBeGreaterThan(cosine(lookup, 'cost', 'parcel'));
  });

  it('give an unseen spelling a vector from its character n-grams', () => {
    const v = new Float32Array(VECTOR_DIM);
    expect(lookup.vectorOf('deliveryy', v)).toBe(-2);
    expect(cosine(lookup, 'deliveryy', 'delivery')).toBeGreaterThan(0.3);
  });

  it('feed only the vector buckets of a text, and only while vectors are set', () => {
    setWordVectors(decoded);
    const on = extractFeatures('the courier came late', 'en');
    const vectorEntries = [...on.indices].filter((b) => VECTOR_BUCKETS.has(b));
    expect(vectorEntries.length).toBeGreaterThan(VECTOR_DIM / 2);
    setWordVectors(null);
    expect(wordVectors()).toBeNull();
    const off = extractFeatures('the courier came late', 'en');
    expect([...off.indices].some((b) => VECTOR_BUCKETS.has(b))).toBe(false);
    // Everything else is the same features with the same values.
    expect([...on.indices].filter((b) => !VECTOR_BUCKETS.has(b))).toEqual([...off.indices]);
  });

  it("rate a text by its closest word to each topic's keywords", () => {
    const mean = new Float32Array(VECTOR_DIM);
    const best = new Float32Array(2);
    expect(lookup.read(['the', 'courier', 'came'], mean, best)).toBe(true);
    expect(best[0]).toBeGreaterThan(best[1]);
    expect(lookup.read(['too', 'expensive'], mean, best)).toBe(true);
    expect(best[1]).toBeGreaterThan(best[0]);
  });
});
