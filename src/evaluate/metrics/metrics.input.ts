// API input for GET /metrics: the metric, a range of local days, the grain and calendar of its
// periods, a breakdown and filters by dimension (`channel=email,widget`).
import { z } from 'zod';
import { METRIC_DIMENSIONS, METRIC_IDS, PERIOD_GRAINS, type MetricDimension } from '../../contracts/metrics.js';
import { WORKSPACE_CALENDARS } from '../../contracts/workspace.js';
import { zWholeNumber } from '../../platform/http/zod-types.js';

export const METRICS_LIMITS = {
  /** The widest range: ten years. */
  maxDays: 3660,
  /** Points per series: two years of days, ten years of weeks. */
  maxPeriods: 750,
  /** Keys one filter may name. */
  maxFilterKeys: 50,
  /** Breakdown keys answered, largest first. */
  maxBreakdownKeys: 100,
} as const;

export const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-03-21')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'must be a real calendar date',
  });

const zKeys = z
  .string()
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().max(200, 'each key must be at most 200 characters'))
      .min(1, 'must name at least one key')
      .max(METRICS_LIMITS.maxFilterKeys, `must name at most ${METRICS_LIMITS.maxFilterKeys} keys`),
  );

const filterShape = Object.fromEntries(
  METRIC_DIMENSIONS.map((d) => [d, zKeys.optional().describe(`Only items whose ${d} is one of these keys (comma-separated)`)]),
) as Record<MetricDimension, z.ZodOptional<typeof zKeys>>;

export const ZMetricsQuery = z
  .strictObject({
    metric: z.enum(METRIC_IDS),
    from: zDay.describe('First day (inclusive) in the workspace time zone'),
    to: zDay.describe('Last day (inclusive) in the workspace time zone'),
    grain: z.enum(PERIOD_GRAINS).default('day'),
    calendar: z.enum(WORKSPACE_CALENDARS).optional().describe("The periods' calendar: the user's, else the workspace's, when omitted"),
    breakdown: z.enum(METRIC_DIMENSIONS).optional(),
    ...filterShape,
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type TMetricsQuery = z.infer<typeof ZMetricsQuery>;

export const ZLeagueQuery = z
  .strictObject({
    metric: z.enum(METRIC_IDS),
    dimension: z.enum(METRIC_DIMENSIONS),
    from: zDay.describe('First day (inclusive) in the workspace time zone'),
    to: zDay.describe('Last day (inclusive) in the workspace time zone'),
    minN: zWholeNumber(1, 1_000_000).default(1).describe('Keys with fewer answers are listed unranked'),
    level: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .optional()
      .describe('service_unit only: rank the units of this kind (all stores, all branches), each with its descendants'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine((q) => !q.level || q.dimension === 'service_unit', { path: ['level'], message: 'needs dimension=service_unit' });
export type TLeagueQuery = z.infer<typeof ZLeagueQuery>;

export const ZCohortQuery = z
  .strictObject({
    from: zDay.describe('Cohorts whose first month starts on or after this local day'),
    to: zDay.describe('… and on or before this one'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine(
    (q) => new Date(`${q.to}T00:00:00Z`).getTime() - new Date(`${q.from}T00:00:00Z`).getTime() <= METRICS_LIMITS.maxDays * 86_400_000,
    {
      path: ['from'],
      message: `must be at most ${METRICS_LIMITS.maxDays} days before to`,
    },
  );
export type TCohortQuery = z.infer<typeof ZCohortQuery>;
