// API input of the survey endpoints. Only the fields listed here can be written.
import { z } from 'zod';
import { zLocale, zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { SURVEY_LIMITS } from './limits.js';
import { zSurveyDefinition } from '../../contracts/survey-definition.js';
import { SURVEY_TEMPLATES } from './survey-templates.js';
import { ZSegmentCondition } from '../../contracts/segment-condition.js';
import { zWidgetSettings } from '../../contracts/widget-settings.js';
import { SURVEY_STATUSES } from '../../contracts/surveys.js';
import { SEND_STATUSES } from '../../contracts/survey-sending.js';

const ZSettings = z.strictObject({
  maxResponses: z.number().int().min(1).max(10_000_000).optional(),
  maxSendsPerDay: z.number().int().min(1).max(10_000_000).optional(),
  widget: zWidgetSettings.optional().describe('Show this survey in the website/in-app widget: triggers, display rules, sampling, segment'),
});

const ZName = z.string().trim().min(1).max(200);
const ZNames = z
  .partialRecord(zLocale, ZName)
  .describe(
    'The name in each language ({"fa": "…", "en": "…"}), shown to respondents and in lists in their language; `name` is shown where a language has none',
  );

export const ZCreateSurveyInput = z
  .strictObject({
    name: ZName.optional().describe('The fallback name; defaults to names in the default language, else the template name'),
    names: ZNames.optional().describe('With template: defaults to the template name in each language'),
    definition: zSurveyDefinition.optional(),
    template: z
      .enum(SURVEY_TEMPLATES.map((t) => t.key) as [string, ...string[]])
      .optional()
      .describe('Start from a shipped template'),
    languages: z.array(zLocale).min(1).max(4).optional().describe('With template: the languages to include (default all four)'),
    defaultLanguage: zLocale.optional().describe('With template: the fallback language (default en, or the first of languages)'),
    settings: ZSettings.default({}),
  })
  .refine((v) => Boolean(v.definition) !== Boolean(v.template), {
    message: 'give a definition or a template, not both',
    path: ['definition'],
  })
  .refine((v) => v.template || v.name || Object.keys(v.names ?? {}).length > 0, {
    message: 'a survey without a template needs a name',
    path: ['name'],
  });
export type TCreateSurveyInput = z.infer<typeof ZCreateSurveyInput>;

export const ZUpdateSurveyInput = z.strictObject({
  name: ZName.optional(),
  names: ZNames.optional().describe('Replaces the names per language as a whole'),
  definition: zSurveyDefinition.optional().describe('Replaces the questions; on a survey with responses this creates a new version'),
  settings: ZSettings.optional(),
});
export type TUpdateSurveyInput = z.infer<typeof ZUpdateSurveyInput>;

export const ZListSurveysQuery = z.strictObject({
  status: z.enum(SURVEY_STATUSES).optional(),
  ...zPageQuery,
});

// Who a send or a batch of personal links is for: exactly one of these.
const ZCustomerIds = z.array(z.uuid()).min(1).max(1000).optional().describe('Customers by id');
const ZList = z
  .string()
  .max(SURVEY_LIMITS.maxListChars)
  .optional()
  .describe(
    `Emails, phone numbers or external ids, one per line (commas, semicolons and tabs also separate; at most ${SURVEY_LIMITS.maxListEntries}); entries that are invalid, match no customer or repeat one are reported by line and left out`,
  );
const oneAudience = (fields: string[]) => (v: Record<string, unknown>) => fields.filter((f) => v[f] !== undefined).length === 1;

export const ZSendSurveyInput = z
  .strictObject({
    customerIds: ZCustomerIds,
    segmentId: zUuid.optional().describe(`Every customer of this saved segment (at most ${SURVEY_LIMITS.maxRecipients})`),
    list: ZList,
    respectThrottle: z
      .boolean()
      .default(true)
      .describe('Skip customers surveyed within the workspace throttle window (false: send anyway)'),
  })
  .refine(oneAudience(['customerIds', 'segmentId', 'list']), {
    message: 'give one of customerIds, segmentId or list',
    path: ['customerIds'],
  });
export type TSendSurveyInput = z.infer<typeof ZSendSurveyInput>;

export const ZPersonalLinksInput = z
  .strictObject({
    customerIds: ZCustomerIds,
    list: ZList,
  })
  .refine(oneAudience(['customerIds', 'list']), { message: 'give customerIds or list', path: ['customerIds'] });

export const ZEmailPreviewQuery = z.strictObject({
  lang: zLocale.optional().describe("One of the survey's languages (default: its fallback language)"),
});

export const ZListSendsQuery = z.strictObject({
  status: z.enum(SEND_STATUSES).optional(),
  limit: zPageQuery.limit,
});

const ZHourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
export const ZCreateTriggerInput = z.strictObject({
  eventName: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(
      /^[\p{L}\p{N}_.:\- ]+$/u,
      'letters, digits, space and _ . : - (e.g. order_placed, order_delivered, ticket_resolved, or your own event name)',
    ),
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(525_600)
    .default(0)
    .describe('Wait this long after the event (e.g. 4320 = 3 days after delivery)'),
  segment: z.array(ZSegmentCondition).max(20).default([]).describe('All conditions must hold for the customer'),
  quietHours: z
    .strictObject({ start: ZHourMinute, end: ZHourMinute })
    .nullable()
    .default(null)
    .describe("No email in this window of the customer's local time (attributes.timezone, else the workspace's)"),
  enabled: z.boolean().default(true),
});
export type TCreateTriggerInput = z.infer<typeof ZCreateTriggerInput>;
