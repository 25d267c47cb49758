// Holidays as people enter them, in the Jalali, Hijri (Umm al-Qura) or Gregorian calendar,
// turned into the Gregorian dates the workspace is closed on. Hijri dates come from Intl's
// islamic-umalqura calendar (the month lengths Saudi Arabia publishes), Jalali ones from
// jalaali-js, so a lunar holiday lands on its own day every Gregorian year.
import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import { DateTime } from 'luxon';
import type { Holiday } from '../../contracts/business-hours.js';

/** The years each calendar accepts: Intl's Umm al-Qura tables cover 1300–1600 AH. */
export const HOLIDAY_YEARS = { jalali: [1300, 1500], hijri: [1300, 1600], gregorian: [1900, 2200] } as const;

const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function hijriOf(ms: number): { year: number; month: number; day: number } {
  const parts = hijriFormat.formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Gregorian dates (YYYY-MM-DD) of each day of a Hijri month, from Intl, cached. */
const hijriMonths = new Map<string, string[]>();
function hijriMonth(year: number, month: number): string[] {
  const key = `${year}-${month}`;
  const cached = hijriMonths.get(key);
  if (cached) return cached;
  // 1 Muharram 1 AH is 16 July 622; a mean lunar month is 29.53 days. Start a little before the
  // estimate and read Intl's answer day by day.
  const estimate = Date.UTC(622, 6, 16) + ((year - 1) * 354.367 + (month - 1) * 29.5306) * DAY_MS;
  const out: string[] = [];
  for (let ms = estimate - 20 * DAY_MS; ms < estimate + 60 * DAY_MS; ms += DAY_MS) {
    const h = hijriOf(ms);
    if (h.year === year && h.month === month) out.push(isoDate(ms));
    else if (out.length > 0) break;
  }
  hijriMonths.set(key, out);
  return out;
}

/** Days in a Hijri (Umm al-Qura) month: 29 or 30, as Intl knows them. */
export const hijriMonthLength = (year: number, month: number) => hijriMonth(year, month).length;

function gregorianOf(h: Pick<Holiday, 'calendar' | 'month' | 'day'>, year: number): string | null {
  switch (h.calendar) {
    case 'gregorian': {
      const d = DateTime.utc(year, h.month, h.day);
      return d.isValid ? d.toISODate() : null;
    }
    case 'jalali': {
      if (!isValidJalaaliDate(year, h.month, h.day)) return null;
      const g = toGregorian(year, h.month, h.day);
      return DateTime.utc(g.gy, g.gm, g.gd).toISODate();
    }
    case 'hijri':
      return hijriMonth(year, h.month)[h.day - 1] ?? null;
  }
}

/**
 * Why this holiday cannot be saved (null: it can): a one-off date that does not exist in its
 * calendar (30 Esfand in a common Jalali year, 30 Ramadan in a 29-day Ramadan), or a yearly
 * month/day no year has.
 */
export function holidayProblem(h: Holiday): { field: 'year' | 'month' | 'day'; message: string } | null {
  if (h.year !== null) {
    const [min, max] = HOLIDAY_YEARS[h.calendar];
    if (h.year < min || h.year > max) return { field: 'year', message: `must be between ${min} and ${max} in this calendar` };
    if (gregorianOf(h, h.year) === null)
      return { field: 'day', message: `${h.year}/${h.month}/${h.day} does not exist in the ${h.calendar} calendar` };
    return null;
  }
  // Yearly: the longest this month ever is (Esfand has 30 days in leap years, a Hijri month 30 at most).
  const longest =
    h.calendar === 'gregorian' ? DateTime.utc(2024, h.month).daysInMonth! : h.calendar === 'jalali' ? (h.month <= 6 ? 31 : 30) : 30;
  if (h.day > longest) return { field: 'day', message: `month ${h.month} of the ${h.calendar} calendar never has a day ${h.day}` };
  return null;
}

/** The years of a holiday's own calendar that overlap Gregorian years `from`–`to`. */
function ownYears(h: Holiday, from: number, to: number): number[] {
  if (h.year !== null) return [h.year];
  if (h.calendar === 'gregorian') return range(from, to);
  if (h.calendar === 'jalali') return range(from - 622, to - 621);
  return range(hijriOf(Date.UTC(from, 0, 1)).year, hijriOf(Date.UTC(to, 11, 31)).year);
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** Gregorian dates (YYYY-MM-DD) the holidays fall on within Gregorian years `from`–`to`, sorted. */
export function closedDatesIn(holidays: Holiday[], from: number, to: number): string[] {
  const out = new Set<string>();
  for (const h of holidays) {
    for (const year of ownYears(h, from, to)) {
      const date = gregorianOf(h, year);
      const y = date ? Number(date.slice(0, 4)) : Number.NaN;
      if (date && y >= from && y <= to) out.add(date);
    }
  }
  return [...out].sort();
}
