// Getting a survey to customers: email sends with a dry run first, the email previewed per
// language, personal links, and the triggers that send by themselves when an event happens.
import type { TriggerCondition } from './segment-condition.js';
import type { List } from './page.js';
import type { SurveyLanguage, SurveyStatus } from './surveys.js';

/** Why a customer gets no email: no address, unsubscribed, surveyed recently, over the survey's daily cap, unknown. */
export const SKIP_REASONS = ['no_email', 'opted_out', 'throttled', 'daily_cap', 'unknown_customer'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** invalid_email: has an @ but is no email address; not_found: no customer has it; duplicate: the same customer as an earlier entry. */
export const LIST_PROBLEMS = ['invalid_email', 'too_long', 'not_found', 'duplicate'] as const;
export type ListProblem = (typeof LIST_PROBLEMS)[number];

/**
 * A message to a customer (a survey invitation, news of an idea): queued, sent, bounced (refused
 * by the receiving server), failed (gave up) or skipped (opted out, throttled).
 */
export const SEND_STATUSES = ['queued', 'sent', 'bounced', 'failed', 'skipped'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/** Event names Feedloop emits itself; any other name comes from the business's own events. */
export const BUILT_IN_EVENTS = ['order_placed', 'order_delivered', 'ticket_resolved'] as const;

/** The entries of a pasted list that name no usable customer, by line (1-based). */
export interface ListReport {
  entries: number;
  problems: Array<{ line: number; value: string; problem: ListProblem; sameAsLine?: number }>;
}

/** Who gets it: exactly one of these. */
export type Audience = { segmentId: string } | { list: string } | { customerIds: string[] };

/** POST /surveys/{id}/links/bulk: chosen customers or a pasted list. */
export type LinksAudience = { customerIds: string[] } | { list: string };

/** POST /surveys/{id}/send and …/send/preview. */
export type SendSurvey = Audience & {
  /** Skip customers surveyed within the workspace's throttle window (default true). */
  respectThrottle?: boolean;
};

/** What a send would do, without sending. */
export interface SendPreview {
  status: SurveyStatus;
  recipients: number;
  willSend: number;
  languages: Partial<Record<SurveyLanguage, number>>;
  skipped: Partial<Record<SkipReason, number>>;
  list?: ListReport;
  segment?: { id: string; name: string };
}

export interface SendResult {
  queued: number;
  skipped: Array<{ customerId: string; reason: SkipReason }>;
  sendIds: string[];
  list?: ListReport;
  segment?: { id: string; name: string };
}

export interface SurveySend {
  id: string;
  customerId: string;
  email: string;
  language: SurveyLanguage;
  status: SendStatus;
  reason: string | null;
  attempts: number;
  scheduledFor: string;
  sentAt: string | null;
  createdAt: string;
}

export interface SendSummary {
  total: number;
  queued: number;
  sent: number;
  bounced: number;
  failed: number;
  skipped: number;
  responses: number;
  completed: number;
  /** Percent of the emails sent, one decimal; null before any was sent. */
  responseRate: number | null;
  bounceRate: number | null;
}

/** GET /surveys/{id}/sends. */
export interface SurveySends extends List<SurveySend> {
  summary: SendSummary;
}

export interface EmailPreview {
  language: SurveyLanguage;
  subject: string;
  html: string;
  text: string;
}

export interface PersonalLink {
  customerId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  /** The pasted entry that named the customer. */
  line?: number;
  value?: string;
  url: string;
}

/** POST /surveys/{id}/links/bulk. */
export interface PersonalLinks {
  expiresAt: string;
  links: PersonalLink[];
  list?: ListReport;
  segment?: { id: string; name: string };
}

/** "Send this survey when <event> happens, after a delay, to customers matching every condition, outside quiet hours." */
export interface SurveyTrigger {
  id: string;
  eventName: string;
  delayMinutes: number;
  segment: TriggerCondition[];
  /** `HH:MM` in the customer's time zone. */
  quietHours: { start: string; end: string } | null;
  enabled: boolean;
  createdAt: string;
}

/** POST /surveys/{id}/triggers. */
export type NewTrigger = Pick<SurveyTrigger, 'eventName' | 'delayMinutes' | 'segment' | 'quietHours'>;
