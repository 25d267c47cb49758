import { request, type RequestOptions } from './client';
import type { IdeaStatus, TicketPriority, TicketStatus } from './act';

/** Lifetime value per currency (ISO 4217), e.g. { IRR: 1250000, USD: 42.5 }. */
export type LifetimeValue = Record<string, number>;

export interface Customer {
  id: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  mergedIntoId: string | null;
  feedbackCount: number;
  eventCount: number;
  orderCount: number;
  lifetimeValue: LifetimeValue;
  createdAt: string;
  updatedAt: string;
  lastSeenAt: string | null;
}

export interface Page<T> { data: T[]; nextCursor: string | null }

export interface ScorePoint { feedbackId: string; at: string; nps: number | null; csat: number | null }

/** How many records of each kind a customer has. */
export interface CustomerActivity { feedback: number; events: number; orders: number; tickets: number; tasks: number; compensations: number }

export interface CustomerProfile {
  customer: Customer;
  activity: CustomerActivity;
  scores: ScorePoint[];
  /** The workspace's segments the customer is in. */
  segments: Array<{ id: string; name: string }>;
  flags: {
    vip: boolean;
    vipReason: 'attribute' | 'lifetime_value' | null;
    churnRisk: boolean;
    churnReason: 'detractor' | 'inactive' | null;
  };
}

interface TimelineBase { id: string; at: string }
export type TimelineEntry =
  | (TimelineBase & { kind: 'feedback'; channel: string; text: string; language: string | null; nps: number | null; csat: number | null; ces: number | null; rating: number | null; sentiment: string | null })
  | (TimelineBase & { kind: 'survey_response'; surveyId: string; surveyName: string; status: 'in_progress' | 'completed'; channel: string; language: string })
  | (TimelineBase & { kind: 'event'; name: string; properties: Record<string, unknown> })
  | (TimelineBase & { kind: 'order'; externalId: string; amount: number; currency: string; status: string | null })
  | (TimelineBase & { kind: 'ticket'; number: number; subject: string; status: TicketStatus; priority: TicketPriority })
  | (TimelineBase & { kind: 'task'; title: string; status: 'open' | 'done'; dueAt: string | null })
  | (TimelineBase & { kind: 'compensation'; compensationKind: 'discount_code' | 'credit' | 'refund' | 'gift'; amount: number | null; currency: string | null; code: string | null; note: string | null })
  | (TimelineBase & { kind: 'notification'; channel: string; status: SendStatus; language: string } & (
    | { purpose: 'survey_invitation'; surveyId: string; surveyName: string }
    | { purpose: 'idea_status'; ideaId: string | null; ideaTitle: string | null; ideaStatus: IdeaStatus }));

type SendStatus = 'queued' | 'sent' | 'bounced' | 'failed' | 'skipped';

export interface MergeResult {
  preview: boolean;
  /** The target as the merge leaves it. */
  customer: Customer;
  /** The source's records that move to the target. */
  moves: CustomerActivity;
  /** The target's records after the merge. */
  activity: CustomerActivity;
}

const BASE = '/api/v1/customers';
const id = (s: string) => encodeURIComponent(s);
const pageQuery = (params: Record<string, string | undefined>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return query.toString();
};

export const customersApi = {
  list: (q: { q?: string; cursor?: string; limit?: number }, options?: RequestOptions) =>
    request<Page<Customer>>('GET', `${BASE}?${pageQuery({ q: q.q, cursor: q.cursor, limit: String(q.limit ?? 25) })}`, undefined, options),
  profile: (customerId: string, options?: RequestOptions) => request<CustomerProfile>('GET', `${BASE}/${id(customerId)}/profile`, undefined, options),
  timeline: (customerId: string, cursor?: string, options?: RequestOptions) =>
    request<Page<TimelineEntry>>('GET', `${BASE}/${id(customerId)}/timeline?${pageQuery({ cursor, limit: '20' })}`, undefined, options),
  merge: (targetId: string, sourceId: string, preview: boolean) => request<MergeResult>('POST', `${BASE}/merge`, { targetId, sourceId, preview }),
};
