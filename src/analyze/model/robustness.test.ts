import { describe, expect, it } from 'vitest';
import { extractFeatures, predict, SENTIMENTS } from './index.js';

const hostile: Array<[string, string]> = [
  ['empty', ''],
  ['spaces only', '   \n\t  '],
  ['emoji only', '😡😡😡👎'],
  ['100 KB text', 'خیلی بد بود '.repeat(9000)],
  ['control characters', 'bad\u0000\u0001\u0007\u001b[31m product\u007f\u0085'],
  ['lone surrogates', 'good \uD800 bad \uDFFF \uDBFF'],
  ['HTML', '<script>alert(1)</script><b>great</b> &amp; &#x1F600; <img src=x onerror=alert(1)>'],
  ['bidi and zero-width', '\u202Eغذا\u200Cخوب\u200B\uFEFF'],
  ['digits only', '1234567890'],
];

describe('predict on hostile input', () => {
  for (const language of ['fa', 'ar', 'zh', 'en', 'und', '']) {
    it.each(hostile)(`never throws (${language || 'no language'}): %s`, (_name, text) => {
      const result = predict(extractFeatures(text, language));
      expect(SENTIMENTS).toContain(result.sentiment.label);
      expect(result.sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(result.sentiment.score).toBeLessThanOrEqual(1);
      expect(Number.isFinite(result.type.confidence)).toBe(true);
      for (const p of Object.values(result.topics)) expect(Number.isFinite(p)).toBe(true);
    });
  }

  it('analyses a 100 KB text quickly (only the beginning is read)', () => {
    const start = performance.now();
    predict(extractFeatures('The delivery was late. '.repeat(4500), 'en'));
    expect(performance.now() - start).toBeLessThan(200);
  });
});
