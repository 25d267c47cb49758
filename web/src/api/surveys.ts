import { request, type RequestOptions } from './client';
import type { Sentiment } from './types';

export const SURVEY_LANGUAGES = ['fa', 'ar', 'zh', 'en'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];
export type Localized = Partial<Record<SurveyLanguage, string>>;

export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'text', 'single', 'multiple', 'yes_no'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SCORE_TYPES: readonly QuestionType[] = ['nps', 'csat', 'ces', 'rating'];

export interface Condition { question: string; min?: number; max?: number; anyOf?: Array<string | boolean> }

export interface Question {
  id: string;
  type: QuestionType;
  title: Localized;
  description?: Localized;
  required: boolean;
  options?: Array<{ id: string; label: Localized }>;
  showIf?: Condition;
  logic?: Array<{ if: Condition; goTo: string }>;
  lowLabel?: Localized;
  highLabel?: Localized;
}

export interface SurveyDefinition {
  languages: SurveyLanguage[];
  defaultLanguage: SurveyLanguage;
  welcome?: Localized;
  thankYou?: Localized;
  questions: Question[];
  hiddenFields: string[];
  display: 'one_per_screen' | 'all_on_one_page';
}

export type SurveyStatus = 'draft' | 'live' | 'closed';

// The website/in-app widget rules (server: src/collect/widget/widget-settings.ts, zWidgetSettings).
export const WIDGET_TRIGGER_TYPES = ['page_view', 'click', 'exit_intent', 'scroll', 'time_on_page', 'event'] as const;
export type WidgetTriggerType = (typeof WIDGET_TRIGGER_TYPES)[number];
export const URL_MATCHES = ['exact', 'contains', 'regex'] as const;
export type UrlMatch = (typeof URL_MATCHES)[number];
export const WIDGET_DISPLAYS = ['once', 'until_answered', 'every_n_days'] as const;
export type WidgetDisplay = (typeof WIDGET_DISPLAYS)[number];
export const WIDGET_PLACEMENTS = ['popup', 'slide_in'] as const;
export type WidgetPlacement = (typeof WIDGET_PLACEMENTS)[number];

/** Only on pages whose full URL matches (all pages when absent). */
export interface WidgetUrlRule { match: UrlMatch; value: string }

export type WidgetTrigger =
  | { type: 'page_view'; url?: WidgetUrlRule }
  | { type: 'click'; selector: string; url?: WidgetUrlRule }
  | { type: 'exit_intent'; url?: WidgetUrlRule }
  | { type: 'scroll'; percent: number; url?: WidgetUrlRule }
  | { type: 'time_on_page'; seconds: number; url?: WidgetUrlRule }
  | { type: 'event'; name: string; url?: WidgetUrlRule };

export interface SegmentCondition {
  field: string;
  op: 'eq' | 'neq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'exists';
  value?: string | number | boolean | Array<string | number>;
}

export interface WidgetSettings {
  enabled: boolean;
  /** Any one of them shows the survey (1–10). */
  triggers: WidgetTrigger[];
  display: WidgetDisplay;
  /** With display every_n_days: at most once per this many days (1–365). */
  everyDays: number;
  /** Share of visitors who may see it, 0–100. */
  samplePercent: number;
  segment: SegmentCondition[];
  placement: WidgetPlacement;
  /** Wait this long after the trigger (0–600). */
  delaySeconds: number;
}

/** Replaced as a whole on update: always send the fields you did not change too. */
export interface SurveySettings {
  maxResponses?: number;
  maxSendsPerDay?: number;
  widget?: WidgetSettings;
}

export interface Survey {
  id: string;
  /** The fallback name, shown where `names` has none for a language. */
  name: string;
  names: Localized;
  status: SurveyStatus;
  version: number;
  definition: SurveyDefinition;
  settings: SurveySettings;
  template: string | null;
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyTemplate {
  key: string;
  name: Record<SurveyLanguage, string>;
  questions: Array<{ id: string; type: QuestionType; title: Localized }>;
}

export interface Interval { low: number; high: number }

export interface QuestionResult {
  id: string;
  type: QuestionType;
  title: Localized;
  answers: number;
  distribution: Record<string, number>;
  nps?: { n: number; nps: number | null; promoters: number; passives: number; detractors: number; ci: Interval | null };
  csat?: { n: number; csat: number | null; ci: Interval | null; mean: number | null };
  mean?: { n: number; mean: number | null; ci: Interval | null };
  yesShare?: Interval | null;
}

export interface SurveyResults {
  survey: { id: string; name: string; names: Localized; status: SurveyStatus; version: number };
  responses: { started: number; completed: number; partial: number; completionRate: number | null; byChannel: Record<string, number> };
  email: { sent: number; responses: number; responseRate: number | null; bounced?: number; failed?: number; skipped?: number; queued?: number };
  questions: QuestionResult[];
  openText: {
    answers: number;
    sentiment: Partial<Record<Sentiment, number>>;
    latest: Array<{ id: string; text: string; language: string | null; sentiment: Sentiment | null; questionId: string; nps: number | null; csat: number | null; ces: number | null; rating: number | null; createdAt: string }>;
  };
}

const BASE = '/api/v1';
const id = (s: string) => encodeURIComponent(s);

export const surveysApi = {
  templates: (options?: RequestOptions) => request<{ data: SurveyTemplate[] }>('GET', `${BASE}/survey-templates`, undefined, options),
  list: (options?: RequestOptions) => request<{ data: Survey[] }>('GET', `${BASE}/surveys?limit=200`, undefined, options),
  get: (surveyId: string, options?: RequestOptions) => request<Survey>('GET', `${BASE}/surveys/${id(surveyId)}`, undefined, options),
  createFromTemplate: (template: string, languages: SurveyLanguage[], defaultLanguage: SurveyLanguage) =>
    request<Survey>('POST', `${BASE}/surveys`, { template, languages, defaultLanguage }),
  update: (surveyId: string, patch: { name?: string; names?: Localized; definition?: SurveyDefinition; settings?: SurveySettings }) => request<Survey>('PATCH', `${BASE}/surveys/${id(surveyId)}`, patch),
  publish: (surveyId: string) => request<Survey>('POST', `${BASE}/surveys/${id(surveyId)}/publish`),
  close: (surveyId: string) => request<Survey>('POST', `${BASE}/surveys/${id(surveyId)}/close`),
  results: (surveyId: string, options?: RequestOptions) => request<SurveyResults>('GET', `${BASE}/surveys/${id(surveyId)}/results`, undefined, options),
  previewUrl: (surveyId: string, lang: SurveyLanguage) => `${BASE}/surveys/${id(surveyId)}/preview?lang=${lang}`,
};
