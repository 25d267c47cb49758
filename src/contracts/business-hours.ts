// When a workspace is at work: weekly open hours in its time zone and holidays entered in the
// calendar people keep them in (Jalali, Hijri Umm al-Qura or Gregorian), and SLA targets in
// business minutes. Business time and SLA clocks count only these hours.

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

export const HOLIDAY_CALENDARS = ['jalali', 'hijri', 'gregorian'] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

/** One open period of a weekday, local "HH:mm" times; `end` may be "24:00". */
export interface OpenPeriod {
  weekday: IsoWeekday;
  start: string;
  end: string;
}

/**
 * A closed day. `year` null: every year on this month/day of its own calendar (a lunar holiday
 * moves every Gregorian year); otherwise once.
 */
export interface Holiday {
  name: string;
  calendar: HolidayCalendar;
  year: number | null;
  month: number;
  day: number;
}

/** GET and PUT /business-hours. */
export interface BusinessHours {
  timeZone: string;
  weekStart: IsoWeekday;
  weekly: OpenPeriod[];
  holidays: Holiday[];
}

export const BUSINESS_HOURS_PRESETS = ['iran', 'gulf', 'western'] as const;
export type BusinessHoursPreset = (typeof BUSINESS_HOURS_PRESETS)[number];

const days = (weekdays: IsoWeekday[], start: string, end: string): OpenPeriod[] => weekdays.map((weekday) => ({ weekday, start, end }));

/** Weekends by region: Friday in Iran, Friday–Saturday in the Gulf, Saturday–Sunday elsewhere. */
export const PRESET_HOURS: Record<BusinessHoursPreset, Pick<BusinessHours, 'weekStart' | 'weekly'>> = {
  iran: { weekStart: 6, weekly: days([6, 7, 1, 2, 3, 4], '09:00', '17:00') },
  gulf: { weekStart: 7, weekly: days([7, 1, 2, 3, 4], '09:00', '17:00') },
  western: { weekStart: 1, weekly: days([1, 2, 3, 4, 5], '09:00', '17:00') },
};

export const SLA_TARGETS = ['firstResponse', 'resolution'] as const;
export type SlaTargetName = (typeof SLA_TARGETS)[number];

/** A target per ticket priority, optionally only for customers in one segment (the more specific policy wins). */
export interface SlaPolicy {
  id: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  segmentId: string | null;
  /** Business minutes; null: no target. */
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** The warning comes when this share of the target is used (1–99). */
  warnPercent: number;
}

/** PUT /sla/policies: the whole set, replaced at once. */
export interface SlaPolicies {
  policies: Array<Omit<SlaPolicy, 'id'>>;
}

export interface SlaTargetState {
  targetMinutes: number;
  /** When it falls due if the clock keeps running (null while paused or stopped). */
  dueAt: string | null;
  /** Business minutes left; negative once breached. */
  remainingMinutes: number;
  /** When it was met (first reply, resolution); null while open. */
  metAt: string | null;
  warned: boolean;
  breached: boolean;
}

/** GET /tickets/{id}/sla (null fields: no policy applies). */
export interface TicketSla {
  policyId: string | null;
  /** Waiting on the customer (pending): the clocks stand still. */
  paused: boolean;
  firstResponse: SlaTargetState | null;
  resolution: SlaTargetState | null;
}
