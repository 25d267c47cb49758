import { describe, expect, it } from 'vitest';
import { deserializeDelta, extractFeatures, predict, serializeDelta, trainWorkspaceDelta, type CorrectionExample } from './index.js';

const shippingTexts = [
  'ارسال خیلی طول کشید',
  'زمان ارسال سفارش زیاد بود',
  'ارسال کالا یک هفته طول کشید',
  'ارسال با تاخیر انجام شد',
  'هزینه ارسال رو کم کنید و سریعتر بفرستید',
  'ارسال به شهرستان کند است',
  'چرا ارسال اینقدر کند است؟',
  'ارسال دیر بود ولی محصول خوب بود',
];
const unrelatedFa = ['کیفیت پارچه عالی است و رنگش قشنگه', 'پشتیبانی تلفنی جواب نمی‌دهد', 'قیمت این گوشی خیلی بالاست'];

const topicCorrections: CorrectionExample[] = shippingTexts.map((text) => ({
  text,
  language: 'fa',
  field: 'topics',
  labels: ['shipping_speed'],
}));

// "no complaints" reads as negative to a generic model; this workspace uses it as praise.
const phraseTexts = [
  'works as expected, no complaints',
  'no complaints about the order',
  'the delivery was fine, no complaints',
  'no complaints from our team',
  'packaging ok, no complaints',
  'no complaints so far',
  'used it for a month, no complaints',
  'no complaints at all',
];
const sentimentCorrections: CorrectionExample[] = phraseTexts.map((text) => ({
  text,
  language: 'en',
  field: 'sentiment',
  labels: ['positive'],
}));

const analyse = (text: string, language: string, delta?: Parameters<typeof predict>[1]) => predict(extractFeatures(text, language), delta);

describe('workspace delta', () => {
  it('learns a custom topic from 8 corrections and applies it to new similar texts only', async () => {
    const delta = await trainWorkspaceDelta(topicCorrections);
    const similar = analyse('ارسال سفارشم خیلی کند بود', 'fa', delta);
    expect(similar.topics.shipping_speed).toBeGreaterThan(0.5);
    expect(analyse('ارسال خیلی کند بود', 'fa', delta).topics.shipping_speed).toBeGreaterThan(0.5);
    for (const text of unrelatedFa) {
      const withDelta = analyse(text, 'fa', delta);
      const without = analyse(text, 'fa');
      expect(withDelta.topics.shipping_speed).toBeLessThan(0.5);
      expect(withDelta.sentiment.label).toBe(without.sentiment.label);
      expect(withDelta.type.label).toBe(without.type.label);
      for (const [topic, p] of Object.entries(without.topics)) expect(withDelta.topics[topic] > 0.5).toBe(p > 0.5);
    }
    expect(analyse('送餐太慢了', 'zh', delta).topics.shipping_speed).toBeLessThan(0.2);
  });

  it('re-labels a phrase’s sentiment and leaves other texts alone', async () => {
    const before = analyse('honestly, no complaints here', 'en');
    const delta = await trainWorkspaceDelta(sentimentCorrections);
    expect(analyse('honestly, no complaints here', 'en', delta).sentiment.label).toBe('positive');
    expect(analyse('honestly, no complaints here', 'en', delta).sentiment.score).toBeGreaterThan(before.sentiment.score);
    for (const [text, language] of [
      ['Terrible product, it broke after a day', 'en'],
      ['I love it, excellent quality', 'en'],
      ['太难吃了', 'zh'],
    ]) {
      expect(analyse(text, language, delta).sentiment.label).toBe(analyse(text, language).sentiment.label);
    }
  });

  it('round-trips through serializeDelta / deserializeDelta with identical predictions', async () => {
    const delta = await trainWorkspaceDelta([
      ...topicCorrections,
      ...sentimentCorrections,
      { text: 'the app crashes on login', language: 'en', field: 'type', labels: ['bug'] },
    ]);
    const bytes = serializeDelta(delta);
    expect(bytes).toBeInstanceOf(Uint8Array);
    // Stored bytes come back from the database as an unaligned slice of a bigger buffer.
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const restored = deserializeDelta(padded.subarray(3));
    for (const [text, language] of [
      ['ارسال دیر شد', 'fa'],
      ['no complaints', 'en'],
      ['the app crashes on login', 'en'],
    ]) {
      expect(analyse(text, language, restored)).toEqual(analyse(text, language, delta));
    }
    expect(() => deserializeDelta(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('yields to the event loop, reports progress and handles thousands of corrections in seconds', async () => {
    const many: CorrectionExample[] = [];
    for (let i = 0; i < 3000; i++) {
      many.push({
        text: `${shippingTexts[i % 8]} ${i}`,
        language: 'fa',
        field: i % 3 === 0 ? 'topics' : i % 3 === 1 ? 'sentiment' : 'type',
        labels: i % 3 === 0 ? ['shipping_speed', 'delivery'] : i % 3 === 1 ? ['negative'] : ['complaint'],
      });
    }
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const progress: number[] = [];
    const start = performance.now();
    await trainWorkspaceDelta(many, {
      onProgress: (f) => {
        progress.push(f);
      },
    });
    clearInterval(timer);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(ticks).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
  });

  it('ignores corrections with unknown labels and trains nothing from an empty list', async () => {
    const delta = await trainWorkspaceDelta([{ text: 'x', language: 'en', field: 'sentiment', labels: ['furious'] }]);
    expect(analyse('good', 'en', delta)).toEqual(analyse('good', 'en'));
    expect(analyse('good', 'en', await trainWorkspaceDelta([]))).toEqual(analyse('good', 'en'));
  });
});
