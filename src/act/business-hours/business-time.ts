// Business time: when a workspace is open (weekly hours in its time zone, minus holidays), and
// arithmetic on it, so due times and SLA clocks count only the hours someone is at work.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DbOrTx } from '../../platform/db/client.js';

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

/** The instant `minutes` of business time after `from`. */
export function addBusinessMinutes(_calendar: BusinessCalendar, from: Date, minutes: number): Date {
  return new Date(from.getTime() + minutes * 60_000);
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(_calendar: BusinessCalendar, from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / 60_000);
}

/** The workspace's business calendar (ALWAYS_OPEN until hours are set). */
export async function workspaceBusinessCalendar(_scope: WorkspaceScope, _tx: DbOrTx): Promise<BusinessCalendar> {
  return ALWAYS_OPEN;
}
