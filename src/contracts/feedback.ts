// A feedback item as the API answers it, the explorer's lists, saved views and bulk actions, and
// the enumerations the feedback table and its request schemas share with every client.
import type { TicketPriority } from './act.js';
import type { IdeaStatus } from './ideas.js';
import type { Page } from './page.js';

export const CHANNELS = [
  'survey',
  'widget',
  'email',
  'chat',
  'support_ticket',
  'review',
  'social',
  'interview',
  'api',
  'import',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const SCORE_TYPES = ['nps', 'csat', 'ces', 'rating'] as const;
export type ScoreType = (typeof SCORE_TYPES)[number];

/** Score ranges: NPS 0–10, CSAT 1–5, CES 1–7, star rating 1–5. */
export const SCORE_RANGES = { nps: [0, 10], csat: [1, 5], ces: [1, 7], rating: [1, 5] } as const satisfies Record<
  ScoreType,
  readonly [number, number]
>;

/** Analysis state: `pending` until the background analysis has run. */
export const FEEDBACK_STATUSES = ['pending', 'processed', 'failed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const FEEDBACK_TYPES = ['complaint', 'suggestion', 'praise', 'bug', 'question', 'other'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

/** A window of the original text around a search match; highlights are [start, end) offsets into `text`. */
export interface SearchSnippet {
  text: string;
  highlights: Array<[number, number]>;
  /** Offset of `text` in the item's full text. */
  start: number;
}

/** The customer an item belongs to, as lists show them. */
export interface CustomerSummary {
  id: string;
  name: string | null;
  email: string | null;
  externalId: string | null;
}

export interface FeedbackLinks {
  surveyResponseId: string | null;
  ticketId: string | null;
  orderId: string | null;
  reviewId: string | null;
}

export interface FeedbackItem {
  id: string;
  channel: Channel;
  text: string;
  language: string | null;
  languageConfidence: number | null;
  customerId: string | null;
  customer: CustomerSummary | null;
  /** The sender's own id for the item (re-sending it never duplicates). */
  externalId: string | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  rating: number | null;
  metadata: Record<string, unknown>;
  links: FeedbackLinks;
  status: FeedbackStatus;
  sentiment: Sentiment | null;
  /** In [-1, 1]. */
  sentimentScore: number | null;
  sentimentConfidence: number | null;
  type: FeedbackType | null;
  typeConfidence: number | null;
  /** Topic keys (see GET /topics for their names). */
  topics: string[];
  topicScores: Record<string, number>;
  /** Fields an agent corrected: 'sentiment' | 'type' | 'topics'. */
  correctedFields: string[];
  /** Free tags set by agents (bulk actions). */
  tags: string[];
  /** The teammate who owns the item. */
  assigneeId: string | null;
  /** The service unit it belongs to (its own, else its customer's when it was stored). */
  serviceUnitId: string | null;
  analysisError: string | null;
  /** E-mail addresses, phone and card numbers were replaced before storing. */
  piiRedacted: boolean;
  createdAt: string;
  receivedAt: string;
  processedAt: string | null;
  updatedAt: string;
  /** Present in search results (`q`). */
  snippet?: SearchSnippet;
}

/** GET /feedback. */
export interface FeedbackPage extends Page<FeedbackItem> {
  /** First page only: how many items match, counted up to a bound (`totalCapped`: more than that). */
  total?: number;
  totalCapped?: boolean;
}

/** POST /feedback/bulk-update: at most 500 ids, applied in one transaction. */
export interface BulkUpdateFeedback {
  ids: string[];
  addTags?: string[];
  removeTags?: string[];
  /** A topic key, recorded as a correction of each item. */
  addTopic?: string;
  /** A member of the workspace, or null to unassign. */
  assigneeId?: string | null;
  createTicket?: { subject: string; priority?: TicketPriority };
  addToIdea?: { ideaId: string } | { title: string };
}

export interface BulkUpdateFeedbackResult {
  updated: number;
  ticket?: { id: string; number: number; subject: string };
  idea?: { id: string; title: string; status: IdeaStatus };
}

/** Named explorer filters (URL parameters); `mine` views may be changed or deleted. */
export interface SavedView {
  id: string;
  name: string;
  filters: Record<string, string>;
  shared: boolean;
  mine: boolean;
  createdAt: string;
}

/** POST /saved-views. */
export interface CreateSavedView {
  name: string;
  filters: Record<string, string>;
  /** Visible to the whole workspace (default false). */
  shared?: boolean;
}
