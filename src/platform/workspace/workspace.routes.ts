// The current workspace's settings over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zLocale } from '../http/zod-types.js';
import {
  getWorkspaceSettings,
  updateWorkspaceSettings,
  WEEK_DAYS,
  WEEK_STARTS,
  WORKSPACE_CALENDARS,
} from './workspace-settings.service.js';
import { isTimeZone } from '../time-zone.js';
import { getSupportedRegionCodes } from 'awesome-phonenumber';

export const ZUpdateWorkspaceInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  defaultLocale: zLocale.optional(),
  timezone: z.string().max(100).refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Tehran' }).optional(),
  piiRedaction: z
    .boolean()
    .optional()
    .describe(
      'Replace e-mail addresses, phone numbers and card numbers in new feedback text and metadata with [email], [phone], [card] before storing',
    ),
  surveyThrottleDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .describe('Survey a customer at most once per this many days, across all surveys (0: no limit)'),
  calendar: z
    .enum(WORKSPACE_CALENDARS)
    .optional()
    .describe("The workspace's default calendar, hijri being Umm al-Qura (users may override it for themselves)"),
  weekStart: z.enum(WEEK_STARTS).optional(),
  weekendDays: z
    .array(z.enum(WEEK_DAYS))
    .max(3)
    .refine((days) => new Set(days).size === days.length, { message: 'must not repeat a day' })
    .optional()
    .describe('e.g. ["fri"] in Iran, ["fri", "sat"] in most Arab countries, ["sat", "sun"] elsewhere'),
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => getSupportedRegionCodes().includes(code), {
      message: 'must be an ISO 3166-1 alpha-2 country code such as IR, SA, AE, CN or US',
    })
    .nullable()
    .optional()
    .describe('Phone numbers written without a country code are read in this country (null: they are refused)'),
});

export async function workspaceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workspace'];

  r.get(
    '/api/v1/workspace',
    {
      config: { permission: 'workspace:read' },
      schema: { tags, summary: 'The current workspace and its settings' },
    },
    async (req) => getWorkspaceSettings(req.scope),
  );

  r.patch(
    '/api/v1/workspace',
    {
      config: { permission: 'workspace:manage' },
      schema: {
        tags,
        summary:
          'Change the workspace name, default locale, calendar, week, time zone, default phone country, PII redaction or survey throttle (owners and admins)',
        body: ZUpdateWorkspaceInput,
      },
    },
    async (req) => updateWorkspaceSettings(req.scope, req.actor!, req.body),
  );
}
