// API input for the overview (the dashboard's home page).
import { z } from 'zod';
import { zWholeNumber } from '../../platform/http/zod-types.js';

/** The widest window one request may ask for: a year of daily points. */
export const OVERVIEW_MAX_DAYS = 366;
export const OVERVIEW_DEFAULT_DAYS = 30;

const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-03-21')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'must be a real calendar date',
  });

export const ZOverviewQuery = z
  .strictObject({
    from: zDay.optional().describe('First day (inclusive) in the workspace time zone; `days` before `to` when omitted'),
    to: zDay.optional().describe('Last day (inclusive) in the workspace time zone; today when omitted'),
    days: zWholeNumber(1, OVERVIEW_MAX_DAYS)
      .optional()
      .describe(`Instead of \`from\`: the last N days up to \`to\` (${OVERVIEW_DEFAULT_DAYS} by default)`),
  })
  .refine((q) => !(q.from && q.days), { path: ['days'], message: 'give either from or days, not both' });
export type TOverviewQuery = z.infer<typeof ZOverviewQuery>;

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The `YYYY-MM-DD` that is `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
