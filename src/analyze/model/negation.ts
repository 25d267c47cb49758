/**
 * Negation cues per language. A word that follows a cue (within NEGATION_SCOPE words) becomes a
 * different feature ("good" vs "not … good"), so a linear model can learn that negation flips
 * sentiment. The lists are normalised like the text (normalize-text.ts), so ي/ی and ك/ک spellings
 * match either way. Persian mostly negates with a verb prefix (نمی‌/ن), which the character n-grams
 * already see; its list only holds free-standing cues.
 */
import { normalizeForSearch } from '../language/normalize-text.js';

export const NEGATION_SCOPE = 3;

const CUES: Record<string, string[]> = {
  en: [
    'not',
    'no',
    'never',
    'none',
    'nothing',
    'nobody',
    'neither',
    'nor',
    'cannot',
    'cant',
    'without',
    'hardly',
    'dont',
    'doesnt',
    'didnt',
    'isnt',
    'wasnt',
    'arent',
    'werent',
    'wont',
    'wouldnt',
    'shouldnt',
    'couldnt',
    // "don't" is split at the apostrophe: the stem before it carries the negation.
    'don',
    'doesn',
    'didn',
    'isn',
    'wasn',
    'aren',
    'weren',
    'won',
    'wouldn',
    'shouldn',
    'couldn',
    'hasn',
    'haven',
    'hadn',
    'ain',
  ],
  ar: ['لا', 'لم', 'لن', 'ما', 'مش', 'مو', 'مب', 'ليس', 'ليست', 'لست', 'غير', 'بدون', 'مافي', 'ماكو', 'ولا', 'بلا'],
  fa: ['نه', 'هیچ', 'بدون', 'نیست', 'نبود', 'ندارد', 'نداره', 'نمیشه', 'نباید'],
  zh: ['不', '没', '没有', '别', '无', '非', '未', '不是', '不会', '不能', '不要', '不太', '并不', '从不', '毫无'],
};

const NEGATORS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(CUES).map(([lang, words]) => [lang, new Set(words.map(normalizeForSearch))]),
);

/** True when `token` (already normalised) negates what follows in `language`. */
export function isNegationCue(language: string, token: string): boolean {
  return NEGATORS[language]?.has(token) ?? false;
}
