// The current workspace's settings over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zLocale } from '../http/zod-types.js';
import { getWorkspaceSettings, updateWorkspaceSettings, WEEK_DAYS, WEEK_STARTS, WORKSPACE_CALENDARS } from './workspace-settings.service.js';
import { isTimeZone } from '../time-zone.js';

export const ZUpdateWorkspaceInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  defaultLocale: zLocale.optional(),
  timezone: z.string().max(100).refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Tehran' }).optional(),
  piiRedaction: z.boolean().optional()
    .describe('Replace e-mail addresses, phone numbers and card numbers in new feedback text and metadata with [email], [phone], [card] before storing'),
  surveyThrottleDays: z.number().int().min(0).max(365).optional().describe('Survey a customer at most once per this many days, across all surveys (0: no limit)'),
  calendar: z.enum(WORKSPACE_CALENDARS).optional().describe("The workspace's default calendar, hijri being Umm al-Qura (users may override it for themselves)"),
  weekStart: z.enum(WEEK_STARTS).optional(),
  weekendDays: z.array(z.enum(WEEK_DAYS)).max(3).refine((days) => new Set(days).size === days.length, { message: 'must not repeat a day' }).optional()
    .describe('e.g. ["fri"] in Iran, ["fri", "sat"] in most Arab countries, ["sat", "sun"] elsewhere'),
});

export async function workspaceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workspace'];

  r.get('/api/v1/workspace', {
    config: { permission: 'signed-in' },
    schema: { tags, summary: 'The current workspace and its settings' },
  }, async (req) => getWorkspaceSettings(req.scope));

  r.patch('/api/v1/workspace', {
    config: { permission: 'signed-in' },
    schema: {
      tags, summary: 'Change the workspace name, default locale, calendar, week, time zone, PII redaction or survey throttle (owners and admins)',
      body: ZUpdateWorkspaceInput,
    },
  }, async (req) => updateWorkspaceSettings(req.scope, req.actor!, req.body));
}
