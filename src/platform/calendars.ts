// Dates in the three calendars Feedloop counts in: Gregorian, Jalali (Persian, jalaali-js: the
// Iranian year starts at Nowruz) and Hijri Umm al-Qura (Intl's islamic-umalqura, the month
// lengths Saudi Arabia publishes). Days are Gregorian `YYYY-MM-DD` strings; a calendar date is
// { year, month, day } of its own calendar.
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';

export type CalendarName = 'gregorian' | 'persian' | 'hijri';
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The years Intl's Umm al-Qura tables cover. */
export const HIJRI_YEARS = [1300, 1600] as const;

const DAY_MS = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) => isoDay(dayMs(day) + n * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Umm al-Qura date of a UTC instant (of a day's midnight, for a day). */
export function hijriOf(ms: number): CalendarDate {
  const parts = hijriFormat.formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Gregorian days of each day of a Hijri month, read from Intl, cached. */
const hijriMonths = new Map<string, string[]>();
export function hijriMonthDays(year: number, month: number): string[] {
  const key = `${year}-${month}`;
  const cached = hijriMonths.get(key);
  if (cached) return cached;
  // 1 Muharram 1 AH is 16 July 622; a mean lunar month is 29.53 days. Start a little before the
  // estimate and read Intl's answer day by day.
  const estimate = Date.UTC(622, 6, 16) + ((year - 1) * 354.367 + (month - 1) * 29.5306) * DAY_MS;
  const out: string[] = [];
  for (let ms = estimate - 20 * DAY_MS; ms < estimate + 60 * DAY_MS; ms += DAY_MS) {
    const h = hijriOf(ms);
    if (h.year === year && h.month === month) out.push(isoDay(ms));
    else if (out.length > 0) break;
  }
  hijriMonths.set(key, out);
  return out;
}

/** Days in a Hijri (Umm al-Qura) month: 29 or 30, as Intl knows them. */
export const hijriMonthLength = (year: number, month: number) => hijriMonthDays(year, month).length;

const ownDates = new Map<string, CalendarDate>();
/** A Gregorian day's date in a calendar. */
export function dateIn(calendar: CalendarName, day: string): CalendarDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (calendar === 'gregorian') return { year: y, month: m, day: d };
  const key = `${calendar}:${day}`;
  let date = ownDates.get(key);
  if (!date) {
    if (calendar === 'persian') {
      const j = toJalaali(y, m, d);
      date = { year: j.jy, month: j.jm, day: j.jd };
    } else date = hijriOf(dayMs(day));
    if (ownDates.size > 50_000) ownDates.clear();
    ownDates.set(key, date);
  }
  return date;
}

/** Days in a month of a calendar. */
export function monthLength(calendar: CalendarName, year: number, month: number): number {
  if (calendar === 'persian') return jalaaliMonthLength(year, month);
  if (calendar === 'hijri') return hijriMonthLength(year, month);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Gregorian day of a calendar date, or null when that date does not exist (30 Esfand of a common year). */
export function gregorianDay(calendar: CalendarName, date: CalendarDate): string | null {
  switch (calendar) {
    case 'gregorian': {
      const ms = Date.UTC(date.year, date.month - 1, date.day);
      const back = new Date(ms);
      return back.getUTCMonth() === date.month - 1 && back.getUTCDate() === date.day ? isoDay(ms) : null;
    }
    case 'persian': {
      if (!isValidJalaaliDate(date.year, date.month, date.day)) return null;
      const g = toGregorian(date.year, date.month, date.day);
      return isoDay(Date.UTC(g.gy, g.gm - 1, g.gd));
    }
    case 'hijri':
      return hijriMonthDays(date.year, date.month)[date.day - 1] ?? null;
  }
}
