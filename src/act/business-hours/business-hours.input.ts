// Request shapes of business hours: the shape here (400), what the dates and hours mean in the
// service (422), each naming the field.
import { z } from 'zod';
import { HOLIDAY_CALENDARS } from '../../contracts/business-hours.js';

export const BUSINESS_HOURS_LIMITS = { periods: 50, holidays: 200 } as const;

const zWeekday = z.number().int().min(1).max(7);
const zClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time, HH:mm');

export const ZBusinessHours = z.strictObject({
  timeZone: z.string().trim().min(1).max(64).describe('IANA time zone, e.g. Asia/Tehran'),
  weekStart: zWeekday.describe('ISO weekday the week starts on (1 = Monday … 7 = Sunday)'),
  weekly: z
    .array(z.strictObject({ weekday: zWeekday, start: zClock, end: z.union([zClock, z.literal('24:00')]) }))
    .max(BUSINESS_HOURS_LIMITS.periods),
  holidays: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(100),
        calendar: z.enum(HOLIDAY_CALENDARS),
        year: z.number().int().nullable().describe('null: every year on this month and day of its calendar'),
        month: z.number().int().min(1).max(12),
        day: z.number().int().min(1).max(31),
      }),
    )
    .max(BUSINESS_HOURS_LIMITS.holidays),
});
export type TBusinessHours = z.infer<typeof ZBusinessHours>;
