// Closing the loop: feedback items that ask for the same thing grouped into an idea with a
// status that customers are told about.
import { pgTable, uuid, text, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import { workspaces, users } from '../platform/schema.js';
import { feedbackItems } from '../collect/schema.js';

export const IDEA_STATUSES = ['new', 'under_review', 'planned', 'in_progress', 'done', 'declined'] as const;

export const ideas = pgTable('ideas', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  status: text('status').$type<(typeof IDEA_STATUSES)[number]>().notNull().default('new'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('ideas_status_idx').on(t.workspaceId, t.status, t.updatedAt)]);

export const ideaFeedback = pgTable('idea_feedback', {
  ideaId: uuid('idea_id').notNull().references(() => ideas.id, { onDelete: 'cascade' }),
  feedbackId: uuid('feedback_id').notNull().references(() => feedbackItems.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ideaId, t.feedbackId] }),
  index('idea_feedback_feedback_idx').on(t.feedbackId),
]);
