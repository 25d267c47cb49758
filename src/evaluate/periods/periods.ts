// Periods of a calendar over local days: the day, week, month, quarter and year a workspace
// reports in. A Jalali month starts on the 1st of the Persian month and its year at Nowruz, its
// quarters are the seasons; a Hijri month follows Umm al-Qura. Weeks start on the workspace's
// day. Everything here is in local days (`YYYY-MM-DD`); which instants a local day spans depends
// on the workspace time zone and is answered by `periodInstants` (DST days are 23 or 25 hours).
import { DateTime } from 'luxon';
import type { Period, PeriodCalendar, PeriodGrain } from '../../contracts/metrics.js';
import type { WeekStart } from '../../contracts/workspace.js';
import { addDays, dateIn, dayMs, daysBetween, gregorianDay, monthLength, type CalendarDate } from '../../platform/calendars.js';

export interface PeriodOptions {
  grain: PeriodGrain;
  calendar: PeriodCalendar;
  weekStart: WeekStart;
}

// getUTCDay(): 0 = Sunday … 6 = Saturday.
const WEEK_START_DAY: Record<WeekStart, number> = { sun: 0, mon: 1, sat: 6 };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const quarterOf = (month: number) => Math.ceil(month / 3);

function firstOf(calendar: PeriodCalendar, date: CalendarDate): string {
  return gregorianDay(calendar, date)!;
}
function lastOfMonth(calendar: PeriodCalendar, year: number, month: number): string {
  return gregorianDay(calendar, { year, month, day: monthLength(calendar, year, month) })!;
}

/** The period of a grain that contains a local day. */
export function periodOf(day: string, { grain, calendar, weekStart }: PeriodOptions): Period {
  const own = dateIn(calendar, day);
  const key = (body: string) => `${calendar}:${grain}:${body}`;
  switch (grain) {
    case 'day':
      return {
        key: key(day),
        grain,
        first: day,
        last: day,
        label: { calendar, year: own.year, quarter: quarterOf(own.month), month: own.month, day: own.day },
      };
    case 'week': {
      const back = (new Date(dayMs(day)).getUTCDay() - WEEK_START_DAY[weekStart] + 7) % 7;
      const first = addDays(day, -back);
      const start = dateIn(calendar, first);
      // The key names the week by its first Gregorian day, so it is the same whichever calendar labels it.
      return {
        key: key(first),
        grain,
        first,
        last: addDays(first, 6),
        label: { calendar, year: start.year, quarter: quarterOf(start.month), month: start.month, day: start.day },
      };
    }
    case 'month':
      return {
        key: key(`${pad(own.year, 4)}-${pad(own.month)}`),
        grain,
        first: firstOf(calendar, { year: own.year, month: own.month, day: 1 }),
        last: lastOfMonth(calendar, own.year, own.month),
        label: { calendar, year: own.year, quarter: quarterOf(own.month), month: own.month, day: null },
      };
    case 'quarter': {
      const quarter = quarterOf(own.month);
      return {
        key: key(`${pad(own.year, 4)}-Q${quarter}`),
        grain,
        first: firstOf(calendar, { year: own.year, month: quarter * 3 - 2, day: 1 }),
        last: lastOfMonth(calendar, own.year, quarter * 3),
        label: { calendar, year: own.year, quarter, month: null, day: null },
      };
    }
    case 'year':
      return {
        key: key(pad(own.year, 4)),
        grain,
        first: firstOf(calendar, { year: own.year, month: 1, day: 1 }),
        last: lastOfMonth(calendar, own.year, 12),
        label: { calendar, year: own.year, quarter: null, month: null, day: null },
      };
  }
}

/** The periods covering the local days `from`–`to` (inclusive), in order; the first and last may reach outside. */
export function periodsCovering(from: string, to: string, options: PeriodOptions): Period[] {
  const out: Period[] = [];
  for (let day = from; daysBetween(day, to) >= 0; ) {
    const period = periodOf(day, options);
    out.push(period);
    day = addDays(period.last, 1);
  }
  return out;
}

/** Which period each local day of `from`–`to` falls in: the reader buckets daily rollups with it. */
export function periodIndex(periods: Period[]): (day: string) => number {
  const starts = periods.map((p) => p.first);
  return (day) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** The instants a period spans in a time zone: [start, end), local midnights, DST included. */
export function periodInstants(period: Pick<Period, 'first' | 'last'>, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(period.first, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(addDays(period.last, 1), { zone: timeZone }).startOf('day');
  return { start: start.toJSDate(), end: end.toJSDate() };
}

/** Today's local day in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}
