// Holidays as people enter them, in the Jalali, Hijri (Umm al-Qura) or Gregorian calendar,
// turned into the Gregorian dates the workspace is closed on. Hijri dates come from Intl's
// islamic-umalqura calendar (the month lengths Saudi Arabia publishes), Jalali ones from
// jalaali-js, so a lunar holiday lands on its own day every Gregorian year.
import { DateTime } from 'luxon';
import type { Holiday } from '../../contracts/business-hours.js';
import { gregorianDay, hijriOf, HIJRI_YEARS } from '../../platform/calendars.js';

/** The years each calendar accepts: Intl's Umm al-Qura tables cover 1300–1600 AH. */
export const HOLIDAY_YEARS = { jalali: [1300, 1500], hijri: HIJRI_YEARS, gregorian: [1900, 2200] } as const;

function gregorianOf(h: Pick<Holiday, 'calendar' | 'month' | 'day'>, year: number): string | null {
  switch (h.calendar) {
    case 'gregorian': {
      const d = DateTime.utc(year, h.month, h.day);
      return d.isValid ? d.toISODate() : null;
    }
    case 'jalali':
      return gregorianDay('persian', { year, month: h.month, day: h.day });
    case 'hijri':
      return gregorianDay('hijri', { year, month: h.month, day: h.day });
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
