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

  it('names every topic and gives 10-25 keywords in each language', () => {
    for (const topic of DEFAULT_TOPICS) {
      for (const lang of LANGS) {
        expect(topic.names[lang].trim(), `${topic.key}/${lang} name`).not.toBe('');
        const n = topic.keywords[lang].length;
        expect(n >= 10 && n <= 25, `${topic.key}/${lang} has ${n} keywords`).toBe(true);
      }
    }
  });

  it('has keywords that are non-empty after normalisation and not duplicated within a topic', () => {
    for (const topic of DEFAULT_TOPICS) {
      const all = LANGS.flatMap((lang) => topic.keywords[lang].map((k) => `${normalizedKeyword(k)}${k.trim().endsWith('*') ? '*' : ''}`));
      for (const lang of LANGS) {
        for (const k of topic.keywords[lang]) expect(normalizedKeyword(k), `${topic.key}/${lang}: "${k}"`).not.toBe('');
      }
      const dups = all.filter((k, i) => all.indexOf(k) !== i);
      expect(dups, `${topic.key} has duplicate keywords`).toEqual([]);
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
