import type { CalendarPref, DigitsPref, UiLocale } from '../lib/format';

export type Role = 'owner' | 'admin' | 'agent' | 'viewer';

export interface User {
  id: string;
  email: string;
  name: string;
  locale: UiLocale;
  calendar: CalendarPref;
  digits: DigitsPref;
}

export interface Workspace {
  id: string;
  name: string;
  defaultLocale: UiLocale;
  /** Chosen by an admin for the workspace; users whose own calendar is "auto" follow it. */
  calendar?: 'persian' | 'gregorian' | 'hijri' | null;
}

/** A workspace the signed-in user belongs to, with their role in it. */
export interface WorkspaceMembership {
  id: string;
  name: string;
  role: Role;
}

export interface Me {
  user: User;
  workspace: Workspace;
  role: Role;
  /** Every workspace of the user, oldest membership first (includes the current one). */
  workspaces: WorkspaceMembership[];
}

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

/** Valid range of each score: NPS 0–10, CSAT 1–5, CES 1–7, star rating 1–5. */
export const SCORE_RANGES: Record<ScoreType, readonly [number, number]> = {
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
  rating: [1, 5],
};

export type FeedbackStatus = 'pending' | 'processed' | 'failed';

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

export interface Customer {
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
  customer: Customer | null;
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
  analysisError: string | null;
  createdAt: string;
  receivedAt: string;
  processedAt: string | null;
  /** Present in search results (`q`). */
  snippet?: SearchSnippet;
}

export interface FeedbackPage {
  data: FeedbackItem[];
  nextCursor: string | null;
  /** First page only: how many items match, counted up to a bound (`totalCapped`: more than that). */
  total?: number;
  totalCapped?: boolean;
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

export interface SavedViewInput {
  name: string;
  filters: Record<string, string>;
  shared: boolean;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

/** POST /feedback/bulk-update: at most 500 ids, applied in one transaction. */
export interface BulkUpdate {
  ids: string[];
  addTags?: string[];
  removeTags?: string[];
  addTopic?: string;
  assigneeId?: string | null;
  createTicket?: { subject: string; priority?: 'low' | 'normal' | 'high' | 'urgent' };
  addToIdea?: { ideaId: string } | { title: string };
}

export interface BulkUpdateResult {
  updated: number;
  ticket?: { id: string; number: number; subject: string };
  idea?: { id: string; title: string; status: string };
}

export interface SetupInput {
  organizationName: string;
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  locale: UiLocale;
}

export interface MePatch {
  name?: string;
  locale?: UiLocale;
  calendar?: CalendarPref;
  digits?: DigitsPref;
}

export interface ApiIssue {
  path: string;
  message: string;
}
