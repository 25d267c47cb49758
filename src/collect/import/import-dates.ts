// Dates of imported rows: Jalali (1405/09/01, ۱۴۰۵/۰۹/۰۱, 1405-09-01 14:30), ISO 8601, 2026/12/07,
// 07/12/2026 (day or month first), RFC 2822 and Unix time, in any digits. A time without an
// offset is a wall-clock time in the workspace's time zone.
import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import { DateTime, FixedOffsetZone } from 'luxon';
import { toAsciiDigits } from '../../platform/digits.js';

export const DATE_FORMATS = ['jalali', 'iso', 'dmy', 'mdy', 'ymd'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
/** How a day/month/year date with the year last is read. */
export type DayMonthOrder = 'dmy' | 'mdy';

export type ParsedDate = { ok: true; at: Date } | { ok: false; reason: string };

export interface DateReading {
  timezone: string;
  /** --date-format: every value must have this form */
  format?: DateFormat;
  /** Without --date-format: the order the column's sample settled, if it did */
  order?: DayMonthOrder | null;
}

// Jalali years are about 621 behind: a year-first date before 1700 is a Jalali one (1405 = 2026).
const LAST_JALALI_YEAR = 1700;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?`;
const ZONE = String.raw`(Z|[+-]\d{2}(?::?\d{2})?)`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)${TIME})?\s*${ZONE}?$`, 'i');
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:(?:T|,?\s+)${TIME})?\s*${ZONE}?$`, 'i');
const UNIX_TIME = /^\d{10}(\d{3})?$/;
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FORMAT_NAMES: Record<DateFormat, string> = {
  jalali: 'a Jalali year/month/day date',
  iso: 'an ISO 8601 date',
  dmy: 'a day/month/year date',
  mdy: 'a month/day/year date',
  ymd: 'a year/month/day date',
};

/** Digits of any script to 0-9, invisible direction marks dropped, spaces collapsed. */
export function cleanDateText(raw: string): string {
  return toAsciiDigits(raw).replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim();
}

interface Parts {
  year: number;
  month: number;
  day: number;
  time: RegExpExecArray;
  timeAt: number;
  zone?: string;
}

function wallClock(p: Parts): { hour: number; minute: number; second: number; millisecond: number } | null {
  const [h, mi, s, fraction, meridiem] = [1, 2, 3, 4, 5].map((k) => p.time[p.timeAt + k]);
  if (h === undefined) return { hour: 0, minute: 0, second: 0, millisecond: 0 };
  let hour = Number(h);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  return { hour, minute: Number(mi), second: Number(s ?? 0), millisecond: Number((fraction ?? '0').padEnd(3, '0').slice(0, 3)) };
}

function zoneOf(zone: string | undefined, timezone: string) {
  if (!zone) return timezone;
  if (/^z$/i.test(zone)) return FixedOffsetZone.utcInstance;
  const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  return FixedOffsetZone.instance((sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm ?? 0)));
}

function instant(raw: string, p: Parts, calendar: 'gregorian' | 'jalali', timezone: string): ParsedDate {
  let { year, month, day } = p;
  if (calendar === 'jalali') {
    if (!isValidJalaaliDate(year, month, day)) return { ok: false, reason: `"${raw}" is not a valid Jalali date` };
    ({ gy: year, gm: month, gd: day } = toGregorian(year, month, day));
  }
  const clock = wallClock(p);
  const at = clock && DateTime.fromObject({ year, month, day, ...clock }, { zone: zoneOf(p.zone, timezone) });
  if (!at || !at.isValid) return { ok: false, reason: `"${raw}" is not a valid date` };
  return { ok: true, at: at.toJSDate() };
}

const yearFirst = (m: RegExpExecArray): Parts => ({
  year: Number(m[1]),
  month: Number(m[3]),
  day: Number(m[4]),
  time: m,
  timeAt: 4,
  zone: m[10],
});
const yearLast = (m: RegExpExecArray, order: DayMonthOrder): Parts => ({
  year: Number(m[4]),
  month: Number(order === 'dmy' ? m[3] : m[1]),
  day: Number(order === 'dmy' ? m[1] : m[3]),
  time: m,
  timeAt: 4,
  zone: m[10],
});

/** Which order a year-last date proves, if any: a first number above 12 is a day, a second one too. */
export function orderEvidence(text: string): DayMonthOrder | 'ambiguous' | null {
  const m = YEAR_LAST.exec(cleanDateText(text));
  if (!m) return null;
  const first = Number(m[1]),
    second = Number(m[3]);
  // No month 0 or 13+ either way: the value is invalid whatever the order, and says so when read.
  if (first < 1 || second < 1 || (first > 12 && second > 12)) return null;
  if (first > 12) return 'dmy';
  if (second > 12) return 'mdy';
  return first === second ? null : 'ambiguous';
}

function ambiguity(raw: string, m: RegExpExecArray): string {
  const [a, b] = [Number(m[1]), Number(m[3])];
  return `"${raw}" could be ${a} ${MONTHS[b - 1]} or ${b} ${MONTHS[a - 1]}: pass --date-format dmy or --date-format mdy`;
}

/** Reads one date; `reading.format` makes it strict, otherwise every known form is tried. */
export function parseImportDate(value: unknown, reading: DateReading): ParsedDate {
  if (typeof value === 'number' && Number.isFinite(value)) return fromUnixTime(String(Math.trunc(value)), String(value));
  if (typeof value !== 'string') return { ok: false, reason: `${JSON.stringify(value)} is not a date` };
  const raw = value.trim();
  const text = cleanDateText(raw);
  const { timezone, format } = reading;
  if (format === 'iso') {
    const at = DateTime.fromISO(text, { zone: timezone });
    return at.isValid ? { ok: true, at: at.toJSDate() } : { ok: false, reason: `"${raw}" is not ${FORMAT_NAMES.iso} (--date-format iso)` };
  }
  const first = YEAR_FIRST.exec(text);
  const last = first ? null : YEAR_LAST.exec(text);
  if (format) {
    if (format === 'jalali' && (first || last)) return instant(raw, first ? yearFirst(first) : yearLast(last!, 'dmy'), 'jalali', timezone);
    if (format === 'ymd' && first) return instant(raw, yearFirst(first), 'gregorian', timezone);
    if ((format === 'dmy' || format === 'mdy') && last) return instant(raw, yearLast(last, format), 'gregorian', timezone);
    return { ok: false, reason: `"${raw}" is not ${FORMAT_NAMES[format]} (--date-format ${format})` };
  }
  if (first) return instant(raw, yearFirst(first), Number(first[1]) < LAST_JALALI_YEAR ? 'jalali' : 'gregorian', timezone);
  if (last) {
    const evidence = orderEvidence(text);
    const order = evidence === 'dmy' || evidence === 'mdy' ? evidence : evidence === null ? 'dmy' : reading.order;
    if (!order) return { ok: false, reason: ambiguity(raw, last) };
    return instant(raw, yearLast(last, order), Number(last[4]) < LAST_JALALI_YEAR ? 'jalali' : 'gregorian', timezone);
  }
  if (UNIX_TIME.test(text)) return fromUnixTime(text, raw);
  for (const parse of [DateTime.fromISO, DateTime.fromRFC2822, DateTime.fromHTTP]) {
    const at = parse(text, { zone: timezone });
    if (at.isValid) return { ok: true, at: at.toJSDate() };
  }
  return { ok: false, reason: `"${raw}" is not a date Feedloop reads (e.g. 2026-12-07 14:30, 2026/12/07, 07/12/2026, Jalali 1405/09/16)` };
}

function fromUnixTime(digits: string, raw: string): ParsedDate {
  if (!UNIX_TIME.test(digits)) return { ok: false, reason: `${raw} is not a Unix time in seconds or milliseconds` };
  return { ok: true, at: new Date(digits.length === 13 ? Number(digits) : Number(digits) * 1000) };
}

export interface DateSample {
  /** the day/month order the values settle, when they all agree */
  order: DayMonthOrder | null;
  /** a value that shows the order, e.g. 25/03/2026 */
  example?: string;
  /** values that prove opposite orders, so none is assumed */
  mixed: boolean;
  jalali: number;
  gregorian: number;
}

/** What a column's first values say about its dates: the calendar and, for 07/12/2026, the order. */
export function sampleDates(values: unknown[]): DateSample {
  const out: DateSample = { order: null, mixed: false, jalali: 0, gregorian: 0 };
  const seen = { dmy: undefined as string | undefined, mdy: undefined as string | undefined };
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = cleanDateText(value);
    const year = Number(YEAR_FIRST.exec(text)?.[1] ?? YEAR_LAST.exec(text)?.[4] ?? NaN);
    if (year < LAST_JALALI_YEAR) out.jalali++;
    else if (year >= LAST_JALALI_YEAR) out.gregorian++;
    const evidence = orderEvidence(text);
    if (evidence === 'dmy' || evidence === 'mdy') seen[evidence] ??= value.trim();
  }
  if (seen.dmy && seen.mdy) out.mixed = true;
  else if (seen.dmy || seen.mdy) {
    out.order = seen.dmy ? 'dmy' : 'mdy';
    out.example = seen.dmy ?? seen.mdy;
  }
  return out;
}
