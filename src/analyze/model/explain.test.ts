import { describe, it, expect } from 'vitest';
import { explainPrediction, featureContributions } from './explain.js';
import { extractFeatures } from './features.js';
import { headLogits } from './model.js';
import { loadBaseModel } from './load-model.js';
import { predict } from './index.js';

const TEXTS: Array<[string, string]> = [
  ['en', 'The delivery was late again and the courier was rude 😡'],
  ['en', "Great app, love the new design! Didn't crash once."],
  ['fa', 'سفارشم دو هفته دیر رسید و پیک بی‌ادب بود'],
  ['fa', 'کیفیت عالی بود، ممنون از ارسال سریع'],
  ['ar', 'التوصيل متأخر والتغليف كان ممزق، خدمة سيئة جدا'],
  ['ar', 'التطبيق ممتاز وسهل الاستخدام'],
  ['zh', '快递太慢了，包装也破了，客服态度很差'],
  ['zh', '味道很好，送餐也快，好评！'],
  ['xx', 'dir resid va peyk bad akhlagh bood'],
];

describe('explainPrediction', () => {
  it('traces every feature of the text back to a word (the model hashes words as the explainer does)', () => {
    for (const [lang, text] of TEXTS) expect(explainPrediction(text, lang, { topics: [] }).coverage, `${lang}: ${text}`).toBe(1);
  });

  it("reads the model's own weights: contributions add up to its logits", () => {
    const model = loadBaseModel();
    for (const [lang, text] of TEXTS) {
      const features = extractFeatures(text, lang);
      for (const head of [model.sentiment, model.topics]) {
        const summed = featureContributions(head, features).reduce(
          (acc, c) => acc.map((x, k) => x + c[k]),
          new Array<number>(head.outputs.length).fill(0),
        );
        const logits = headLogits(head, features);
        // The per-language neutral margin is a constant of the head, not a feature's contribution.
        const bias = head.languageBias?.[features.language ?? ''];
        if (bias) for (let k = 0; k < bias.length; k++) summed[k] += bias[k];
        // The Chinese term keeps neutral's probability through a shift of the others: compare differences there.
        const gap = (xs: ArrayLike<number>, a: number, b: number) => xs[a] - xs[b];
        for (let k = 1; k < head.outputs.length; k++) {
          if (head === model.sentiment && lang === 'zh') expect(gap(summed, 2, 0)).toBeCloseTo(gap(logits, 2, 0), 3);
          else expect(summed[k], `${lang} ${head.outputs[k]}`).toBeCloseTo(logits[k], 3);
        }
      }
    }
  });

  it('names the words that pushed a complaint towards negative and those behind each topic', () => {
    const text = 'The delivery was late again and the courier was rude 😡';
    const p = predict(extractFeatures(text, 'en'));
    expect(p.sentiment.label).toBe('negative');
    const e = explainPrediction(text, 'en', {
      sentiment: p.sentiment,
      topics: ['delivery', 'support'],
      matchedKeywords: { delivery: ['delivery', 'courier'], support: ['rude'] },
    });
    expect(e.sentiment!.label).toBe('negative');
    expect(e.sentiment!.towards.map((w) => w.text)).toContain('rude');
    expect(e.sentiment!.towards.length).toBeLessThanOrEqual(5);
    expect(e.sentiment!.towards.map((w) => w.text)).not.toContain('the'); // function words are not shown
    const delivery = e.topics.find((t) => t.key === 'delivery')!;
    expect(delivery.keywords).toEqual(['delivery', 'courier']);
    expect(delivery.words[0].text).toBe('delivery');
    expect(e.topics.find((t) => t.key === 'support')!.keywords).toEqual(['rude']);
  });

  it('shows the words as the customer wrote them, glued clitics and ZWNJ included', () => {
    const ar = explainPrediction('التوصيل متأخر والتغليف كان ممزق، خدمة سيئة جدا', 'ar', {
      sentiment: { label: 'negative' },
      topics: ['packaging'],
      matchedKeywords: { packaging: ['تغلیف'] },
    });
    expect(ar.topics[0].keywords).toEqual(['والتغليف']);
    expect(ar.sentiment!.towards.map((w) => w.text)).toContain('سيئة');
    const fa = explainPrediction('پیک بی‌ادب بود', 'fa', {
      sentiment: { label: 'negative' },
      topics: ['support'],
      matchedKeywords: { support: ['بیادب*'] },
    });
    expect(fa.topics[0].keywords).toEqual(['بی‌ادب']);
  });

  it('explains nothing it was not asked about, and survives empty or odd text', () => {
    expect(explainPrediction('', 'en', { sentiment: null, topics: [] })).toEqual({
      language: 'en',
      sentiment: null,
      topics: [],
      coverage: 1,
    });
    expect(explainPrediction('🙂🙂', 'und', { sentiment: { label: 'positive' }, topics: ['price'] }).topics[0].key).toBe('price');
  });
});
