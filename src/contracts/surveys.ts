// Surveys as the API answers them: the survey with its current definition and settings, the
// shipped templates and the results. What a survey asks is in survey-definition.ts, how it is
// sent in survey-sending.ts, how the website widget shows it in widget-settings.ts.
import { SCORE_RANGES, type ScoreType, type Sentiment } from './feedback.js';
import { LOCALES, type Locale } from './locales.js';
import type { Localized, SurveyDefinition, SurveyDefinitionInput } from './survey-definition.js';
import type { WidgetSettings, WidgetSettingsInput } from './widget-settings.js';

export const SURVEY_LANGUAGES = LOCALES;
export type SurveyLanguage = Locale;

export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'text', 'single', 'multiple', 'yes_no'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Score questions map to the feedback item column of the same name (and its range). */
export const isScoreType = (t: QuestionType): t is ScoreType => t in SCORE_RANGES;

/** draft → live ⇄ closed. */
export const SURVEY_STATUSES = ['draft', 'live', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** What a survey may hold and an answer may say, each with why. */
export const SURVEY_CONTENT_LIMITS = {
  /** A question title, option label or welcome text: a paragraph, not a page. */
  maxTextLength: 2_000,
  /** One open-text answer: a long complaint fits; a pasted document does not. */
  maxAnswerLength: 5_000,
  /** Long surveys lose respondents; 50 questions is already far past a good survey. */
  maxQuestions: 50,
  maxOptions: 30,
} as const;

/** Replaced as a whole on update: always send the fields you did not change too. */
export interface SurveySettings {
  /** Stop accepting new responses after this many (completed or not). */
  maxResponses?: number;
  /** Email sends per calendar day (UTC) for this survey. */
  maxSendsPerDay?: number;
  /** Shown by the website/in-app widget under these rules. */
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
  /** The anonymous link: `url` is the public URL followed by `linkPath`. */
  url: string;
  linkPath: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  closedAt: string | null;
}

/** Survey settings as a request gives them (replaced as a whole). */
export type SurveySettingsInput = Omit<SurveySettings, 'widget'> & { widget?: WidgetSettingsInput };

/** PATCH /surveys/{id}: what GET answers is valid here as it is. */
export interface UpdateSurvey {
  name?: string;
  /** Replaces the names per language as a whole. */
  names?: Localized;
  /** Replaces the questions; on a survey with responses this makes a new version. */
  definition?: SurveyDefinitionInput;
  settings?: SurveySettingsInput;
}

/** POST /surveys from a shipped template, in these languages. */
export interface CreateSurveyFromTemplate {
  template: string;
  languages?: SurveyLanguage[];
  defaultLanguage?: SurveyLanguage;
}

export interface SurveyTemplate {
  key: string;
  name: Record<SurveyLanguage, string>;
  questions: Array<{ id: string; type: QuestionType; title: Localized }>;
}

/** A 95 % interval. */
export interface Interval {
  low: number;
  high: number;
}

export interface QuestionResult {
  id: string;
  type: QuestionType;
  title: Localized;
  answers: number;
  /** Answers per value; a multiple-choice answer counts once per chosen option. */
  distribution: Record<string, number>;
  nps?: { n: number; nps: number | null; promoters: number; passives: number; detractors: number; ci: Interval | null };
  csat?: { n: number; csat: number | null; satisfied: number; ci: Interval | null; mean: number | null };
  mean?: { n: number; mean: number | null; ci: Interval | null };
  yesShare?: Interval | null;
}

/** An open-text answer with its analysis; `text` is null for a caller without feedback:read. */
export interface OpenTextAnswer {
  id: string;
  text: string | null;
  language: string | null;
  sentiment: Sentiment | null;
  questionId: string;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  rating: number | null;
  createdAt: string;
}

/** GET /surveys/{id}/results. */
export interface SurveyResults {
  survey: { id: string; name: string; names: Localized; status: SurveyStatus; version: number };
  responses: { started: number; completed: number; partial: number; completionRate: number | null; byChannel: Record<string, number> };
  email: {
    sent: number;
    responses: number;
    responseRate: number | null;
    bounced?: number;
    failed?: number;
    skipped?: number;
    queued?: number;
  };
  questions: QuestionResult[];
  openText: {
    answers: number;
    sentiment: Partial<Record<Sentiment, number>>;
    latest: OpenTextAnswer[];
  };
}
