import { describe, expect, it } from 'vitest';
import { DEFAULT_BUILD_OPTIONS, lengthFeatures, sentimentExamples, type Featurized } from './build-model.js';
import { extractFeatures } from './features.js';
import type { LabelledText } from './training-data.js';

const item = (text: string, lang: string): LabelledText => ({ text, lang, source: 'test', sentiment: 'positive' });

describe('training-only length features', () => {
  it('put a text in a log2 bucket of its token count, per language and shared', () => {
    const short = lengthFeatures(item('عالی بود', 'fa'), 0.3);
    const long = lengthFeatures(item('گوشی خوبیه ولی باتریش زود تموم میشه و شارژر هم همراهش نبود', 'fa'), 0.3);
    expect(short.indices).toHaveLength(2);
    expect(Array.from(short.values)).toEqual([0.3, 0.3].map(Math.fround));
    expect(short.indices[0]).not.toBe(long.indices[0]);
    expect(short.indices[1]).not.toBe(long.indices[1]);
    // the shared bucket is the same across languages for the same length class
    expect(lengthFeatures(item('great service', 'en'), 1).indices[1]).toBe(short.indices[1]);
  });

  it('are added to sentiment examples only when asked, and never produced at prediction', () => {
    const text = 'The room was clean but the wifi kept dropping';
    const rows: Featurized[] = [{ item: item(text, 'en'), features: extractFeatures(text, 'en') }];
    const [plain] = sentimentExamples(rows, DEFAULT_BUILD_OPTIONS);
    const [withLength] = sentimentExamples(rows, DEFAULT_BUILD_OPTIONS, 0.3);
    const buckets = Array.from(lengthFeatures(rows[0].item, 0.3).indices);
    expect(withLength.indices.length).toBe(plain.indices.length + 2);
    expect(Array.from(withLength.indices.slice(-2))).toEqual(buckets);
    const predicted = new Set(extractFeatures(text, 'en').indices);
    expect(buckets.some((b) => predicted.has(b))).toBe(false);
  });
});
