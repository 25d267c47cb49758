/**
 * Emerging themes: phrases that keep coming back in a window of feedback, per language, that no
 * topic keyword covers yet. Candidates are runs of 1–3 tokenize() tokens (Chinese: jieba words)
 * that start with a content word or a negation and end with a content word. Support is the number
 * of distinct items, so one customer repeating a word does not make a theme. A shorter phrase
 * whose items are mostly a longer phrase's items is shown as the longer one ("stamp card" →
 * "loyalty stamp card"). The score is support × √lift, lift being the growth over the previous
 * window of the same length (capped, so a handful of new mentions cannot outrank a big theme).
 */
import { tokenize } from '../language/tokenize.js';
import type { KeywordMatcher } from '../topics/keyword-matcher.js';
import { NEGATIONS, STOPWORDS, isStopword } from './stopwords.js';
import { findSurfaceForm } from './surface-form.js';
import { THEME_LIMITS } from './limits.js';
import { groupBy } from '../../platform/group-by.js';
import type { ThemeTrend } from '../../contracts/themes.js';

export interface ThemeItem {
  id: string;
  text: string;
  language: string | null;
  topics: readonly string[];
  createdAt: Date;
}
export type { ThemeTrend };

export interface Theme {
  /** The most frequent spelling customers used. */
  phrase: string;
  /** Normalised form: what the phrase is counted and matched by. */
  key: string;
  language: string;
  count: number;
  previousCount: number;
  trend: ThemeTrend;
  score: number;
  /** Share of the theme's items that already have some topic. */
  coveredShare: number;
  exampleItems: Array<{ id: string; text: string }>;
}

export interface ExtractThemesInput {
  current: readonly ThemeItem[];
  /** The window of the same length just before `current`. */
  previous: readonly ThemeItem[];
  matcher: KeywordMatcher;
  /** Only this language; all languages when omitted. */
  language?: string;
  limit?: number;
}

const NUMBER_RE = /^\p{N}+$/u;
const HAN_RE = /\p{Script=Han}/u;
const HAN_START_RE = /^\p{Script=Han}/u;
const HAN_END_RE = /\p{Script=Han}$/u;
const LATIN_RE = /^[a-z]/;

export function extractThemes(input: ExtractThemesInput): Theme[] {
  const current = groupByLanguage(input.current, input.language);
  const previous = groupByLanguage(input.previous, input.language);
  const ranked: RankedTheme[] = [];
  for (const [language, items] of current) {
    ranked.push(...themesForLanguage(language, items, previous.get(language) ?? [], input.matcher));
  }
  // Display forms and examples cost a re-read of texts: only for the themes returned.
  return ranked
    .sort(compareThemes)
    .slice(0, input.limit ?? 20)
    .map(finishTheme);
}

/** A theme before its display form and examples are chosen. */
type RankedTheme = Omit<Theme, 'phrase' | 'exampleItems'> & { words: string[]; items: ThemeItem[] };

/** Uncovered themes first, then by score; ties broken so the order never depends on input order. */
function compareThemes(a: RankedTheme, b: RankedTheme): number {
  const tier = (t: RankedTheme) => (t.coveredShare < THEME_LIMITS.uncoveredBelow ? 0 : 1);
  return tier(a) - tier(b) || b.score - a.score || b.count - a.count || a.key.localeCompare(b.key);
}

function groupByLanguage(items: readonly ThemeItem[], only: string | undefined): Map<string, ThemeItem[]> {
  const readable = items.filter(
    (item) => item.language && item.language !== 'und' && (!only || item.language === only) && item.text.trim(),
  );
  return groupBy(readable, (item) => item.language!);
}

