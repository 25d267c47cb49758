// Business time: when a workspace is open (weekly hours in its time zone, minus holidays), and
// arithmetic on it, so due times and SLA clocks count only the hours someone is at work.
// Local times become instants through luxon, day by day, so a DST change shortens or lengthens
// the day it happens on and nothing else; each day's open intervals are computed once per
// calendar and reused, since an SLA scan asks about the same few days again and again.
import { DateTime } from 'luxon';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { closedDatesIn } from './holiday-dates.js';
import { businessHours } from './business-hours.tables.js';

export interface BusinessCalendar {
  /** IANA zone the hours are in, e.g. Asia/Tehran. */
  timeZone: string;
  /** Open periods per ISO weekday (1 = Monday … 7 = Sunday), "HH:mm" local times. */
  weekly: Array<{ weekday: number; start: string; end: string }>;
  /** Closed local dates (YYYY-MM-DD, Gregorian), whatever calendar they were entered in. */
  closedDates: string[];
}

/** Open all day every day: business time equals clock time. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  closedDates: [],
};

/** How far the arithmetic looks for open time before giving up (a calendar with no open day). */
const SEARCH_DAYS = 3 * 366;

type Interval = readonly [startMs: number, endMs: number];

interface Compiled {
  closed: Set<string>;
  byWeekday: Map<number, Array<{ start: number; end: number }>>;
  /** Open intervals of a local date (key: its first instant), merged and sorted. */
  days: Map<number, Interval[]>;
  /** The next local day of each day walked through (same key). */
  nextDays: Map<number, DateTime<boolean>>;
}

const compiledCalendars = new WeakMap<BusinessCalendar, Compiled>();
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function compile(calendar: BusinessCalendar): Compiled {
  let c = compiledCalendars.get(calendar);
  if (!c) {
    const byWeekday = new Map<number, Array<{ start: number; end: number }>>();
    for (const p of calendar.weekly) {
      const list = byWeekday.get(p.weekday) ?? [];
      list.push({ start: minutesOf(p.start), end: minutesOf(p.end) });
      byWeekday.set(p.weekday, list);
    }
    c = { closed: new Set(calendar.closedDates), byWeekday, days: new Map(), nextDays: new Map() };
    compiledCalendars.set(calendar, c);
  }
  return c;
}

/** The open intervals of the local day `day` (a luxon start of day in the calendar's zone). */
function openIntervals(c: Compiled, day: DateTime<boolean>): Interval[] {
  const key = day.toMillis();
  const cached = c.days.get(key);
  if (cached) return cached;
  let out: Interval[] = [];
  if (!c.closed.has(day.toISODate()!)) {
    // Minutes after local midnight become instants through luxon, which moves a time a DST gap
    // skips forward and reads a repeated hour once.
    const at = (minutes: number) =>
      minutes >= 24 * 60 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
    const periods = (c.byWeekday.get(day.weekday) ?? []).map((p) => [at(p.start), at(p.end)] as const).filter(([s, e]) => e > s);
    periods.sort((a, b) => a[0] - b[0]);
    for (const p of periods) {
      const last = out[out.length - 1];
      if (last && p[0] <= last[1]) out[out.length - 1] = [last[0], Math.max(last[1], p[1])];
      else out.push(p);
    }
  } else out = [];
  c.days.set(key, out);
  return out;
}

function nextDay(c: Compiled, day: DateTime<boolean>): DateTime<boolean> {
  const key = day.toMillis();
  let next = c.nextDays.get(key);
  if (!next) {
    next = day.plus({ days: 1 });
    c.nextDays.set(key, next);
  }
  return next;
}

const startOfLocalDay = (calendar: BusinessCalendar, at: Date): DateTime<boolean> =>
  DateTime.fromMillis(at.getTime(), { zone: calendar.timeZone }).startOf('day');

/** The instant `minutes` of business time after `from`. */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  if (minutes <= 0) return from;
  const c = compile(calendar);
  let remaining = minutes * 60_000;
  const t = from.getTime();
  let day = startOfLocalDay(calendar, from);
  for (let i = 0; i < SEARCH_DAYS; i++, day = nextDay(c, day)) {
    for (const [s, e] of openIntervals(c, day)) {
      if (e <= t) continue;
      const start = Math.max(s, t);
      if (remaining <= e - start) return new Date(start + remaining);
      remaining -= e - start;
    }
  }
  throw new Error(`no business time within ${SEARCH_DAYS} days of ${from.toISOString()}`);
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const f = from.getTime();
  const t = to.getTime();
  if (t <= f) return 0;
  const c = compile(calendar);
  let total = 0;
  for (let day = startOfLocalDay(calendar, from); day.toMillis() < t; day = nextDay(c, day)) {
    for (const [s, e] of openIntervals(c, day)) total += Math.max(0, Math.min(e, t) - Math.max(s, f));
  }
  return total / 60_000;
}

/** Holidays are turned into dates for this many Gregorian years either side of now. */
const HOLIDAY_YEARS_AROUND = { before: 1, after: 2 } as const;

/** The workspace's business calendar (ALWAYS_OPEN until hours are set). */
export async function workspaceBusinessCalendar(scope: WorkspaceScope, tx: DbOrTx): Promise<BusinessCalendar> {
  const [row] = await tx.select().from(businessHours).where(scope.where(businessHours));
  if (!row) return ALWAYS_OPEN;
  const year = new Date().getUTCFullYear();
  return {
    timeZone: row.timeZone,
    weekly: row.weekly,
    closedDates: closedDatesIn(row.holidays, year - HOLIDAY_YEARS_AROUND.before, year + HOLIDAY_YEARS_AROUND.after),
  };
}
