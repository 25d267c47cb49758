// Before/after: the metrics of equal windows before and after a change (a date, or the day an
// idea was marked done), each with its change and whether that is more than chance.
import type { Channel } from './feedback.js';
import { FEEDBACK_METRIC_IDS, type MetricComparison, type MetricValue } from './metrics.js';

export const BEFORE_AFTER_METRICS = FEEDBACK_METRIC_IDS;
export type BeforeAfterMetric = (typeof BEFORE_AFTER_METRICS)[number];

/** GET /before-after query: `date` or `ideaId`, not both. */
export interface BeforeAfterQuery {
  date?: string;
  ideaId?: string;
  days?: number;
  channel?: Channel;
}

/** Volume has no test: its change is a count, not an estimate. */
export interface VolumeComparison {
  before: MetricValue;
  after: MetricValue;
  change: number | null;
  pValue: null;
  significant: null;
  test: null;
}

export interface BeforeAfterResponse {
  /** The first day of "after" (local day, workspace time zone). */
  date: string;
  idea: { id: string; title: string } | null;
  /** Length of each window in days (shortened when "after" would reach past today). */
  days: number;
  before: { from: string; to: string };
  after: { from: string; to: string };
  timezone: string;
  channel: Channel | null;
  metrics: Record<Exclude<BeforeAfterMetric, 'volume'>, MetricComparison> & { volume: VolumeComparison };
}
