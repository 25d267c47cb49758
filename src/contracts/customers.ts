// Customers: the record, the Customer 360 profile, the timeline and merging, as the API answers
// them. The timeline's entries come from several tables; each kind has its own fields.
import type { CompensationKind, CompensationStatus, TaskStatus, TicketPriority, TicketStatus } from './act.js';
import type { Channel, Sentiment } from './feedback.js';
import type { IdeaStatus } from './ideas.js';
import type { Page } from './page.js';
import type { SendStatus } from './survey-sending.js';

/** Lifetime value per currency (ISO 4217), e.g. { IRR: 1250000, USD: 42.5 }. */
export type LifetimeValue = Record<string, number>;

export interface Customer {
  id: string;
  externalId: string | null;
  email: string | null;
  /** E.164. */
  phone: string | null;
  name: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  /** Set on a customer merged into another (it no longer appears in lists). */
  mergedIntoId: string | null;
  /** The service unit the customer belongs to: their new feedback takes it. */
  serviceUnitId: string | null;
  feedbackCount: number;
  eventCount: number;
  orderCount: number;
  lifetimeValue: LifetimeValue;
  createdAt: string;
  updatedAt: string;
  lastSeenAt: string | null;
}

/** One score of the customer's history, oldest first; `at` is the feedback item's time. */
export interface ScorePoint {
  feedbackId: string;
  at: string;
  nps: number | null;
  csat: number | null;
}

/** How many records of each kind a customer has. */
export interface CustomerActivity {
  feedback: number;
  events: number;
  orders: number;
  tickets: number;
  tasks: number;
  compensations: number;
}

/** `flagged`: a stored flag, set by an automation rule. */
export const VIP_REASONS = ['attribute', 'lifetime_value', 'flagged'] as const;
export type VipReason = (typeof VIP_REASONS)[number];
export const CHURN_REASONS = ['detractor', 'inactive', 'flagged'] as const;
export type ChurnReason = (typeof CHURN_REASONS)[number];

/** GET /customers/{id}/profile: a merged customer's profile is the one it was merged into. */
export interface CustomerProfile {
  customer: Customer;
  activity: CustomerActivity;
  scores: ScorePoint[];
  /** The workspace's segments the customer is in. */
  segments: Array<{ id: string; name: string }>;
  flags: {
    vip: boolean;
    vipReason: VipReason | null;
    churnRisk: boolean;
    churnReason: ChurnReason | null;
    /** Every flag stored on the customer (vip, churn_risk and the workspace's own). */
    stored: string[];
  };
}

interface TimelineBase {
  id: string;
  at: string;
}

/** One entry of a customer's timeline; feedback `text` is null for a caller without feedback:read. */
export type TimelineEntry =
  | (TimelineBase & {
      kind: 'feedback';
      channel: Channel;
      text: string | null;
      language: string | null;
      nps: number | null;
      csat: number | null;
      ces: number | null;
      rating: number | null;
      sentiment: Sentiment | null;
    })
  | (TimelineBase & {
      kind: 'survey_response';
      surveyId: string;
      surveyName: string;
      status: 'in_progress' | 'completed';
      channel: string;
      language: string;
    })
  | (TimelineBase & { kind: 'event'; name: string; properties: Record<string, unknown> })
  | (TimelineBase & { kind: 'order'; externalId: string; amount: number; currency: string; status: string | null })
  | (TimelineBase & { kind: 'ticket'; number: number; subject: string; status: TicketStatus; priority: TicketPriority })
  | (TimelineBase & { kind: 'task'; title: string; status: TaskStatus; dueAt: string | null })
  | (TimelineBase & {
      kind: 'compensation';
      compensationKind: CompensationKind;
      amount: number | null;
      currency: string | null;
      code: string | null;
      note: string | null;
      status: CompensationStatus;
      approvedBy: string | null;
      approvedAt: string | null;
    })
  | (TimelineBase & { kind: 'notification'; channel: string; status: SendStatus; language: string } & (
        | { purpose: 'survey_invitation'; surveyId: string; surveyName: string }
        | { purpose: 'idea_status'; ideaId: string | null; ideaTitle: string | null; ideaStatus: IdeaStatus }
      ));

/** GET /customers/{id}/timeline, newest first. */
export interface CustomerTimeline extends Page<TimelineEntry> {
  /** Whose timeline it is: a merged customer's is the one it was merged into. */
  customerId: string;
}

/** POST /customers/merge. */
export interface MergeCustomers {
  /** The customer that remains. */
  targetId: string;
  /** The customer merged into the target and then retired. */
  sourceId: string;
  /** Run the merge and roll it back: report exactly what it would do (default false). */
  preview?: boolean;
}

export interface MergeResult {
  preview: boolean;
  /** The target as the merge leaves it. */
  customer: Customer;
  /** The source's records that move to the target. */
  moves: CustomerActivity;
  /** The target's records after the merge. */
  activity: CustomerActivity;
}
