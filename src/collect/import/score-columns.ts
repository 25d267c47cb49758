// Which score a column holds when no --map says so. Its header may name the scale in any of the
// four languages ("NPS", "رضایت", "الرضا", "满意度", "stars"); a header that only says "score"
// ("امتیاز", "تقييم", "评分") is read from the values of the file's first rows: 0–10 is NPS, 1–7
// CES, 1–5 a star rating. Later rows that leave the scale are rejected with the reason.
import { toAsciiDigits } from '../../platform/digits.js';
import { normalizeForSearch } from '../../analyze/language/normalize-text.js';
import { SCORE_RANGES, type ScoreType } from '../feedback/feedback.input.js';

type Hint = ScoreType | 'score';

// Latin words match a whole word of the header (or its start: "satisf…"); other scripts match
// anywhere in it, since Chinese and compound Persian headers have no spaces to split on.
const HINTS: Array<[Hint, string[]]> = [
  ['nps', ['nps', 'recommend', 'promoter', 'توصیه', 'ترشیح', 'معرفی به دوستان', '推荐', '净推荐']],
  ['ces', ['ces', 'effort', 'تلاش', 'سهولت', 'جهد', '费力', '省力']],
  ['csat', ['csat', 'satisf', 'رضایت', 'الرضا', 'رضا العمیل', '满意']],
  ['rating', ['star', 'stars', 'ستاره', 'نجوم', 'نجمه', '星']],
  ['score', ['score', 'rating', 'rate', 'grade', 'points', 'امتیاز', 'نمره', 'تقییم', 'درجه', '评分', '分数', '打分', '得分', '评级']],
];
const LATIN = /^[a-z]+$/;
const WHOLE_WORD = new Set(['nps', 'ces', 'csat', 'star', 'stars', 'rate']);

/** A header's words: camelCase split, letters folded like search text (ي→ی, digits, ZWNJ…). */
function headerWords(header: string): { words: string[]; folded: string } {
  const spaced = header.replace(/([a-z])([A-Z])/g, '$1 $2');
  const folded = normalizeForSearch(spaced)
    .replace(/[_\-.:?()/#]+/g, ' ')
    .trim();
  return { words: folded.split(' '), folded };
}

/** What the header says the column holds: one scale, "some score", or nothing. */
export function scoreHint(header: string): Hint | null {
  const { words, folded } = headerWords(header);
  for (const [hint, keys] of HINTS) {
    for (const key of keys) {
      const k = normalizeForSearch(key);
      const found = LATIN.test(k)
        ? words.some((w) => w === k || (!WHOLE_WORD.has(k) && w.startsWith(k)))
        : folded.includes(k) || folded.replace(/ /g, '').includes(k.replace(/ /g, ''));
      if (found) return hint;
    }
  }
  return null;
}

const SCALE_NAMES: Record<ScoreType, string> = { nps: 'NPS (0–10)', csat: 'CSAT (1–5)', ces: 'CES (1–7)', rating: 'a star rating (1–5)' };
export const scaleName = (field: ScoreType) => SCALE_NAMES[field];

/** A score value as an integer (any digits), or null if it is none. */
export function scoreNumber(value: unknown): number | null {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(toAsciiDigits(value.trim())) : NaN;
  return Number.isInteger(n) ? n : null;
}

export interface ScoreColumn {
  column: string;
  /** null: left in metadata (no numbers, or numbers on no scale Feedloop knows) */
  field: ScoreType | null;
  basis: 'name' | 'values';
  numbers: number;
  min: number | null;
  max: number | null;
  /** sample values outside the scale its name gave it */
  outside: number;
}

/** The scale of a column from its header hint and the numbers among its sample values. */
export function readScoreColumn(column: string, hint: Hint, values: unknown[]): ScoreColumn {
  const numbers = values.map(scoreNumber).filter((n): n is number => n !== null);
  const min = numbers.length ? Math.min(...numbers) : null;
  const max = numbers.length ? Math.max(...numbers) : null;
  const base = { column, numbers: numbers.length, min, max };
  if (min === null || max === null) return { ...base, field: null, basis: 'values', outside: 0 };
  if (hint !== 'score') {
    const [lo, hi] = SCORE_RANGES[hint];
    return { ...base, field: hint, basis: 'name', outside: numbers.filter((n) => n < lo || n > hi).length };
  }
  const field: ScoreType | null = min < 0 || max > 10 ? null : min === 0 || max > 7 ? 'nps' : max > 5 ? 'ces' : 'rating';
  return { ...base, field, basis: 'values', outside: 0 };
}

/** One line for the terminal: what the column was read as, and why. */
export function describeScoreColumn(c: ScoreColumn, sampleRows: number): string {
  const range = c.min === null ? '' : c.min === c.max ? `${c.min}` : `${c.min}–${c.max}`;
  const first = `the first ${sampleRows.toLocaleString('en-US')} rows`;
  if (c.field === null) {
    return c.numbers === 0
      ? `${c.column}: no numbers in ${first}, kept as metadata (map it with --map nps|csat|ces|rating=${c.column})`
      : `${c.column}: values ${range} in ${first} fit no score scale, kept as metadata (map it with --map nps|csat|ces|rating=${c.column})`;
  }
  if (c.basis === 'name') {
    const warning = c.outside
      ? `; ${c.outside} of its values in ${first} are outside ${SCORE_RANGES[c.field].join('–')} and their rows will be rejected`
      : '';
    return `${c.field} ← ${c.column}: ${scaleName(c.field)}, from the column's name${warning}`;
  }
  return `${c.field} ← ${c.column}: read as ${scaleName(c.field)} from its values (${range} in ${first}); if that is wrong, map it, e.g. --map ${c.field === 'nps' ? 'rating' : 'nps'}=${c.column}`;
}

/** The reason a row's value does not fit the scale its column was read as; null if it fits. */
export function outsideScale(c: ScoreColumn & { field: ScoreType }, value: unknown, sampleRows: number): string | null {
  const [lo, hi] = SCORE_RANGES[c.field];
  const n = scoreNumber(value);
  const how = c.basis === 'name' ? 'from its name' : `from the values in its first ${sampleRows.toLocaleString('en-US')} rows`;
  if (n === null) return `${c.column}: ${JSON.stringify(value)} is not a whole number`;
  if (n >= lo && n <= hi) return null;
  return `${c.column}: ${n} is outside ${lo}–${hi}: the column was read as ${scaleName(c.field)} ${how}; map it explicitly (e.g. --map nps=${c.column}) if it holds another scale`;
}
