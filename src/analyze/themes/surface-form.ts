/**
 * Maps normalised word tokens back to the text the customer typed, so a theme is shown as
 * "Courier" or "پیک‌ها", not as the search key "courier" / "پیکها". The text is split into the
 * same tokens tokenize() produces, each with its character range in the original: words are
 * normalised one by one, Chinese runs are cut by the same segmenter, and the Persian affixes
 * می / نمی / ها that normalisation glues across a plain space are glued here too.
 */
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenizeNormalized } from '../language/tokenize.js';

export interface SurfaceToken {
  key: string;
  start: number;
  end: number;
}

// Letters, marks, digits and the invisible characters normalisation deletes (ZWNJ, bidi marks,
// soft hyphen, tatweel): deleting them joins the parts, so they belong inside a word here.
const SPAN_RE = /[\p{L}\p{M}\p{N}\u200B-\u200F\u00AD\u2060-\u2064\uFEFF\u0640]+/gu;
const HAN_SPLIT_RE = /(\p{Script=Han}+)/u;
const HAS_HAN_RE = /\p{Script=Han}/u;
const ARABIC_LETTER_RE = /[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF]/;
const PREFIXES = new Set(['می', 'نمی']);
const SUFFIXES = new Set(['ها', 'های', 'هایی']);

/** The tokens of `text` (as tokenize() gives them) with their ranges in `text`. */
export function surfaceTokens(text: string): SurfaceToken[] {
  const out: SurfaceToken[] = [];
  for (const span of text.matchAll(SPAN_RE)) {
    const start = span.index ?? 0;
    if (!HAS_HAN_RE.test(span[0])) {
      for (const key of tokenizeNormalized(normalizeForSearch(span[0]))) out.push({ key, start, end: start + span[0].length });
      continue;
    }
    let offset = start;
    for (const part of span[0].split(HAN_SPLIT_RE)) {
      if (part) pushPart(out, part, offset);
      offset += part.length;
    }
  }
  return glueAffixes(text, out);
}

/** A Chinese run is cut word by word so each word keeps its own range; other parts as one span. */
function pushPart(out: SurfaceToken[], part: string, offset: number) {
  const keys = tokenizeNormalized(normalizeForSearch(part));
  if (!HAS_HAN_RE.test(part) || keys.join('').length !== part.length) {
    for (const key of keys) out.push({ key, start: offset, end: offset + part.length });
    return;
  }
  let at = offset;
  for (const key of keys) {
    out.push({ key, start: at, end: at + key.length });
    at += key.length;
  }
}

function glueAffixes(text: string, tokens: SurfaceToken[]): SurfaceToken[] {
  const out: SurfaceToken[] = [];
  const spaceOnly = (from: number, to: number) => from < to && /^\s+$/.test(text.slice(from, to));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    const prev = out[out.length - 1];
    const atWordStart = token.start === 0 || /\s/.test(text[token.start - 1]);
    if (PREFIXES.has(token.key) && atWordStart && next && spaceOnly(token.end, next.start) && ARABIC_LETTER_RE.test(next.key[0])) {
      out.push({ key: token.key + next.key, start: token.start, end: next.end });
      i++;
      continue;
    }
    const atWordEnd = token.end === text.length || /\s/.test(text[token.end]);
    if (
      SUFFIXES.has(token.key) &&
      atWordEnd &&
      prev &&
      spaceOnly(prev.end, token.start) &&
      ARABIC_LETTER_RE.test(prev.key[prev.key.length - 1])
    ) {
      out[out.length - 1] = { key: prev.key + token.key, start: prev.start, end: token.end };
      continue;
    }
    out.push(token);
  }
  return out;
}

/** The original text of the first run of tokens equal to `words`, or null when absent. */
export function findSurfaceForm(text: string, words: readonly string[]): string | null {
  const tokens = surfaceTokens(text);
  outer: for (let i = 0; i + words.length <= tokens.length; i++) {
    for (let k = 0; k < words.length; k++) if (tokens[i + k].key !== words[k]) continue outer;
    return text.slice(tokens[i].start, tokens[i + words.length - 1].end);
  }
  return null;
}
