// When a member's digest goes out and which days it covers, in the member's own time zone.
// A weekly digest covers the seven days before the day it is sent (sent on Saturday, it covers
// Saturday to Friday, the Persian week); a monthly one, sent on the 1st, the month before.
import { DateTime } from 'luxon';
import type { DigestFrequency } from '../../contracts/digest.js';

export interface DigestTiming {
  frequency: DigestFrequency;
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  hour: number;
  timeZone: string;
}

/** Local days, `YYYY-MM-DD`, both included. */
export interface DigestPeriod {
  start: string;
  end: string;
}

/** The first time after `after` that the digest is due. */
export function nextDigestAt(timing: DigestTiming, after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone: timing.timeZone });
  if (timing.frequency === 'monthly') {
    const thisMonth = local.startOf('month').set({ hour: timing.hour });
    return (thisMonth > local ? thisMonth : thisMonth.plus({ months: 1 }).set({ hour: timing.hour })).toJSDate();
  }
  const day = local.startOf('day').plus({ days: (timing.weekday - local.weekday + 7) % 7 });
  const candidate = day.set({ hour: timing.hour });
  return (candidate > local ? candidate : day.plus({ weeks: 1 }).set({ hour: timing.hour })).toJSDate();
}

/** The days a digest sent at `at` covers. */
export function digestPeriod(timing: DigestTiming, at: Date): DigestPeriod {
  const day = DateTime.fromJSDate(at, { zone: timing.timeZone }).startOf('day');
  if (timing.frequency === 'monthly') {
    const month = day.startOf('month').minus({ months: 1 });
    return { start: month.toISODate()!, end: month.endOf('month').toISODate()! };
  }
  return { start: day.minus({ days: 7 }).toISODate()!, end: day.minus({ days: 1 }).toISODate()! };
}

/** The period just before, of the same kind, to compare with. */
export function previousDigestPeriod(frequency: DigestFrequency, period: DigestPeriod): DigestPeriod {
  const start = DateTime.fromISO(period.start, { zone: 'UTC' });
  if (frequency === 'monthly') {
    const month = start.minus({ months: 1 });
    return { start: month.toISODate()!, end: month.endOf('month').toISODate()! };
  }
  return { start: start.minus({ days: 7 }).toISODate()!, end: start.minus({ days: 1 }).toISODate()! };
}

/** Is this an IANA time zone the runtime knows? */
export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`). */
export function daysBetweenDates(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
