// Request shapes of the digest preferences: the fields a user may change, nothing else.
import { z } from 'zod';
import { DIGEST_FREQUENCIES } from '../../contracts/digest.js';
import { zLocale } from '../../platform/http/zod-types.js';
import { isTimeZone } from './digest-schedule.js';

export const ZUpdateDigestPreferences = z.strictObject({
  enabled: z.boolean().optional(),
  frequency: z.enum(DIGEST_FREQUENCIES).optional(),
  weekday: z.number().int().min(1).max(7).optional().describe('ISO weekday of a weekly digest: 1 Monday … 7 Sunday'),
  hour: z.number().int().min(0).max(23).optional().describe('local hour, 0–23'),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as Asia/Tehran')
    .optional(),
  language: zLocale.optional(),
});
export type TUpdateDigestPreferences = z.output<typeof ZUpdateDigestPreferences>;
