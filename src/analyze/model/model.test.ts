import { describe, expect, it } from 'vitest';
import { extractFeatures, FEEDBACK_TYPES, MODEL_TOPICS, MODEL_VERSION, predict, SENTIMENTS } from './index.js';
import { decodeModel, encodeModel } from './artifact.js';
import { loadBaseModel } from './load-model.js';
import { headLogits, modelLogits } from './model.js';

const analyse = (text: string, language: string) => predict(extractFeatures(text, language));

describe('shipped analysis model', () => {
  it('loads, has a version and exposes the product taxonomy', () => {
    expect(MODEL_VERSION).toMatch(/^analysis-[0-9a-f]{12}$/);
    expect(SENTIMENTS).toEqual(['negative', 'neutral', 'positive']);
    expect(FEEDBACK_TYPES).toContain('bug');
    expect(MODEL_TOPICS).toContain('delivery');
    expect(MODEL_TOPICS).not.toContain('ambience');
  });

  const clearSentiment: Array<[string, string, 'negative' | 'positive']> = [
    ['fa', 'خیلی عالی بود، کیفیتش فوق‌العاده است. ممنونم', 'positive'],
    ['fa', 'افتضاح بود، اصلا کار نمی‌کنه و پولم هدر رفت', 'negative'],
    ['ar', 'الخدمة ممتازة والموظفين رائعين جدا', 'positive'],
    ['ar', 'سيء جدا، أسوأ تجربة ولن أعود مرة أخرى', 'negative'],
    ['zh', '非常好吃，送得也很快，下次还会再来', 'positive'],
    ['zh', '太难吃了，送了两个小时，再也不点了', 'negative'],
    ['en', 'Excellent quality, I love it and would recommend it', 'positive'],
    ['en', 'Terrible, it broke after one day. Very disappointed', 'negative'],
  ];
  it.each(clearSentiment)('%s sentiment of a clear text: %s → %s', (language, text, expected) => {
    const result = analyse(text, language);
    expect(result.sentiment.label).toBe(expected);
    expect(Math.sign(result.sentiment.score)).toBe(expected === 'positive' ? 1 : -1);
    expect(result.sentiment.confidence).toBeGreaterThan(0.5);
    expect(result.sentiment.confidence).toBeLessThanOrEqual(1);
  });

  it('recognises clear support requests, complaints and topics', () => {
    const refund = analyse('How can I get a refund for my last invoice?', 'en');
    expect(refund.type.label).toBe('question');
    expect(refund.topics.payment).toBeGreaterThan(0.5);
    expect(analyse('I want to file a complaint about your customer service', 'en').type.label).toBe('complaint');
    expect(analyse('where is my package? the delivery is late and the shipping address is wrong', 'en').topics.delivery).toBeGreaterThan(
      0.5,
    );
    expect(analyse('The waiter was rude and the service was slow', 'en').topics.support).toBeGreaterThan(0.5);
  });

  it('returns a probability for every product topic and nothing internal', () => {
    const result = analyse('قیمتش خیلی گرونه ولی طعمش خوبه', 'fa');
    expect(Object.keys(result.topics).sort()).toEqual([...MODEL_TOPICS].sort());
    for (const p of Object.values(result.topics)) expect(p).toBeGreaterThanOrEqual(0), expect(p).toBeLessThanOrEqual(1);
    expect(result.topics.price).toBeGreaterThan(0.5);
  });

  it('survives an encode/decode round trip of the artifact with identical scores', () => {
    const model = loadBaseModel();
    const again = decodeModel(encodeModel(model));
    const features = extractFeatures('送餐太慢了', 'zh');
    expect(Array.from(headLogits(again.sentiment, features))).toEqual(Array.from(headLogits(model.sentiment, features)));
  });

  it('scores all heads in one pass exactly as head by head', () => {
    const model = loadBaseModel();
    for (const [text, language] of [
      ['پیک دیر رسید ولی غذا خوب بود', 'fa'],
      ['送餐太慢了，但是味道不错', 'zh'],
    ]) {
      const features = extractFeatures(text, language);
      const fused = modelLogits(model, features);
      for (const head of ['sentiment', 'type', 'topics'] as const) {
        expect(Array.from(fused[head])).toEqual(Array.from(headLogits(model[head], features)));
      }
    }
  });

  it('applies the Chinese NB term to Chinese texts only', () => {
    const model = loadBaseModel();
    const term = model.sentiment.languageTerm;
    expect(term?.language).toBe('zh');
    const withoutTerm = { ...model.sentiment, languageTerm: undefined };
    const zh = extractFeatures('太难吃了，再也不点了', 'zh');
    expect(Array.from(headLogits(model.sentiment, zh))).not.toEqual(Array.from(headLogits(withoutTerm, zh)));
    const ja = extractFeatures('太難吃了', 'xx');
    expect(Array.from(headLogits(model.sentiment, ja))).toEqual(Array.from(headLogits(withoutTerm, ja)));
    // It moves probability between negative and positive only: neutral keeps what the shared head gives it.
    const softmax = (logits: Float32Array) => {
      const max = Math.max(...logits);
      const e = Array.from(logits, (x) => Math.exp(x - max));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((x) => x / sum);
    };
    const neutral = model.sentiment.outputs.indexOf('neutral');
    const positive = model.sentiment.outputs.indexOf('positive');
    const [withTerm, shared] = [softmax(headLogits(model.sentiment, zh)), softmax(headLogits(withoutTerm, zh))];
    expect(withTerm[neutral]).toBeCloseTo(shared[neutral], 5);
    expect(withTerm[positive]).not.toBeCloseTo(shared[positive], 3);
  });
});
