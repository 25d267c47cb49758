// Request shapes for exports. The filters of each list are its own query parameters, checked by
// that list's own schema, so an export matches exactly what the list shows.
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_SUBJECTS, type ExportSubject } from '../../contracts/exports.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZListFeedbackQuery } from '../../collect/feedback/feedback.input.js';
import { ZListTickets } from '../../act/tickets/tickets.input.js';
import { ZOverviewQuery } from '../overview/overview.input.js';
import { ZDriversQuery } from '../drivers/drivers.input.js';
import { ZLeagueQuery, ZMetricsQuery } from '../metrics/metrics.input.js';
import { ZBeforeAfterQuery } from '../before-after/before-after.input.js';

const ZListCustomersFilters = z.strictObject({ q: z.string().max(200).optional() });

/** Each subject's filters; paging is the export's own business. */
export const FILTER_SCHEMAS = {
  feedback: ZListFeedbackQuery,
  customers: ZListCustomersFilters,
  tickets: ZListTickets,
  overview: ZOverviewQuery,
  metrics: ZMetricsQuery,
  league: ZLeagueQuery,
  drivers: ZDriversQuery,
  before_after: ZBeforeAfterQuery,
} satisfies Record<ExportSubject, z.ZodType>;

const PAGING = ['cursor', 'limit'];

/** Filters as a query string carries them: every value a string. */
const ZFilterValues = z
  .record(z.string().max(50), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((r) => Object.keys(r).length <= 30, 'at most 30 filters')
  .transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));

export const ZCreateExport = z
  .strictObject({
    subject: z
      .enum(EXPORT_SUBJECTS)
      .describe(
        'feedback: the explorer’s filtered list; customers; tickets; overview: the overview’s daily table; metrics: a metric per period (and breakdown key), as GET /metrics answers; league: the keys of a dimension ranked by a metric, as GET /metrics/league answers; drivers: the topics that move NPS and CSAT most, as GET /drivers answers; before_after: each metric before and after a change, as GET /before-after answers',
      ),
    format: z.enum(EXPORT_FORMATS).describe('csv, xlsx (Excel) or pdf (a printed report)'),
    filters: ZFilterValues.default({}).describe(
      'The list’s own query parameters, e.g. {"sentiment":"negative","from":"2026-11-01T00:00:00Z"}',
    ),
  })
  .superRefine((v, ctx) => {
    for (const key of PAGING)
      if (key in v.filters) ctx.addIssue({ code: 'custom', path: ['filters', key], message: 'an export has every page; leave out paging' });
    if (v.subject === 'tickets' && v.filters.queue === 'breaching')
      ctx.addIssue({ code: 'custom', path: ['filters', 'queue'], message: 'the breaching queue is a live view and cannot be exported' });
    const parsed = FILTER_SCHEMAS[v.subject].safeParse(v.filters);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
      ctx.addIssue({ code: 'custom', path: ['filters', ...issue.path.map(String), ...keys], message: issue.message });
    }
  });
export type TCreateExport = z.infer<typeof ZCreateExport>;

export const ZExportParams = z.strictObject({ id: zUuid });
export const ZDownloadParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a download link') });
