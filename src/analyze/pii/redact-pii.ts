/**
 * Replaces e-mail addresses, phone numbers and payment card numbers in feedback with [email],
 * [phone] and [card]. Runs before anything is stored or indexed when a workspace turns on PII
 * redaction, so the original values never reach the database.
 *
 * Digits may be typed in any script (Persian ۰-۹, Arabic-Indic ٠-٩, full-width): matching runs
 * on a copy with ASCII digits of the same length, so offsets carry over to the original.
 *
 * Deliberately narrow, to keep order numbers, prices, dates and years intact:
 * - phones: international (+ or 00 and a country code, 10–15 digits) or the national mobile and
 *   landline shapes of Iran, Saudi Arabia, the UAE, Egypt and China (exact digit counts);
 * - cards: 13–19 digits, optionally grouped with spaces or dashes, only when Luhn-valid (Iranian
 *   Shetab cards are) and not one repeated digit.
 */
import { toAsciiDigits } from '../../platform/digits.js';

export interface PiiCounts {
  email: number;
  phone: number;
  card: number;
}
export interface RedactionResult {
  text: string;
  counts: PiiCounts;
}

type Kind = keyof PiiCounts;
interface Found {
  start: number;
  end: number;
  kind: Kind;
}

// ASCII addresses: Chinese and Arabic text often runs straight into them (请发邮件到wang@qq.com).
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Numbers may follow Chinese or Arabic-script letters directly (电话13800138000), not Latin ones
// (product codes such as SKU13800138000).
// + or 00, then digit groups separated by at most one space, dash, dot or parenthesis pair.
const INTERNATIONAL_RE = /(?<![A-Za-z\d+])(?:\+|00)[ ]?\(?\d+\)?(?:[ .-]?\(?\d+\)?)*/gu;
// Calling codes accepted after a 00 prefix (a + is explicit enough on its own).
const COUNTRY_CODES = [
  '98',
  '966',
  '971',
  '20',
  '86',
  '964',
  '965',
  '974',
  '973',
  '968',
  '962',
  '961',
  '963',
  '93',
  '90',
  '92',
  '91',
  '212',
  '213',
  '216',
  '44',
  '49',
  '33',
  '1',
  '7',
  '852',
  '886',
];

const S = '[ .\\-]?'; // one optional separator between digits
const d = (n: number) => `(?:${S}\\d){${n}}`;
const NATIONAL_PHONES = [
  `09\\d{2}${d(7)}`, // Iran mobile 0912 345 6789
  `\\(?0[1-8]\\d\\)?${S}\\d${d(7)}`, // Iran landline 021-88776655, (021) 8877 6655
  `05\\d${d(7)}`, // Saudi Arabia / UAE mobile 050 123 4567
  `01[0125]${d(8)}`, // Egypt mobile 010 1234 5678
  `1[3-9]\\d${d(8)}`, // China mobile 138 0013 8000
];
const NATIONAL_RE = new RegExp(`(?<![A-Za-z\\d+])(?:${NATIONAL_PHONES.join('|')})(?!\\d)(?![.-]\\d)`, 'gu');

// A run of digits where single spaces or dashes may group them.
const DIGIT_RUN_RE = /(?<![A-Za-z\d+])\d+(?:[ -]\d+)*/gu;

const MAX_PHONE_DIGITS = 15; // E.164

export function redactPii(text: string): RedactionResult {
  const counts: PiiCounts = { email: 0, phone: 0, card: 0 };
  if (!text) return { text, counts };
  const ascii = toAsciiDigits(text); // same length: every digit maps to one ASCII digit
  const found: Found[] = [];
  const free = (start: number, end: number) => found.every((f) => end <= f.start || start >= f.end);
  const add = (start: number, end: number, kind: Kind) => {
    if (end > start && free(start, end)) found.push({ start, end, kind });
  };

  for (const m of ascii.matchAll(EMAIL_RE)) add(m.index!, m.index! + m[0].length, 'email');
  for (const m of ascii.matchAll(INTERNATIONAL_RE)) {
    const phone = internationalPhone(m[0]);
    if (phone) add(m.index!, m.index! + phone.length, 'phone');
  }
  for (const m of ascii.matchAll(DIGIT_RUN_RE)) {
    for (const [start, end] of cardsIn(m[0])) add(m.index! + start, m.index! + end, 'card');
  }
  for (const m of ascii.matchAll(NATIONAL_RE)) add(m.index!, m.index! + m[0].length, 'phone');

  if (found.length === 0) return { text, counts };
  found.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of found) {
    out += `${text.slice(at, f.start)}[${f.kind}]`;
    counts[f.kind]++;
    at = f.end;
  }
  return { text: out + text.slice(at), counts };
}

/** The longest leading part of the match that is a plausible international number, or null. */
function internationalPhone(match: string): string | null {
  // Drop trailing groups (a following order number, a year) until the digit count fits.
  const groups = match.match(/[^ .-]+[ .-]?/g) ?? [];
  for (let n = groups.length; n > 0; n--) {
    const candidate = groups
      .slice(0, n)
      .join('')
      .replace(/[ .-]+$/, '');
    const digits = candidate.replace(/\D/g, '');
    const national = candidate.startsWith('+') ? digits : digits.slice(2);
    if (national.length > MAX_PHONE_DIGITS) continue;
    if (national.length < 10 || national[0] === '0') return null;
    if (!candidate.startsWith('+') && !COUNTRY_CODES.some((c) => national.startsWith(c))) return null;
    if ((candidate.match(/\(/g)?.length ?? 0) !== (candidate.match(/\)/g)?.length ?? 0)) return null;
    return candidate;
  }
  return null;
}

/** [start, end) of Luhn-valid 13–19 digit card numbers in a digit run, aligned to its groups. */
function cardsIn(run: string): Array<[number, number]> {
  const groups = [...run.matchAll(/\d+/g)].map((g) => ({ start: g.index!, end: g.index! + g[0].length, digits: g[0] }));
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < groups.length) {
    let hit: [number, number] | null = null;
    let next = i + 1;
    // Longest valid number starting at group i.
    for (let j = groups.length - 1; j >= i; j--) {
      const digits = groups
        .slice(i, j + 1)
        .map((g) => g.digits)
        .join('');
      if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits) && !/^(\d)\1+$/.test(digits)) {
        hit = [groups[i].start, groups[j].end];
        next = j + 1;
        break;
      }
    }
    if (hit) out.push(hit);
    i = next;
  }
  return out;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let v = digits.charCodeAt(digits.length - 1 - k) - 48;
    if (k % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

/** Redacts every string inside a JSON value (object keys are left alone). */
export function redactPiiDeep<T>(value: T, counts: PiiCounts): T {
  if (typeof value === 'string') {
    const r = redactPii(value);
    counts.email += r.counts.email;
    counts.phone += r.counts.phone;
    counts.card += r.counts.card;
    return r.text as T;
  }
  if (Array.isArray(value)) return value.map((v) => redactPiiDeep(v, counts)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactPiiDeep(v, counts)])) as T;
  }
  return value;
}
