/**
 * Word tokens for search and for the model's word features, the same for every language:
 * the text is normalised (normalize-text.ts: letter variants, digits, ZWNJ, case), Chinese runs
 * are segmented into words with jieba (Intl.Segmenter if the native module cannot load), and
 * everything else is split at anything that is not a letter, mark or digit.
 */
import { createRequire } from 'node:module';
import { normalizeForSearch } from './normalize-text.js';

interface Segmenter {
  cut(text: string): string[];
}

const HAN_RUN_RE = /[\p{Script=Han}]+/gu;
const HAS_HAN_RE = /\p{Script=Han}/u;
const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;
const IS_WORD_RE = /[\p{L}\p{N}]/u;

let segmenter: Segmenter | null = null;

function chineseSegmenter(): Segmenter {
  if (segmenter) return segmenter;
  try {
    // createRequire: the package is CommonJS with a native binding and a separate dictionary.
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    segmenter = { cut: (text) => jieba.cut(text, false) };
  } catch {
    const intl = new Intl.Segmenter('zh', { granularity: 'word' });
    segmenter = { cut: (text) => Array.from(intl.segment(text), (s) => s.segment) };
  }
  return segmenter;
}

/** Splits normalised text into words; Chinese runs become jieba words. */
export function tokenizeNormalized(normalized: string): string[] {
  if (!HAS_HAN_RE.test(normalized)) return normalized.match(WORD_RE) ?? [];
  const tokens: string[] = [];
  let last = 0;
  for (const run of normalized.matchAll(HAN_RUN_RE)) {
    const start = run.index ?? 0;
    for (const m of normalized.slice(last, start).matchAll(WORD_RE)) tokens.push(m[0]);
    for (const word of chineseSegmenter().cut(run[0])) if (IS_WORD_RE.test(word)) tokens.push(word);
    last = start + run[0].length;
  }
  for (const m of normalized.slice(last).matchAll(WORD_RE)) tokens.push(m[0]);
  return tokens;
}

/** Normalises then tokenizes: what search documents, search queries and word features use. */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalizeForSearch(text));
}
