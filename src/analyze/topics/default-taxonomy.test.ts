import { describe, it, expect } from 'vitest';
import { DEFAULT_TOPICS } from './default-taxonomy.js';
import { normalizeForSearch } from '../language/normalize-text.js';
import { KeywordMatcher } from './keyword-matcher.js';

const LANGS = ['fa', 'ar', 'zh', 'en'] as const;
const KEYS = ['price', 'delivery', 'support', 'product_quality', 'design_ux', 'payment', 'app_website', 'order', 'account', 'packaging'];

/** The form the matcher compares: normalised, without the prefix marker. */
const normalizedKeyword = (k: string) => normalizeForSearch(k.replace(/\*+\s*$/, ''));

describe('default taxonomy', () => {
  it('has the ten default topics, unique, in order', () => {
    expect(DEFAULT_TOPICS.map((t) => t.key)).toEqual(KEYS);
    expect(new Set(DEFAULT_TOPICS.map((t) => t.key)).size).toBe(KEYS.length);
  });

  it('names every topic and gives 10-250 keywords in each language', () => {
    for (const topic of DEFAULT_TOPICS) {
      for (const lang of LANGS) {
        expect(topic.names[lang].trim(), `${topic.key}/${lang} name`).not.toBe('');
        const n = topic.keywords[lang].length;
        expect(n >= 10 && n <= 250, `${topic.key}/${lang} has ${n} keywords`).toBe(true);
      }
    }
  });

  it('has keywords that are non-empty after normalisation and not duplicated within a language', () => {
    // Persian and Arabic share a script but each text is matched against its own language's
    // list, so the same spelling may appear in both; Latin and Chinese keywords apply to every text.
    for (const topic of DEFAULT_TOPICS) {
      const form = (k: string) => `${normalizedKeyword(k)}${k.trim().endsWith('*') ? '*' : ''}`;
      for (const lang of LANGS) {
        for (const k of topic.keywords[lang]) expect(normalizedKeyword(k), `${topic.key}/${lang}: "${k}"`).not.toBe('');
        const own = topic.keywords[lang].map(form);
        expect(
          own.filter((k, i) => own.indexOf(k) !== i),
          `${topic.key}/${lang} has duplicate keywords`,
        ).toEqual([]);
      }
      const shared = LANGS.flatMap((lang) => topic.keywords[lang].filter((k) => !/[\u0600-\u06FF]/.test(k)).map(form));
      expect(
        shared.filter((k, i) => shared.indexOf(k) !== i),
        `${topic.key} repeats a Latin or Chinese keyword`,
      ).toEqual([]);
    }
  });

  it('has two examples per language (eight per topic), each matching its own topic', () => {
    const matcher = new KeywordMatcher(DEFAULT_TOPICS);
    for (const topic of DEFAULT_TOPICS) {
      expect(topic.examples.length).toBe(8);
      expect(new Set(topic.examples).size).toBe(8);
      for (const example of topic.examples) {
        expect([...matcher.match(example).keys()], `${topic.key}: ${example}`).toContain(topic.key);
      }
    }
  });
});
