/**
 * Matches a taxonomy's keywords against feedback text. Keywords and text are normalised the
 * same way (normalize-text.ts), so ي/ی, ك/ک, diacritics, digits and ZWNJ never decide a match.
 * A keyword matches whole words or a run of consecutive words; a trailing `*` makes its last word
 * a prefix; a keyword with Chinese characters matches as a substring of the normalised text
 * (Chinese has no spaces, and segmenters disagree on word boundaries).
 */
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenizeNormalized } from '../language/tokenize.js';
import { appendTo } from '../../platform/group-by.js';

interface WordPattern { topic: string; words: string[]; prefix: boolean }
export interface TopicKeywords { key: string; keywords: Partial<Record<string, string[]>> }

const HAN_RE = /\p{Script=Han}/u;

export class KeywordMatcher {
  private readonly byFirstWord = new Map<string, WordPattern[]>();
  // Single-word prefixes, by their first character (a token can only start with a prefix that
  // shares it): each token is checked against a handful instead of every one.
  private readonly prefixesByFirstChar = new Map<string, WordPattern[]>();
  private readonly substrings: Array<{ topic: string; text: string }> = [];

  constructor(topics: readonly TopicKeywords[]) {
    for (const topic of topics) {
      for (const list of Object.values(topic.keywords)) {
        for (const raw of list ?? []) this.add(topic.key, raw);
      }
    }
  }

  private add(topic: string, raw: string) {
    const prefix = raw.trim().endsWith('*');
    const normalized = normalizeForSearch(raw.replace(/\*+\s*$/, ''));
    if (!normalized) return;
    if (HAN_RE.test(normalized)) {
      this.substrings.push({ topic, text: normalized });
      return;
    }
    const words = tokenizeNormalized(normalized);
    if (words.length === 0) return;
    const pattern = { topic, words, prefix };
    if (prefix && words.length === 1) appendTo(this.prefixesByFirstChar, words[0][0], pattern);
    else appendTo(this.byFirstWord, words[0], pattern);
  }

  /**
   * Topic keys whose keywords occur in the text, with the keywords that matched. `prepared` is
   * the text already normalised and split (analysis does that once for the model and this).
   */
  match(text: string, prepared?: { normalized: string; tokens: string[] }): Map<string, string[]> {
    const normalized = prepared?.normalized ?? normalizeForSearch(text);
    const hits = new Map<string, string[]>();
    const hit = (topic: string, what: string) => {
      const list = hits.get(topic) ?? [];
      if (!list.includes(what)) list.push(what);
      hits.set(topic, list);
    };
    if (this.substrings.length && HAN_RE.test(normalized)) {
      for (const s of this.substrings) if (normalized.includes(s.text)) hit(s.topic, s.text);
    }
    const tokens = prepared?.tokens ?? tokenizeNormalized(normalized);
    for (let i = 0; i < tokens.length; i++) {
      for (const p of this.prefixesByFirstChar.get(tokens[i][0]) ?? []) if (tokens[i].startsWith(p.words[0])) hit(p.topic, `${p.words[0]}*`);
      for (const p of this.byFirstWord.get(tokens[i]) ?? []) {
        if (matchesAt(tokens, i, p)) hit(p.topic, p.words.join(' ') + (p.prefix ? '*' : ''));
      }
    }
    return hits;
  }
}

function matchesAt(tokens: string[], start: number, p: WordPattern): boolean {
  if (start + p.words.length > tokens.length) return false;
  for (let k = 1; k < p.words.length; k++) {
    const last = k === p.words.length - 1;
    const token = tokens[start + k];
    if (last && p.prefix ? !token.startsWith(p.words[k]) : token !== p.words[k]) return false;
  }
  return true;
}
