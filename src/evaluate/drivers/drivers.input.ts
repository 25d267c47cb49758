// Request shape of GET /drivers.
import { z } from 'zod';
import { CHANNELS } from '../../contracts/feedback.js';
import { zWholeNumber } from '../../platform/http/zod-types.js';

/** The widest period one request may ask for. */
export const DRIVERS_MAX_DAYS = 366;
export const DRIVERS_DEFAULT_DAYS = 30;

export const zLocalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-03-21')
  .refine((s) => {
    const at = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(s);
  }, { message: 'must be a real calendar date' });

export const ZDriversQuery = z.strictObject({
  from: zLocalDay.optional().describe(`First day (inclusive) in the workspace time zone; ${DRIVERS_DEFAULT_DAYS} days before \`to\` when omitted`),
  to: zLocalDay.optional().describe('Last day (inclusive) in the workspace time zone; today when omitted'),
  channel: z.enum(CHANNELS).optional().describe('Only feedback of this channel'),
  limit: zWholeNumber(1, 50).default(10).describe('How many topics, highest impact first'),
});
export type TDriversQuery = z.infer<typeof ZDriversQuery>;
