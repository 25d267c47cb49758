// API input for emerging themes.
import { z } from 'zod';
import { zLocale, zWholeNumber } from '../../platform/http/zod-types.js';
import { THEME_LIMITS } from './limits.js';

const zName = z.string().trim().min(1).max(80);
const zDays = zWholeNumber(1, 90).default(14).describe('Window length in days: the last N days, compared with the N days before');

export const ZListThemesQuery = z.strictObject({
  days: zDays,
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as fa, ar, zh, en')
    .optional()
    .describe('Only themes of this feedback language; every language when omitted'),
  limit: zWholeNumber(1, 100).default(20),
});
export type TListThemesQuery = z.infer<typeof ZListThemesQuery>;

export const ZPromoteThemeInput = z.strictObject({
  phrase: z.string().trim().min(1).max(80).describe('The theme phrase; it becomes a keyword of the new topic'),
  language: zLocale.describe('The language of the phrase (topic keywords exist for fa, ar, zh and en)'),
  names: z
    .strictObject({ fa: zName.optional(), ar: zName.optional(), zh: zName.optional(), en: zName.optional() })
    .optional()
    .describe('Topic names per UI language; each missing one is the phrase itself'),
  days: zDays.describe(`Window the ${THEME_LIMITS.promoteExamples} example texts are taken from`),
});
export type TPromoteThemeInput = z.infer<typeof ZPromoteThemeInput>;
