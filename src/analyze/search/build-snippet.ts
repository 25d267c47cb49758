/**
 * A short window of the ORIGINAL feedback text around the best match, with the character ranges
 * (UTF-16 offsets into `text`, end exclusive) of the words the query matched. The API never
 * returns markup: the dashboard wraps the ranges in <mark> as React text nodes.
 *
 * Matching happens on normalised tokens (tokenize), so the original words are walked with their
 * offsets and each is normalised on its own: ي/ی, ك/ک, ZWNJ, diacritics, digit scripts and case
 * all map back to the exact characters the customer wrote. Han runs are segmented with the same
 * tokenizer and keep per-word offsets.
 */
import { tokenize } from '../language/tokenize.js';
import type { SearchQuery } from './search-query.js';
import { procliticStems } from '../language/arabic-clitics.js';

export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
  /** Offset of `text` in the original; > 0 or a shorter end means the window was cut. */
  start: number;
}

export const SNIPPET_CHARS = 160;
/** Context kept before the first match of the window. */
const LEAD_CHARS = 40;
/** How far a window edge may move to avoid cutting a word. */
const SNAP_CHARS = 20;

interface WordSpan {
  start: number;
  end: number;
  tokens: string[];
}

// Letters, marks, digits and the invisible characters normalisation deletes (so a word with a
// ZWNJ, tatweel or bidi mark inside stays one word, as it does in the index).
const RUN_RE = /[\p{L}\p{M}\p{N}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C\u00AD]+/gu;
const HAN_RUN_RE = /\p{Script=Han}+/gu;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const PERSIAN_PREFIXES = new Set(['می', 'نمی']);
const PERSIAN_SUFFIXES = new Set(['ها', 'های', 'هایی']);

/** The words of the original text with their offsets and normalised tokens. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const run of text.matchAll(RUN_RE)) {
    const start = run.index ?? 0;
    let last = 0;
    for (const han of run[0].matchAll(HAN_RUN_RE)) {
      const h = han.index ?? 0;
      pushPlain(spans, run[0].slice(last, h), start + last);
      pushHan(spans, han[0], start + h);
      last = h + han[0].length;
    }
    pushPlain(spans, run[0].slice(last), start + last);
  }
  return glueAffixes(text, spans);
}

function pushPlain(spans: WordSpan[], part: string, start: number) {
  if (!part) return;
  const tokens = tokenize(part);
  if (tokens.length) spans.push({ start, end: start + part.length, tokens });
}

function pushHan(spans: WordSpan[], run: string, start: number) {
  const words = tokenize(run);
  // Offsets follow the words only when normalisation kept the run's length (it almost always does).
  if (words.join('').length !== run.length) return spans.push({ start, end: start + run.length, tokens: words });
  let at = start;
  for (const w of words) {
    spans.push({ start: at, end: at + w.length, tokens: [w] });
    at += w.length;
  }
}

/** Same gluing as normalize-text.ts: "می خواهم" and "کتاب ها" are one indexed word each. */
function glueAffixes(text: string, spans: WordSpan[]): WordSpan[] {
  const out: WordSpan[] = [];
  const onlySpaceBetween = (a: WordSpan, b: WordSpan) => /^\s+$/.test(text.slice(a.end, b.start));
  const single = (s: WordSpan, set: Set<string>) => s.tokens.length === 1 && set.has(s.tokens[0]);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const next = spans[k + 1];
    const prev = out[out.length - 1];
    const atWordStart = s.start === 0 || /\s/.test(text[s.start - 1]);
    if (single(s, PERSIAN_PREFIXES) && atWordStart && next && onlySpaceBetween(s, next) && ARABIC_LETTER.test(next.tokens[0][0])) {
      spans[k + 1] = { start: s.start, end: next.end, tokens: [s.tokens[0] + next.tokens[0], ...next.tokens.slice(1)] };
      continue;
    }
    const atWordEnd = s.end === text.length || /\s/.test(text[s.end]);
    if (
      single(s, PERSIAN_SUFFIXES) &&
      atWordEnd &&
      prev &&
      onlySpaceBetween(prev, s) &&
      ARABIC_LETTER.test(prev.tokens[prev.tokens.length - 1].slice(-1))
    ) {
      out[out.length - 1] = {
        start: prev.start,
        end: s.end,
        tokens: [...prev.tokens.slice(0, -1), prev.tokens[prev.tokens.length - 1] + s.tokens[0]],
      };
      continue;
    }
    out.push(s);
  }
  return out;
}

export function buildSnippet(text: string, query: Pick<SearchQuery, 'terms' | 'prefixes'>, size = SNIPPET_CHARS): Snippet {
  const terms = new Set(query.terms);
  // A glued Arabic word (والتغليف) is a match for its stem (تغليف), as in the index.
  const matches1 = (t: string) => terms.has(t) || query.prefixes.some((p) => t.startsWith(p));
  const matchedToken = (s: WordSpan) => s.tokens.find((t) => procliticStems(t).some(matches1));
  const matches = wordSpans(text).flatMap((s) => {
    const token = matchedToken(s);
    return token ? [{ ...s, token }] : [];
  });
  const [start, end] = chooseWindow(text, matches, size);
  const highlights = matches.filter((m) => m.start >= start && m.end <= end).map((m): [number, number] => [m.start - start, m.end - start]);
  return { text: text.slice(start, end), highlights, start };
}

/** The window holding the most distinct matched words, edges moved off the middle of words. */
function chooseWindow(text: string, matches: Array<WordSpan & { token: string }>, size: number): [number, number] {
  if (text.length <= size) return [0, text.length];
  let best = { start: 0, score: -1 };
  for (const m of matches) {
    const start = Math.max(0, Math.min(m.start - LEAD_CHARS, text.length - size));
    const inside = matches.filter((o) => o.start >= start && o.end <= start + size);
    const score = new Set(inside.map((o) => o.token)).size;
    if (score > best.score) best = { start, score };
  }
  const firstMatch = matches.find((m) => m.start >= best.start)?.start ?? best.start + size;
  const lastMatchEnd = Math.max(best.start, ...matches.filter((m) => m.end <= best.start + size).map((m) => m.end));
  let start = best.start;
  let end = Math.min(text.length, best.start + size);
  if (start > 0 && !/\s/.test(text[start - 1])) {
    const space = text.slice(start, Math.min(start + SNAP_CHARS, firstMatch)).search(/\s/);
    if (space !== -1) start += space + 1;
  }
  if (end < text.length && !/\s/.test(text[end])) {
    const tail = text.slice(Math.max(end - SNAP_CHARS, lastMatchEnd), end);
    const space = tail.search(/\s\S*$/);
    if (space !== -1) end = end - tail.length + space;
  }
  // Never split a surrogate pair.
  if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start++;
  if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
  return [start, end];
}
