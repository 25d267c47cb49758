// Request shape of GET /before-after.
import { z } from 'zod';
import { CHANNELS } from '../../contracts/feedback.js';
import { zUuid, zWholeNumber } from '../../platform/http/zod-types.js';
import { zLocalDay } from '../drivers/drivers.input.js';

export const BEFORE_AFTER_MAX_DAYS = 180;
export const BEFORE_AFTER_DEFAULT_DAYS = 30;

export const ZBeforeAfterQuery = z
  .strictObject({
    date: zLocalDay.optional().describe('The day the change took effect (workspace time zone): "after" starts on it'),
    ideaId: zUuid.optional().describe('Instead of date: an idea marked done; the day it was marked done'),
    days: zWholeNumber(1, BEFORE_AFTER_MAX_DAYS).default(BEFORE_AFTER_DEFAULT_DAYS).describe('Length of each window in days'),
    channel: z.enum(CHANNELS).optional().describe('Only feedback of this channel'),
  })
  .refine((q) => !(q.date && q.ideaId), { path: ['ideaId'], message: 'give either date or ideaId, not both' })
  .refine((q) => q.date || q.ideaId, { path: ['date'], message: 'give the date of the change, or ideaId' });
export type TBeforeAfterQuery = z.infer<typeof ZBeforeAfterQuery>;
