// Getting a survey to customers (server: src/collect/surveys/survey-distribution.routes.ts and the
// trigger routes of survey.routes.ts): email sends with a dry run, the email previewed per
// language, personal links, and the triggers that send by themselves.
import { request, type RequestOptions } from './client';
import type { SegmentCondition, SurveyLanguage, SurveyStatus } from './surveys';

export type SkipReason = 'no_email' | 'opted_out' | 'throttled' | 'daily_cap' | 'unknown_customer';
export const SKIP_REASONS: readonly SkipReason[] = ['no_email', 'opted_out', 'throttled', 'daily_cap', 'unknown_customer'];
export type ListProblem = 'invalid_email' | 'too_long' | 'not_found' | 'duplicate';
export type SendStatus = 'queued' | 'sent' | 'bounced' | 'failed' | 'skipped';

/** The entries of a pasted list that name no usable customer, by line. */
export interface ListReport {
  entries: number;
  problems: Array<{ line: number; value: string; problem: ListProblem; sameAsLine?: number }>;
}

/** Who gets it: exactly one of these. */
export type Audience = { segmentId: string } | { list: string } | { customerIds: string[] };

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
  list?: ListReport;
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
  /** percent of the emails sent, one decimal; null before any was sent */
  responseRate: number | null;
  bounceRate: number | null;
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
  /** the pasted entry that named the customer */
  line?: number;
  value?: string;
  url: string;
}

export interface PersonalLinks {
  expiresAt: string;
  links: PersonalLink[];
  list?: ListReport;
}

export interface SurveyTrigger {
  id: string;
  eventName: string;
  delayMinutes: number;
  segment: SegmentCondition[];
  quietHours: { start: string; end: string } | null;
  enabled: boolean;
  createdAt: string;
}

export type NewTrigger = Pick<SurveyTrigger, 'eventName' | 'delayMinutes' | 'segment' | 'quietHours'>;

/** Event names Feedloop emits itself; any other name comes from the business's own events. */
export const BUILT_IN_EVENTS = ['order_placed', 'order_delivered', 'ticket_resolved'] as const;

const BASE = '/api/v1/surveys';
const id = (s: string) => encodeURIComponent(s);

export const surveySendingApi = {
  previewSend: (surveyId: string, audience: Audience, respectThrottle: boolean, options?: RequestOptions) =>
    request<SendPreview>('POST', `${BASE}/${id(surveyId)}/send/preview`, { ...audience, respectThrottle }, options),
  send: (surveyId: string, audience: Audience, respectThrottle: boolean) =>
    request<SendResult>('POST', `${BASE}/${id(surveyId)}/send`, { ...audience, respectThrottle }),
  sends: (surveyId: string, options?: RequestOptions) =>
    request<{ data: SurveySend[]; summary: SendSummary }>('GET', `${BASE}/${id(surveyId)}/sends?limit=50`, undefined, options),
  emailPreview: (surveyId: string, lang: SurveyLanguage, options?: RequestOptions) =>
    request<EmailPreview>('GET', `${BASE}/${id(surveyId)}/email-preview?lang=${lang}`, undefined, options),
  emailPreviewUrl: (surveyId: string, lang: SurveyLanguage) => `${BASE}/${id(surveyId)}/email-preview/html?lang=${lang}`,
  links: (surveyId: string, audience: { customerIds: string[] } | { list: string }) =>
    request<PersonalLinks>('POST', `${BASE}/${id(surveyId)}/links/bulk`, audience),
  triggers: (surveyId: string, options?: RequestOptions) => request<{ data: SurveyTrigger[] }>('GET', `${BASE}/${id(surveyId)}/triggers`, undefined, options),
  addTrigger: (surveyId: string, trigger: NewTrigger) => request<SurveyTrigger>('POST', `${BASE}/${id(surveyId)}/triggers`, trigger),
  removeTrigger: (surveyId: string, triggerId: string) => request<void>('DELETE', `${BASE}/${id(surveyId)}/triggers/${id(triggerId)}`),
};
