/**
 * Search / feature keys for feedback text. The key is never shown to anyone: the original text is
 * stored untouched, so this may fold aggressively. Queries and documents go through the same
 * function, so any folding only has to be consistent, not linguistically exact.
 *
 * Choices (the canonical form is the Persian one, since Persian keyboards produce it):
 * - NFKC first: Arabic presentation forms (ﻻ ﺑ ﻪ), full-width Latin/digits, ligatures → base.
 * - Lower case (toLowerCase, locale-independent: the same key on every server).
 * - ي ى ئ → ی and ك ڪ → ک: the same word is typed with either letter depending on the keyboard;
 *   ئ goes to ی because Persian spells hamza-on-seat words both ways (پائیز / پاییز).
 * - ة ۀ ھ → ه, أ إ آ ٱ → ا, ؤ → و: spelling variants that users do not type consistently.
 * - Harakat, Quranic marks, superscript alef and tatweel (ـ) removed; ء is kept (it is a letter).
 * - Persian ۰-۹, Arabic-Indic ٠-٩ and full-width digits → 0-9.
 * - ZWNJ (U+200C) is removed, joining the parts, and the verbal prefixes می / نمی and the plural
 *   suffixes ها / های / هایی are glued to their word when typed with a plain space. So
 *   "می‌خواهم", "میخواهم" and "می خواهم" all become "میخواهم"; "کتاب‌ها", "کتابها" and
 *   "کتاب ها" all become "کتابها". Removing (rather than turning ZWNJ into a space) is what
 *   matches the very common no-separator spelling.
 * - Other zero-width and bidi controls, and C0/C1 control characters, removed; whitespace
 *   collapsed to single spaces; trimmed.
 */

import { DIGIT_RE } from '../../platform/digits.js';

const LETTER_MAP: Record<string, string> = {
  '\u064A': '\u06CC', // ي Arabic yeh
  '\u0649': '\u06CC', // ى alef maksura
  '\u0626': '\u06CC', // ئ yeh with hamza
  '\u0643': '\u06A9', // ك Arabic kaf
  '\u06AA': '\u06A9', // ڪ swash kaf
  '\u0629': '\u0647', // ة teh marbuta
  '\u06C0': '\u0647', // ۀ heh with yeh above
  '\u06BE': '\u0647', // ھ heh doachashmee (used for ه by some keyboards)
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0622': '\u0627', // آ
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0624': '\u0648', // ؤ
};
const LETTER_RE = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

// Harakat and hamza marks (U+064B–U+065F), superscript alef, Quranic annotation signs, tatweel.
const MARKS_RE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
// ZWNJ is removed (see above); the rest are zero-width / bidi / BOM / Arabic letter mark.
const INVISIBLE_RE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C\u00AD]/g;
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const SPACE_RE = /\s+/g;

// Arabic-script letter run; used to glue Persian affixes only between Arabic-script words.
const AR = '[\\u0621-\\u064A\\u066E-\\u06D3\\u06D5\\u06FA-\\u06FF]';
const PREFIX_RE = new RegExp(`(^| )(ن?می) (?=${AR})`, 'g');
const SUFFIX_RE = new RegExp(`(${AR}) (ها|های|هایی)(?= |$)`, 'g');

// Every per-character fold above in one pass: letter variants, digits, removed marks and
// invisibles, control characters → space (each character maps on its own, so one pass equals
// the steps in turn).
const FOLD_RE = new RegExp(
  `${LETTER_RE.source}|${DIGIT_RE.source}|${MARKS_RE.source}|\u200C|${INVISIBLE_RE.source}|${CONTROL_RE.source}`,
  'g',
);
const FOLDED = new Map<string, string>(Object.entries(LETTER_MAP));
for (const zero of [0x06f0, 0x0660, 0xff10]) for (let d = 0; d < 10; d++) FOLDED.set(String.fromCharCode(zero + d), String(d));
const IS_CONTROL_RE = new RegExp(CONTROL_RE.source);
const fold = (ch: string): string => FOLDED.get(ch) ?? (IS_CONTROL_RE.test(ch) ? ' ' : '');

export function normalizeForSearch(text: string): string {
  if (!text) return '';
  const s = text.normalize('NFKC').toLowerCase().replace(FOLD_RE, fold).replace(SPACE_RE, ' ').trim();
  return s.replace(PREFIX_RE, '$1$2').replace(SUFFIX_RE, '$1$2');
}
