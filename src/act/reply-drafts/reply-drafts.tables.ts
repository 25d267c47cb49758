// Replies drafted by rules (a bad public review), waiting for an agent to edit, approve or
// discard them; and the workspace's reply templates per language and topic.
import { pgTable, uuid, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { rules } from '../rules/rules.tables.js';

export const REPLY_DRAFT_STATUSES = ['pending', 'approved', 'discarded'] as const;
export type ReplyDraftStatus = (typeof REPLY_DRAFT_STATUSES)[number];

export const replyDrafts = pgTable(
  'reply_drafts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedbackItems.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id').references(() => rules.id, { onDelete: 'set null' }),
    language: text('language').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<ReplyDraftStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reply_drafts_status_idx').on(t.workspaceId, t.status, t.createdAt),
    uniqueIndex('reply_drafts_feedback_key').on(t.workspaceId, t.feedbackId),
  ],
);

/** A workspace's own wording for a language and topic ('*': any topic), replacing the shipped one. */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    topic: text('topic').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reply_templates_key').on(t.workspaceId, t.language, t.topic)],
);
