import {
  CHANNELS,
  type Channel,
  FEEDBACK_TYPES,
  type FeedbackType,
  SCORE_TYPES,
  SENTIMENTS,
  type ScoreType,
  type Sentiment,
} from '@feedloop/contracts/feedback';

/** Feedback list filters as kept in the page URL (`/feedback?channel=email&q=…`). */
export interface FeedbackFilters {
  channel: Channel | '';
  language: string;
  sentiment: Sentiment | '';
  type: FeedbackType | '';
  scoreType: ScoreType | '';
  scoreMin: string;
  scoreMax: string;
  /** Local calendar day, `YYYY-MM-DD`. */
  from: string;
  /** Local calendar day, `YYYY-MM-DD` (inclusive). */
  to: string;
  customerId: string;
  /** Topic key of the taxonomy. */
  topic: string;
  /** The item's `metadata.product`. */
  product: string;
  tag: string;
  /** A member's user id, or `none` for unassigned items. */
  assigneeId: string;
  hasTicket: '' | 'true' | 'false';
  surveyId: string;
  segment: string;
  /** A service unit's id: its items and those of every unit under it. */
  serviceUnitId: string;
  q: string;
}

export const EMPTY_FILTERS: FeedbackFilters = {
  channel: '',
  language: '',
  sentiment: '',
  type: '',
  scoreType: '',
  scoreMin: '',
  scoreMax: '',
  from: '',
  to: '',
  customerId: '',
  topic: '',
  product: '',
  tag: '',
  assigneeId: '',
  hasTicket: '',
  surveyId: '',
  segment: '',
  serviceUnitId: '',
  q: '',
};

/** URL / API parameter name of each filter. */
const PARAM: Record<keyof FeedbackFilters, string> = {
  channel: 'channel',
  language: 'language',
  sentiment: 'sentiment',
  type: 'type',
  scoreType: 'score_type',
  scoreMin: 'score_min',
  scoreMax: 'score_max',
  from: 'from',
  to: 'to',
  customerId: 'customer_id',
  topic: 'topic',
  product: 'product',
  tag: 'tag',
  assigneeId: 'assignee_id',
  hasTicket: 'has_ticket',
  surveyId: 'survey_id',
  segment: 'segment',
  serviceUnitId: 'service_unit_id',
  q: 'q',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SCORE = /^\d{1,2}$/;
/** ISO 639 code, or `und` for feedback whose language could not be detected. */
const LANGUAGE = /^([a-z]{2,3}|und)$/;
/** One topic key, tag or product: the API reads commas as several values. */
const LABEL = /^[^,]{1,50}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Customer ids are UUIDs; anything else is kept in the URL but not sent to the server. */
export function isCustomerId(value: string): boolean {
  return UUID.test(value.trim());
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

export function filtersFromQuery(query: URLSearchParams): FeedbackFilters {
  const get = (key: keyof FeedbackFilters) => query.get(PARAM[key])?.trim() ?? '';
  const day = (key: 'from' | 'to') => (DAY.test(get(key)) ? get(key) : '');
  const num = (key: 'scoreMin' | 'scoreMax') => (SCORE.test(get(key)) ? get(key) : '');
  const label = (key: 'topic' | 'tag' | 'product') => (LABEL.test(get(key)) ? get(key) : '');
  const id = (key: 'surveyId' | 'segment' | 'serviceUnitId') => (UUID.test(get(key)) ? get(key) : '');
  return {
    channel: oneOf(CHANNELS, query.get(PARAM.channel)),
    language: LANGUAGE.test(get('language')) ? get('language') : '',
    sentiment: oneOf(SENTIMENTS, query.get(PARAM.sentiment)),
    type: oneOf(FEEDBACK_TYPES, query.get(PARAM.type)),
    scoreType: oneOf(SCORE_TYPES, query.get(PARAM.scoreType)),
    scoreMin: num('scoreMin'),
    scoreMax: num('scoreMax'),
    from: day('from'),
    to: day('to'),
    customerId: get('customerId'),
    topic: label('topic'),
    product: label('product'),
    tag: label('tag'),
    assigneeId: get('assigneeId') === 'none' || UUID.test(get('assigneeId')) ? get('assigneeId') : '',
    hasTicket: oneOf(['true', 'false'] as const, query.get(PARAM.hasTicket)),
    surveyId: id('surveyId'),
    segment: id('segment'),
    serviceUnitId: id('serviceUnitId'),
    q: get('q'),
  };
}

/** `?channel=email&q=…` (or an empty string when no filter is set). */
export function filtersToSearch(filters: FeedbackFilters): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof FeedbackFilters)[]) {
    const value = filters[key].trim();
    if (value) query.set(PARAM[key], value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The filters as a saved view stores them: the URL parameters. */
export function filtersToRecord(filters: FeedbackFilters): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(filtersToSearch(filters)));
}

export function recordToSearch(record: Record<string, string>): string {
  const text = new URLSearchParams(record).toString();
  return text ? `?${text}` : '';
}

export function hasActiveFilters(filters: FeedbackFilters): boolean {
  return filtersToSearch(filters) !== '';
}

function localDayToIso(day: string, endOfDay: boolean): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = endOfDay ? new Date(y, m - 1, d + 1, 0, 0, 0, -1) : new Date(y, m - 1, d);
  return date.toISOString();
}

/** Query parameters for `GET /api/v1/feedback`. Days are interpreted in the browser's time zone. */
export function filtersToApiQuery(filters: FeedbackFilters, page: { limit: number; cursor?: string | null }): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.channel) query.set('channel', filters.channel);
  if (filters.language) query.set('language', filters.language);
  if (filters.sentiment) query.set('sentiment', filters.sentiment);
  if (filters.type) query.set('type', filters.type);
  if (filters.scoreType) {
    query.set('score_type', filters.scoreType);
    if (filters.scoreMin) query.set('score_min', filters.scoreMin);
    if (filters.scoreMax) query.set('score_max', filters.scoreMax);
  }
  if (filters.from) query.set('from', localDayToIso(filters.from, false));
  if (filters.to) query.set('to', localDayToIso(filters.to, true));
  if (isCustomerId(filters.customerId)) query.set('customer_id', filters.customerId.trim());
  for (const key of ['topic', 'product', 'tag', 'assigneeId', 'hasTicket', 'surveyId', 'segment', 'serviceUnitId'] as const) {
    if (filters[key]) query.set(PARAM[key], filters[key]);
  }
  if (filters.q) query.set('q', filters.q);
  query.set('limit', String(page.limit));
  if (page.cursor) query.set('cursor', page.cursor);
  return query;
}
