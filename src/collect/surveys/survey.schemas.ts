// API input of the survey endpoints. Only the fields listed here can be written.
import { z } from 'zod';
import { zLocale, zPageQuery } from '../../platform/http/zod-types.js';
import { zSurveyDefinition } from './survey-definition.js';
import { SURVEY_TEMPLATES } from './survey-templates.js';

const ZSettings = z.strictObject({
  maxResponses: z.number().int().min(1).max(10_000_000).optional(),
  maxSendsPerDay: z.number().int().min(1).max(10_000_000).optional(),
});

const ZName = z.string().trim().min(1).max(200);

export const ZCreateSurveyInput = z.strictObject({
  name: ZName.optional().describe('Defaults to the template name'),
  definition: zSurveyDefinition.optional(),
  template: z.enum(SURVEY_TEMPLATES.map((t) => t.key) as [string, ...string[]]).optional().describe('Start from a shipped template'),
  languages: z.array(zLocale).min(1).max(4).optional().describe('With template: the languages to include (default all four)'),
  defaultLanguage: zLocale.optional().describe('With template: the fallback language (default en, or the first of languages)'),
  settings: ZSettings.default({}),
}).refine((v) => Boolean(v.definition) !== Boolean(v.template), { message: 'give a definition or a template, not both', path: ['definition'] })
  .refine((v) => v.template || v.name, { message: 'a survey without a template needs a name', path: ['name'] });
export type TCreateSurveyInput = z.infer<typeof ZCreateSurveyInput>;

export const ZUpdateSurveyInput = z.strictObject({
  name: ZName.optional(),
  definition: zSurveyDefinition.optional().describe('Replaces the questions; on a survey with responses this creates a new version'),
  settings: ZSettings.optional(),
});
export type TUpdateSurveyInput = z.infer<typeof ZUpdateSurveyInput>;

export const ZListSurveysQuery = z.strictObject({
  status: z.enum(['draft', 'live', 'closed']).optional(),
  ...zPageQuery,
});

export const ZSendSurveyInput = z.strictObject({
  customerIds: z.array(z.uuid()).min(1).max(1000),
  respectThrottle: z.boolean().default(true).describe('Skip customers surveyed within the workspace throttle window (false: send anyway)'),
});

export const ZListSendsQuery = z.strictObject({
  status: z.enum(['queued', 'sent', 'bounced', 'failed', 'skipped']).optional(),
  limit: zPageQuery.limit,
});
