import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS } from '../topics/default-taxonomy.js';
import { staticAnalysisContext } from './analysis-context.js';
import { analyzeText } from './analyze-text.js';
import { analysisWarm, analyzeTextSoon } from './warm-up-analysis.js';

const context = staticAnalysisContext(DEFAULT_TOPICS.map((t) => ({ key: t.key, keywords: t.keywords })));

describe('analyzeTextSoon', () => {
  it('answers as analyzeText does, whether the text needs the language detector (Latin) or not', async () => {
    const texts = ['ارسال خیلی دیر بود ولی پشتیبانی خوب جواب داد', '快递太慢了，但是客服很好', 'Delivery was late but support was great'];
    const soon = [];
    for (const text of texts) soon.push(await analyzeTextSoon(text, context));
    expect(analysisWarm()).toBe(true); // the Latin text loaded the detector if nothing had before
    expect(soon).toEqual(texts.map((text) => analyzeText(text, context)));
    expect(soon.map((r) => r.language)).toEqual(['fa', 'zh', 'en']);
  });
});
