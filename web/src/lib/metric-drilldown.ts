// Drill-down: every number of the Metrics page links to the feedback explorer, filtered to the
// items behind it (the period's days, the breakdown key, the answers the score is made of).
import { FEEDBACK_METRIC_IDS, type MetricDimension, type MetricId } from '@feedloop/contracts/metrics';
import { EMPTY_FILTERS, filtersFromQuery, filtersToSearch, type FeedbackFilters } from './filters';
import { paths } from './router';

/** The scores a metric is computed from: the explorer shows the items that carry one. */
const SCORE_OF: Partial<Record<MetricId, FeedbackFilters['scoreType']>> = { nps: 'nps', csat: 'csat', ces: 'ces' };

/** Metrics made of feedback items; the others (orders, tickets, compensations, ideas) have no items to list. */
const FEEDBACK_METRICS: ReadonlySet<MetricId> = new Set<MetricId>(FEEDBACK_METRIC_IDS);

/** The explorer filter each breakdown's key becomes (a unit's filter takes in the units under it, as its figures do). */
const FILTER_OF: Partial<Record<MetricDimension, keyof FeedbackFilters>> = {
  channel: 'channel',
  type: 'type',
  topic: 'topic',
  language: 'language',
  sentiment: 'sentiment',
  product: 'product',
  agent: 'assigneeId',
  service_unit: 'serviceUnitId',
};

export interface DrillDown {
  metric: MetricId;
  /** Local days, inclusive. */
  from: string;
  to: string;
  breakdown?: MetricDimension | null;
  /** The breakdown's key, or null for all feedback. */
  key?: string | null;
}

/** The explorer's URL for the items behind one number, or null when no list of items stands behind it. */
export function drillDownHref({ metric, from, to, breakdown, key }: DrillDown): string | null {
  if (!FEEDBACK_METRICS.has(metric)) return null;
  const patch: Record<string, string> = { from, to };
  const score = SCORE_OF[metric];
  if (score) patch.scoreType = score;
  if (breakdown && key != null) {
    const filter = FILTER_OF[breakdown];
    if (!filter) return null;
    patch[filter] = key;
  }
  const filters: FeedbackFilters = { ...EMPTY_FILTERS, ...patch };
  // The explorer drops what it cannot read (a malformed key): then the link would promise a filter it does not apply.
  const search = filtersToSearch(filters);
  if (JSON.stringify(filtersFromQuery(new URLSearchParams(search))) !== JSON.stringify(filters)) return null;
  return paths.feedbackList(search);
}