function themesForLanguage(language: string, items: ThemeItem[], previousItems: ThemeItem[], matcher: KeywordMatcher): RankedTheme[] {
  const tokens = items.map((item) => tokenize(item.text));
  const itemsPerWord = countItemsPerWord(tokens);
  const isContent = contentTest(language, itemsPerWord, items.length);
  const minCount = Math.max(THEME_LIMITS.minItems, Math.ceil(THEME_LIMITS.minShare * items.length));
  // A phrase is never in more items than any of its words: rare words need no phrases built.
  const frequent = (word: string) => (itemsPerWord.get(word) ?? 0) >= minCount;

  // Phrase (words joined by a space) → indices of the items containing it, each index once.
  const postings = new Map<string, number[]>();
  tokens.forEach((words, index) => {
    forEachPhrase(words, language, isContent, frequent, (phrase) => {
      const list = postings.get(phrase);
      if (!list) postings.set(phrase, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    });
  });

  const candidates = new Map<string, number[]>();
  for (const [phrase, list] of postings) if (list.length >= minCount) candidates.set(phrase, list);
  // Absorb before dropping covered phrases: "late" inside a covered "late delivery" goes too.
  for (const phrase of absorbedPhrases(candidates)) candidates.delete(phrase);
  for (const phrase of candidates.keys()) if (matcher.match(joinWords(phrase.split(' '))).size > 0) candidates.delete(phrase);

  const previousCounts = countPrevious(previousItems, candidates, language, isContent);
  return [...candidates].map(([phrase, list]) =>
    rankTheme(
      language,
      phrase,
      list.map((i) => items[i]),
      previousCounts.get(phrase) ?? 0,
    ),
  );
}

type ContentTest = (token: string) => boolean;

/** Number of items each word occurs in. */
function countItemsPerWord(tokens: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  const seenIn = new Map<string, number>();
  tokens.forEach((words, index) => {
    for (const w of words) {
      if (seenIn.get(w) === index) continue;
      seenIn.set(w, index);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  });
  return counts;
}

/**
 * A content word is not a stopword (of the language, or English for Latin words inside other
 * languages), not a number and at least two characters long. Languages without a list fall
 * back to "a word in more than 20 % of the items is a function word".
 */
function contentTest(language: string, itemsPerWord: Map<string, number>, itemCount: number): ContentTest {
  let generic: Set<string> | null = null;
  if (!STOPWORDS[language]) {
    const max = Math.max(THEME_LIMITS.minItems, THEME_LIMITS.genericWordShare * itemCount);
    generic = new Set([...itemsPerWord].filter(([, n]) => n > max).map(([w]) => w));
  }
  return (token) => {
    if (NUMBER_RE.test(token) || [...token].length < 2) return false;
    if (isStopword(language, token) || (LATIN_RE.test(token) && isStopword('en', token))) return false;
    return !generic?.has(token);
  };
}

/**
 * Calls `visit` with every candidate phrase of one item's words: a content word or a negation,
 * followed by up to two more words ending in a content word ("cancel my order", "not working",
 * 不耐用). In Chinese a one-character word may end a phrase (物流 慢, 价格 太 贵): alone it is
 * too ambiguous, after a longer word it is precise. Phrases with a word `usable` rejects are
 * skipped without being built.
 */
function forEachPhrase(
  words: string[],
  language: string,
  isContent: ContentTest,
  usable: (word: string) => boolean,
  visit: (phrase: string) => void,
) {
  const negations = NEGATIONS[language];
  for (let i = 0; i < words.length; i++) {
    if (!usable(words[i])) continue;
    if (isContent(words[i])) visit(words[i]);
    else if (!negations?.has(words[i])) continue;
    for (let n = 2; n <= THEME_LIMITS.maxWords && i + n <= words.length; n++) {
      const last = words[i + n - 1];
      if (NUMBER_RE.test(words[i + 1]) || !usable(last)) break;
      const endsWell = isContent(last) || (language === 'zh' && last.length === 1 && HAN_RE.test(last) && !isStopword('zh', last));
      if (endsWell) visit(words.slice(i, i + n).join(' '));
    }
  }
}

/** Shorter phrases that mostly occur inside a longer candidate (a longer phrase's items are a subset). */
function absorbedPhrases(candidates: Map<string, number[]>): Set<string> {
  const absorbed = new Set<string>();
  for (const [phrase, list] of candidates) {
    const words = phrase.split(' ');
    for (let n = 1; n < words.length; n++) {
      for (let i = 0; i + n <= words.length; i++) {
        const sub = words.slice(i, i + n).join(' ');
        const subList = candidates.get(sub);
        if (subList && list.length >= THEME_LIMITS.mergeContainment * subList.length) absorbed.add(sub);
      }
    }
  }
  return absorbed;
}

function countPrevious(
  items: ThemeItem[],
  candidates: Map<string, number[]>,
  language: string,
  isContent: ContentTest,
): Map<string, number> {
  const counts = new Map<string, number>();
  const seenIn = new Map<string, number>();
  const words = new Set([...candidates.keys()].flatMap((phrase) => phrase.split(' ')));
  const usable = (word: string) => words.has(word);
  items.forEach((item, index) => {
    forEachPhrase(tokenize(item.text), language, isContent, usable, (phrase) => {
      if (!candidates.has(phrase) || seenIn.get(phrase) === index) return;
      seenIn.set(phrase, index);
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    });
  });
  return counts;
}

function rankTheme(language: string, phrase: string, items: ThemeItem[], previousCount: number): RankedTheme {
  const words = phrase.split(' ');
  const count = items.length;
  const lift = Math.min((count + 1) / (previousCount + 1), THEME_LIMITS.maxLift);
  const covered = items.filter((i) => i.topics.length > 0).length;
  return {
    key: joinWords(words),
    language,
    count,
    previousCount,
    trend: trendOf(count, previousCount),
    score: Math.round(count * Math.sqrt(lift) * 100) / 100,
    coveredShare: Math.round((covered / count) * 1000) / 1000,
    words,
    items,
  };
}

function finishTheme({ words, items, ...theme }: RankedTheme): Theme {
  // Items with no topic yet show best what the taxonomy misses; newest first within each group.
  const examples = [...items].sort(
    (a, b) => Number(a.topics.length > 0) - Number(b.topics.length > 0) || b.createdAt.getTime() - a.createdAt.getTime(),
  );
  return {
    phrase: mostFrequentSurface(examples, words) ?? theme.key,
    ...theme,
    exampleItems: examples.slice(0, THEME_LIMITS.examples).map((i) => ({ id: i.id, text: firstChars(i.text, THEME_LIMITS.exampleChars) })),
  };
}

export function trendOf(count: number, previousCount: number): ThemeTrend {
  if (previousCount === 0) return 'new';
  if (count >= THEME_LIMITS.trendRatio * previousCount) return 'rising';
  if (count * THEME_LIMITS.trendRatio <= previousCount) return 'falling';
  return 'steady';
}

/** Words joined by spaces, except between two Chinese words (Chinese is written without them). */
function joinWords(words: readonly string[]): string {
  return words.reduce((out, w, i) => (i === 0 ? w : out + (HAN_END_RE.test(out) && HAN_START_RE.test(w) ? '' : ' ') + w), '');
}

function mostFrequentSurface(items: ThemeItem[], words: string[]): string | null {
  const forms = new Map<string, number>();
  for (const item of items.slice(0, THEME_LIMITS.surfaceSample)) {
    const form = findSurfaceForm(item.text, words);
    if (form) forms.set(form, (forms.get(form) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [form, n] of forms) if (best === null || n > forms.get(best)!) best = form;
  return best;
}

function firstChars(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
