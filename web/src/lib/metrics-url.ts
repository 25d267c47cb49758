// The Metrics page's choices, kept in its URL (`/evaluate/metrics?metric=csat&range=this-quarter&breakdown=channel`)
// so a view can be bookmarked and shared; anything unreadable falls back to the default.
import {
  FEEDBACK_DIMENSIONS,
  FEEDBACK_METRIC_IDS,
  METRIC_DIMENSIONS,
  METRIC_IDS,
  PERIOD_GRAINS,
  type MetricDimension,
  type MetricId,
  type PeriodGrain,
} from '@feedloop/contracts/metrics';
import { PRESET_GRAIN, RANGE_PRESETS, presetRange, type DayRange, type RangePreset } from './metric-periods';
import type { PeriodCalendar } from '@feedloop/contracts/metrics';

export interface MetricsView {
  metric: MetricId;
  /** A preset, or null for the days in `from`/`to` (a named month, quarter or year). */
  range: RangePreset | null;
  from: string;
  to: string;
  grain: PeriodGrain;
  breakdown: MetricDimension | null;
}

/** What GET /metrics answers: every metric of the catalogue, broken down by any of its dimensions (a service unit includes its descendants). */
export const OFFERED_METRICS = METRIC_IDS;
export const OFFERED_DIMENSIONS = METRIC_DIMENSIONS;

const FEEDBACK_BREAKDOWNS = FEEDBACK_DIMENSIONS;
const FEEDBACK_METRIC_SET: ReadonlySet<MetricId> = new Set(FEEDBACK_METRIC_IDS);
/** The dimensions each metric breaks down by (as the API's catalogue has them). */
const OTHER_BREAKDOWNS: Partial<Record<MetricId, readonly MetricDimension[]>> = {
  ticket_volume: ['agent', 'topic', 'service_unit'],
  first_contact_resolution: ['agent', 'topic', 'service_unit'],
  response_rate: ['channel', 'survey'],
  sla_compliance: ['team', 'agent'],
  compensation_total: ['currency'],
  loop_closure_rate: ['channel'],
  loop_closure_time: ['channel'],
};
export const breakdownsOf = (metric: MetricId): readonly MetricDimension[] =>
  FEEDBACK_METRIC_SET.has(metric) ? FEEDBACK_BREAKDOWNS : (OTHER_BREAKDOWNS[metric] ?? []);

/** Metrics whose figures come from order cohorts: the page shows the cohort table with them. */
export const COHORT_METRICS: ReadonlySet<MetricId> = new Set<MetricId>(['repeat_purchase_rate', 'retention']);

const DEFAULT_PRESET: RangePreset = 'last-12-months';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

export function viewFromQuery(query: URLSearchParams, today: string, calendar: PeriodCalendar): MetricsView {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const days: DayRange | null = DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : null;
  const range = days ? null : (oneOf(RANGE_PRESETS, query.get('range')) ?? DEFAULT_PRESET);
  const span = days ?? presetRange(range ?? DEFAULT_PRESET, today, calendar);
  const metric = oneOf<MetricId>(OFFERED_METRICS, query.get('metric')) ?? 'nps';
  return {
    metric,
    range,
    ...span,
    grain: oneOf(PERIOD_GRAINS, query.get('grain')) ?? (range ? PRESET_GRAIN[range] : 'month'),
    breakdown: oneOf(breakdownsOf(metric), query.get('breakdown')),
  };
}

/** `?metric=…` for a view; presets keep their name so "this quarter" moves on with time. */
export function viewToSearch(view: MetricsView): string {
  const query = new URLSearchParams({ metric: view.metric });
  if (view.range) query.set('range', view.range);
  else {
    query.set('from', view.from);
    query.set('to', view.to);
  }
  query.set('grain', view.grain);
  if (view.breakdown) query.set('breakdown', view.breakdown);
  return `?${query}`;
}
