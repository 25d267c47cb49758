// One feedback record whatever the channel it came from.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb, uniqueIndex, index, smallint, real, boolean } from 'drizzle-orm/pg-core';
import { customType } from 'drizzle-orm/pg-core';
import type { Channel, FeedbackStatus, FeedbackType, Sentiment } from '../../contracts/feedback.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers, orders } from '../../customers/customers/customers.tables.js';
import { serviceUnits } from '../../evaluate/service-units/service-units.tables.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    channel: text('channel').$type<Channel>().notNull(),
    // The sender's own id for this item: re-sending it (an import re-run) never duplicates.
    externalId: text('external_id'),
    text: text('text').notNull().default(''),
    searchText: text('search_text'),
    // Stored so that ranking reads the vector instead of re-parsing search_text for every match.
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple', coalesce(search_text, ''))`),
    language: text('language'),
    languageConfidence: real('language_confidence'),
    nps: smallint('nps'),
    csat: smallint('csat'),
    ces: smallint('ces'),
    rating: smallint('rating'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    surveyResponseId: uuid('survey_response_id'),
    ticketId: uuid('ticket_id'),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    reviewId: text('review_id'),
    status: text('status').$type<FeedbackStatus>().notNull().default('pending'),
    sentiment: text('sentiment').$type<Sentiment>(),
    sentimentScore: real('sentiment_score'), // -1..1
    sentimentConfidence: real('sentiment_confidence'),
    feedbackType: text('feedback_type').$type<FeedbackType>(),
    typeConfidence: real('type_confidence'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    topicScores: jsonb('topic_scores').$type<Record<string, number>>().notNull().default({}),
    // Fields an agent corrected: re-analysis never overwrites them.
    correctedFields: text('corrected_fields').array().notNull().default(sql`'{}'::text[]`),
    analysisVersion: text('analysis_version'),
    analysisError: text('analysis_error'),
    piiRedacted: boolean('pii_redacted').notNull().default(false),
    // Set by agents in the explorer (bulk actions): free tags and the teammate who owns the item.
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    // The service unit the item belongs to: its own, else its customer's at ingest (rollups key on it).
    serviceUnitId: uuid('service_unit_id').references(() => serviceUnits.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('feedback_workspace_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index('feedback_customer_created_idx').on(t.workspaceId, t.customerId, t.createdAt),
    index('feedback_channel_created_idx').on(t.workspaceId, t.channel, t.createdAt),
    // Columns that analysis or agents fill in later are indexed only once they have a value (every
    // filter on them implies that), so storing a new item writes the fewest index entries.
    index('feedback_language_created_idx').on(t.workspaceId, t.language, t.createdAt).where(sql`${t.language} is not null`),
    index('feedback_sentiment_created_idx').on(t.workspaceId, t.sentiment, t.createdAt).where(sql`${t.sentiment} is not null`),
    index('feedback_type_created_idx').on(t.workspaceId, t.feedbackType, t.createdAt).where(sql`${t.feedbackType} is not null`),
    index('feedback_topics_idx').using('gin', t.topics),
    index('feedback_tags_idx').using('gin', t.tags),
    index('feedback_service_unit_idx').on(t.workspaceId, t.serviceUnitId, t.createdAt).where(sql`${t.serviceUnitId} is not null`),
    index('feedback_assignee_idx').on(t.workspaceId, t.assigneeId, t.createdAt).where(sql`${t.assigneeId} is not null`),
    // The explorer's survey filter: items from a survey's answers (metadata) or linked to its responses.
    index('feedback_survey_idx')
      .on(t.workspaceId, sql`(${t.metadata} ->> 'survey_id')`)
      .where(sql`(${t.metadata} ->> 'survey_id') is not null`),
    index('feedback_survey_response_idx').on(t.surveyResponseId).where(sql`${t.surveyResponseId} is not null`),
    // Full-text search: search_text holds normalised, word-segmented tokens (see analyze/search),
    // written by the analysis job; searches add the same condition.
    index('feedback_search_vector_idx').using('gin', t.searchVector).where(sql`${t.searchText} is not null`),
    uniqueIndex('feedback_external_id_key').on(t.workspaceId, t.externalId).where(sql`external_id is not null`),
  ],
);
