// Evaluate: the metrics the dashboards, the API, exports and the digest read. A metric is
// computed from the daily rollups, per period of a calendar and per key of one dimension, with
// its interval; "no data" is null, never 0 or NaN. Days are `YYYY-MM-DD` in the workspace time zone.
import type { WorkspaceCalendar } from './workspace.js';

/** The metrics of the catalogue (docs/metrics.md gives each one's definition). */
export const METRIC_IDS = [
  'nps',
  'csat',
  'ces',
  'response_rate',
  'sentiment_positive_share',
  'sentiment_negative_share',
  'sentiment_mean',
  'volume',
  'repeat_purchase_rate',
  'retention',
  'churn_risk',
  'ticket_volume',
  'sla_compliance',
  'first_contact_resolution',
  'compensation_total',
  'loop_closure_rate',
  'loop_closure_time',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** The metrics made of feedback items (scores, sentiment, volume): each has items to drill down to. */
export const FEEDBACK_METRIC_IDS = [
  'nps',
  'csat',
  'ces',
  'sentiment_positive_share',
  'sentiment_negative_share',
  'sentiment_mean',
  'volume',
] as const satisfies readonly MetricId[];

/** What a metric's value is measured in. */
export const METRIC_UNITS = ['nps_points', 'percent', 'mean_score', 'count', 'amount', 'hours'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/**
 * The dimensions feedback can be broken down or filtered by. `service_unit` rolls a unit's
 * children up into it; `agent` is the teammate the item is assigned to; `product` is the item's
 * `metadata.product`.
 */
export const FEEDBACK_DIMENSIONS = ['channel', 'type', 'topic', 'language', 'sentiment', 'product', 'service_unit', 'agent'] as const;
export type FeedbackDimension = (typeof FEEDBACK_DIMENSIONS)[number];
/**
 * Every dimension of some metric: the feedback ones, plus `team` (tickets' SLA), `survey` (response
 * rate) and `currency` (compensations, which are never added across currencies).
 */
export const METRIC_DIMENSIONS = [...FEEDBACK_DIMENSIONS, 'team', 'survey', 'currency'] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

export const PERIOD_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

/** Calendars periods are counted in: the workspace's (or the user's) choice. */
export type PeriodCalendar = WorkspaceCalendar;

/** A period's name in its own calendar: a Jalali quarter is a season, a Hijri month a lunar month. */
export interface PeriodLabel {
  calendar: PeriodCalendar;
  year: number;
  /** 1–4; set for quarters, months and days. */
  quarter: number | null;
  /** 1–12; set for months and days (a week: the month of its first day). */
  month: number | null;
  /** Day of the month; set for days and weeks (a week's first day). */
  day: number | null;
}

/** One period of a series: a stable key (e.g. `persian:month:1403-01`), its first and last local days. */
export interface Period {
  key: string;
  grain: PeriodGrain;
  first: string;
  last: string;
  label: PeriodLabel;
}

/** A value with its sample size and 95 % interval; null when nothing was measured. */
export interface MetricValue {
  value: number | null;
  /** Responses, items or customers the value stands on. */
  n: number;
  low: number | null;
  high: number | null;
  /** The counts behind the value, e.g. `{ promoters, passives, detractors }` for NPS. */
  counts: Record<string, number>;
}

/** GET /metrics query (dimension filters are `channel=email&topic=delivery`, several comma-separated). */
export interface MetricsQuery {
  metric: MetricId;
  from: string;
  to: string;
  grain?: PeriodGrain;
  /** Defaults to the workspace's calendar. */
  calendar?: PeriodCalendar;
  breakdown?: MetricDimension;
  filters?: Partial<Record<MetricDimension, string[]>>;
}

export interface MetricPoint {
  period: string;
  value: MetricValue;
}

/** One line of a chart: all feedback (`key` null) or one key of the breakdown. */
export interface MetricSeries {
  key: string | null;
  points: MetricPoint[];
  total: MetricValue;
}

/** GET /metrics. */
export interface MetricsResponse {
  metric: MetricId;
  unit: MetricUnit;
  from: string;
  to: string;
  grain: PeriodGrain;
  calendar: PeriodCalendar;
  timezone: string;
  breakdown: MetricDimension | null;
  periods: Period[];
  /** The overall series first, then one per breakdown key (largest n first). */
  series: MetricSeries[];
  total: MetricValue;
}

/** Before/after: the change of a metric and whether it is more than chance (two-sided, 5 %). */
export interface MetricComparison {
  before: MetricValue;
  after: MetricValue;
  /** after − before, in the metric's unit; null when either side has no data. */
  change: number | null;
  pValue: number | null;
  significant: boolean | null;
  test: 'nps_z' | 'two_proportion_z' | 'welch_t';
}

/** GET /metrics/catalogue: each metric's definition. */
export interface MetricDefinition {
  id: MetricId;
  unit: MetricUnit;
  /** Dimensions it can be broken down by (feedback metrics: all; orders and tickets: fewer). */
  dimensions: MetricDimension[];
  /** True when a higher value is better. */
  higherIsBetter: boolean;
}

/** GET /metrics/league: keys of a dimension (agents, channels, products…) ranked by a metric. */
export interface LeagueTable {
  metric: MetricId;
  unit: MetricUnit;
  dimension: MetricDimension;
  from: string;
  to: string;
  /** Ranked best first (by higherIsBetter); keys below `minN` or without data come last, unranked. */
  rows: Array<{ key: string; rank: number | null; value: MetricValue }>;
}

/** One cohort: the customers whose first order fell in a month of the workspace calendar. */
export interface OrderCohort {
  /** The month's first local day and its name in the workspace calendar. */
  first: string;
  label: PeriodLabel;
  customers: number;
  /** Index N: the customers of the cohort who ordered in its N-th month after the first (0: the first month itself). */
  months: Array<{ customers: number; share: number | null }>;
}

/** GET /metrics/cohorts: the order cohorts whose first month starts within from–to. */
export interface CohortTable {
  calendar: PeriodCalendar;
  from: string;
  to: string;
  cohorts: OrderCohort[];
}
