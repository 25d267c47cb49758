import { describe, it, expect } from 'vitest';
import { DEFAULT_TOPICS } from './default-taxonomy.js';
import { normalizeForSearch } from '../normalize-text.js';
import { KeywordMatcher } from './keyword-matcher.js';

const LANGS = ['fa', 'ar', 'zh', 'en'] as const;

describe('default taxonomy', () => {
  it('has the ten default topics in order, each named and with keywords in four languages', () => {
    expect(DEFAULT_TOPICS.map((t) => t.key)).toEqual(['price', 'delivery', 'support', 'product_quality', 'design_ux', 'payment', 'app_website', 'order', 'account', 'packaging']);
    for (const topic of DEFAULT_TOPICS) {
      for (const lang of LANGS) {
        expect(topic.names[lang].trim()).not.toBe('');
        expect(topic.keywords[lang].length).toBeGreaterThanOrEqual(5);
        const normalized = topic.keywords[lang].map((k) => normalizeForSearch(k.replace(/\*$/, '')));
        expect(normalized.every(Boolean)).toBe(true);
        expect(new Set(normalized).size, `${topic.key}/${lang} has duplicate keywords`).toBe(normalized.length);
      }
      expect(topic.examples.length).toBe(8);
    }
  });

  it("each topic's own examples match its keywords", () => {
    const matcher = new KeywordMatcher(DEFAULT_TOPICS);
    for (const topic of DEFAULT_TOPICS) {
      for (const example of topic.examples) expect([...matcher.match(example).keys()], `${topic.key}: ${example}`).toContain(topic.key);
    }
  });
});
