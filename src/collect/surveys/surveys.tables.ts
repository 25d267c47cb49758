// Surveys: the survey, its immutable versions, responses with one row per answered question,
// email sends, and customers who asked not to be surveyed again.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb, integer, uniqueIndex, index, primaryKey, boolean } from 'drizzle-orm/pg-core';
import type { Localized, SurveyDefinition } from '../../contracts/survey-definition.js';
import type { WidgetSettings } from '../../contracts/widget-settings.js';
import type { SurveyStatus } from '../../contracts/surveys.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { feedbackItems } from '../feedback/feedback.tables.js';

export interface SurveySettings {
  /** Stop accepting new responses after this many (completed or not). */
  maxResponses?: number;
  /** Email sends per calendar day (UTC) for this survey. */
  maxSendsPerDay?: number;
  /** Shown by the website/in-app widget under these rules. */
  widget?: WidgetSettings;
}

export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // `name` is the fallback; `names` holds the name per language ({ fa: '…' }) for respondents and lists.
    name: text('name').notNull(),
    names: jsonb('names').$type<Localized>().notNull().default({}),
    status: text('status').$type<SurveyStatus>().notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    // The anonymous link is /s/<public_token>; personal links are signed with signing_key.
    publicToken: text('public_token').notNull(),
    signingKey: text('signing_key').notNull(),
    settings: jsonb('settings').$type<SurveySettings>().notNull().default({}),
    templateKey: text('template_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('surveys_public_token_key').on(t.publicToken), index('surveys_workspace_created_idx').on(t.workspaceId, t.createdAt)],
);

// A version with responses is never modified: editing a live survey writes the next version.
export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_versions_survey_version_key').on(t.surveyId, t.version)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => surveyVersions.id),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    channel: text('channel').notNull(), // link | email | widget | api
    language: text('language').notNull(),
    status: text('status').notNull().default('in_progress'), // in_progress | completed
    // The respondent resumes with /s/<public>/r/<token>; only its hash is stored.
    resumeTokenHash: text('resume_token_hash').notNull(),
    // One response per personal link or email send: opening it again resumes, never duplicates.
    personalKey: text('personal_key'),
    hidden: jsonb('hidden').$type<Record<string, string>>().notNull().default({}),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('survey_responses_resume_key').on(t.resumeTokenHash),
    uniqueIndex('survey_responses_personal_key').on(t.surveyId, t.personalKey).where(sql`personal_key is not null`),
    index('survey_responses_survey_started_idx').on(t.workspaceId, t.surveyId, t.startedAt),
    index('survey_responses_customer_idx').on(t.workspaceId, t.customerId, t.startedAt),
  ],
);

// value null = the respondent saw the (optional) question and skipped it.
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id').notNull(),
    questionId: text('question_id').notNull(),
    value: jsonb('value').$type<number | string | string[] | boolean | null>(),
    feedbackItemId: uuid('feedback_item_id').references(() => feedbackItems.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    index('survey_answers_survey_question_idx').on(t.workspaceId, t.surveyId, t.questionId),
  ],
);

export const surveySends = pgTable(
  'survey_sends',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull().default('email'),
    email: text('email').notNull(),
    language: text('language').notNull(),
    // queued | sent | bounced (refused by the receiving server) | failed (gave up) | skipped (opted out, throttled)
    status: text('status').notNull().default('queued'),
    reason: text('reason'),
    // Stable across retries, so a receiver can drop a copy sent twice after a crash.
    messageId: text('message_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    // Why it was sent: 'api' or the event that triggered it, so one trigger never sends twice.
    dedupeKey: text('dedupe_key'),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_sends_survey_idx').on(t.workspaceId, t.surveyId, t.createdAt),
    index('survey_sends_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
    uniqueIndex('survey_sends_dedupe_key').on(t.surveyId, t.dedupeKey).where(sql`dedupe_key is not null`),
  ],
);

export const surveyOptOuts = pgTable(
  'survey_opt_outs',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId] })],
);

export interface TriggerCondition {
  /** segment (a saved segment's id) | locale | email | phone | feedbackCount | eventCount | orderCount | lifetimeValue.<CUR> | attributes.<name> */
  field: string;
  op: 'eq' | 'neq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'exists';
  value?: string | number | boolean | Array<string | number>;
}

// "Send this survey when <event> happens, after a delay, to customers matching a segment, outside
// quiet hours in the customer's time zone."
export const surveyTriggers = pgTable(
  'survey_triggers',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    eventName: text('event_name').notNull(),
    delayMinutes: integer('delay_minutes').notNull().default(0),
    segment: jsonb('segment').$type<TriggerCondition[]>().notNull().default([]),
    quietHours: jsonb('quiet_hours').$type<{ start: string; end: string } | null>(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_triggers_event_idx').on(t.workspaceId, t.eventName)],
);
