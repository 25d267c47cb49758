// The Metrics page's periods in the user's calendar: presets ("last 12 months", "this quarter")
// and named months, quarters and years (Azar 1405, Rabi' II 1448, December 2026), each as the
// Gregorian ISO days the API reads. Calendar arithmetic walks days through Intl, which knows the
// Jalali and Umm al-Qura calendars, so no month length is written here.
import type { PeriodCalendar, PeriodGrain } from '@feedloop/contracts/metrics';
import { dateLocaleTag, resolveCalendar, toLocalDigits, type FormatPrefs } from './format';

export const RANGE_PRESETS = [
  'last-30-days',
  'last-12-weeks',
  'last-12-months',
  'this-month',
  'this-quarter',
  'last-quarter',
  'this-year',
  'last-year',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The grain a preset is read in unless the user picks another. */
export const PRESET_GRAIN: Record<RangePreset, PeriodGrain> = {
  'last-30-days': 'day',
  'last-12-weeks': 'week',
  'last-12-months': 'month',
  'this-month': 'day',
  'this-quarter': 'month',
  'last-quarter': 'month',
  'this-year': 'month',
  'last-year': 'month',
};

export interface DayRange {
  from: string;
  to: string;
}

type IntlCalendar = ReturnType<typeof resolveCalendar>;

const INTL_TO_PERIOD: Record<IntlCalendar, PeriodCalendar> = { gregory: 'gregorian', persian: 'persian', 'islamic-umalqura': 'hijri' };
const PERIOD_TO_INTL: Record<PeriodCalendar, IntlCalendar> = { gregorian: 'gregory', persian: 'persian', hijri: 'islamic-umalqura' };

/** The calendar the user reads dates in, as the metrics API names it. */
export function periodCalendarOf(prefs: Pick<FormatPrefs, 'locale' | 'calendar'>): PeriodCalendar {
  return INTL_TO_PERIOD[resolveCalendar(prefs.locale, prefs.calendar)];
}

const DAY_MS = 86_400_000;
const partsFormatters = new Map<IntlCalendar, Intl.DateTimeFormat>();

const utcNoon = (iso: string) => new Date(`${iso}T12:00:00Z`);
export const addDays = (iso: string, days: number) => new Date(utcNoon(iso).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** Year, month and day of an ISO day in a calendar. */
export function calendarParts(iso: string, calendar: PeriodCalendar): { year: number; month: number; day: number } {
  const intl = PERIOD_TO_INTL[calendar];
  let formatter = partsFormatters.get(intl);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(`en-u-ca-${intl}-nu-latn`, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    partsFormatters.set(intl, formatter);
  }
  const parts = formatter.formatToParts(utcNoon(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { year: get('year'), month: get('month'), day: get('day') };
}

export const startOfMonth = (iso: string, calendar: PeriodCalendar) => addDays(iso, 1 - calendarParts(iso, calendar).day);

function startOfQuarter(iso: string, calendar: PeriodCalendar): string {
  let day = startOfMonth(iso, calendar);
  while ((calendarParts(day, calendar).month - 1) % 3 !== 0) day = startOfMonth(addDays(day, -1), calendar);
  return day;
}

function startOfYear(iso: string, calendar: PeriodCalendar): string {
  let day = startOfMonth(iso, calendar);
  while (calendarParts(day, calendar).month !== 1) day = startOfMonth(addDays(day, -1), calendar);
  return day;
}

/** The first day of the month after the one `iso` is in (no month is longer than 31 days). */
const nextMonth = (iso: string, calendar: PeriodCalendar) => startOfMonth(addDays(startOfMonth(iso, calendar), 32), calendar);

const monthsLater = (iso: string, calendar: PeriodCalendar, count: number) => {
  let day = startOfMonth(iso, calendar);
  for (let i = 0; i < count; i += 1) day = nextMonth(day, calendar);
  return day;
};

const monthsEarlier = (iso: string, calendar: PeriodCalendar, count: number) => {
  let day = startOfMonth(iso, calendar);
  for (let i = 0; i < count; i += 1) day = startOfMonth(addDays(day, -1), calendar);
  return day;
};

/** The days a preset covers on `today`, in the user's calendar. */
export function presetRange(preset: RangePreset, today: string, calendar: PeriodCalendar): DayRange {
  switch (preset) {
    case 'last-30-days':
      return { from: addDays(today, -29), to: today };
    case 'last-12-weeks':
      return { from: addDays(today, -83), to: today };
    case 'last-12-months':
      return { from: monthsEarlier(today, calendar, 11), to: today };
    case 'this-month':
      return { from: startOfMonth(today, calendar), to: today };
    case 'this-quarter':
      return { from: startOfQuarter(today, calendar), to: today };
    case 'last-quarter': {
      const thisQuarter = startOfQuarter(today, calendar);
      return { from: startOfQuarter(addDays(thisQuarter, -1), calendar), to: addDays(thisQuarter, -1) };
    }
    case 'this-year':
      return { from: startOfYear(today, calendar), to: today };
    case 'last-year': {
      const thisYear = startOfYear(today, calendar);
      return { from: startOfYear(addDays(thisYear, -1), calendar), to: addDays(thisYear, -1) };
    }
  }
}

export interface NamedPeriod extends DayRange {
  kind: 'month' | 'quarter' | 'year';
  /** Its name in the user's language, calendar and digits, e.g. "آذر ۱۴۰۵". */
  name: string;
}

/** Today in the browser's time zone, as an ISO day. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Writes a year (or any whole number) without grouping, in the user's digits. */
const plainNumber = (value: number, prefs: FormatPrefs) => toLocalDigits(String(value), prefs);

/**
 * A month's name with its year in the user's calendar: "December 2026", "آذر ۱۴۰۵",
 * "جمادى الآخرة ١٤٤٨". The locale data puts the Jalali year first ("۱۴۰۵ آذر"), unlike Persian
 * writing, so outside Chinese the month and the year are set side by side here.
 */
export function monthName(firstDay: string, prefs: FormatPrefs, calendar: PeriodCalendar): string {
  const tag = dateLocaleTag({ ...prefs, calendar });
  if (prefs.locale === 'zh')
    return new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(utcNoon(firstDay));
  const month = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' }).format(utcNoon(firstDay));
  return `${month} ${plainNumber(calendarParts(firstDay, calendar).year, prefs)}`;
}

/**
 * The last twelve months, the last four quarters and the last two years, newest first, named in
 * the user's calendar (`quarterName` supplies the words, e.g. a Jalali season).
 */
export function namedPeriods(today: string, prefs: FormatPrefs, quarterName: (quarter: number, year: string) => string): NamedPeriod[] {
  const calendar = periodCalendarOf(prefs);
  const periods: NamedPeriod[] = [];
  let month = startOfMonth(today, calendar);
  for (let i = 0; i < 12; i += 1) {
    periods.push({ kind: 'month', from: month, to: addDays(nextMonth(month, calendar), -1), name: monthName(month, prefs, calendar) });
    month = startOfMonth(addDays(month, -1), calendar);
  }
  let quarter = startOfQuarter(today, calendar);
  for (let i = 0; i < 4; i += 1) {
    const { year, month: m } = calendarParts(quarter, calendar);
    const to = addDays(monthsLater(quarter, calendar, 3), -1);
    periods.push({ kind: 'quarter', from: quarter, to, name: quarterName((m - 1) / 3 + 1, plainNumber(year, prefs)) });
    quarter = startOfQuarter(addDays(quarter, -1), calendar);
  }
  let year = startOfYear(today, calendar);
  for (let i = 0; i < 2; i += 1) {
    const to = addDays(monthsLater(year, calendar, 12), -1);
    periods.push({ kind: 'year', from: year, to, name: plainNumber(calendarParts(year, calendar).year, prefs) });
    year = startOfYear(addDays(year, -1), calendar);
  }
  return periods;
}
