// Names of weekdays and of months in the calendar a holiday is kept in (Jalali, Hijri Umm
// al-Qura, Gregorian), written by Intl in the user's language and digits.
import type { HolidayCalendar } from '@feedloop/contracts/business-hours';
import { type FormatPrefs, jalaliToIsoDay, resolveCalendar, toLocalDigits } from '../../lib/format';

type IntlCalendar = ReturnType<typeof resolveCalendar>;

const ICU: Record<HolidayCalendar, IntlCalendar> = { jalali: 'persian', hijri: 'islamic-umalqura', gregorian: 'gregory' };
const BASE: Record<string, string> = { en: 'en', fa: 'fa-IR', ar: 'ar', zh: 'zh-CN' };
const DAY_MS = 86_400_000;

/** The holiday calendar a user keeps: Jalali for Persian, Hijri for those who chose it, else Gregorian. */
export function ownHolidayCalendar(prefs: Pick<FormatPrefs, 'locale' | 'calendar'>): HolidayCalendar {
  const calendar = resolveCalendar(prefs.locale, prefs.calendar);
  return calendar === 'persian' ? 'jalali' : calendar === 'islamic-umalqura' ? 'hijri' : 'gregorian';
}

/** A day around the middle of month `month` of a recent year of the calendar. */
function midMonth(calendar: HolidayCalendar, month: number): Date {
  if (calendar === 'gregorian') return new Date(Date.UTC(2025, month - 1, 15));
  if (calendar === 'jalali') return new Date(`${jalaliToIsoDay(1404, month, 15)}T12:00:00Z`);
  // 1 Muharram 1447 was 26 June 2025; a lunar month is 29.53 days.
  return new Date(Date.UTC(2025, 5, 26) + ((month - 1) * 29.5306 + 14) * DAY_MS);
}

const tag = (prefs: Pick<FormatPrefs, 'locale'>, calendar: HolidayCalendar) =>
  `${prefs.locale === 'ar' && calendar === 'hijri' ? 'ar-SA' : BASE[prefs.locale]}-u-ca-${ICU[calendar]}`;

export function monthNames(calendar: HolidayCalendar, prefs: Pick<FormatPrefs, 'locale'>): string[] {
  const format = new Intl.DateTimeFormat(tag(prefs, calendar), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(midMonth(calendar, i + 1)));
}

/** The longest month `month` ever is in its calendar (the server checks the exact year). */
export function longestMonth(calendar: HolidayCalendar, month: number): number {
  if (calendar === 'jalali') return month <= 6 ? 31 : 30;
  if (calendar === 'hijri') return 30;
  return new Date(Date.UTC(2024, month, 0)).getUTCDate();
}

/** This year in the calendar, e.g. 1405 (Jalali) or 1447 (Hijri). */
export function currentYear(calendar: HolidayCalendar): number {
  const parts = new Intl.DateTimeFormat(`en-u-ca-${ICU[calendar]}-nu-latn`, { year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date());
  return Number(parts.find((p) => p.type === 'year')?.value ?? new Date().getUTCFullYear());
}

/** ISO weekday (1 = Monday) by name: 1 January 2024 was a Monday. */
export function weekdayName(weekday: number, prefs: Pick<FormatPrefs, 'locale'>): string {
  return new Intl.DateTimeFormat(BASE[prefs.locale], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

export const digits = (value: number | string, prefs: Pick<FormatPrefs, 'locale' | 'digits'>) => toLocalDigits(String(value), prefs);
