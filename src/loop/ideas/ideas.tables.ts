// Closing the loop: feedback items that ask for the same thing grouped into an idea with a
// status, and the messages that tell the customers behind it when the status changes.
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { IDEA_STATUSES } from '../../contracts/ideas.js';
import { SEND_STATUSES } from '../../contracts/survey-sending.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';

export { IDEA_STATUSES };

export const ideas = pgTable(
  'ideas',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<(typeof IDEA_STATUSES)[number]>().notNull().default('new'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ideas_status_idx').on(t.workspaceId, t.status, t.updatedAt)],
);

export const ideaFeedback = pgTable(
  'idea_feedback',
  {
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedbackItems.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.feedbackId] }), index('idea_feedback_feedback_idx').on(t.feedbackId)],
);

export const NOTIFICATION_STATUSES = SEND_STATUSES;

/**
 * A message telling a customer about something they asked for. One per customer, idea and
 * status, so moving an idea back and forth never tells anyone the same news twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    ideaId: uuid('idea_id').references(() => ideas.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull().default('email'),
    purpose: text('purpose').notNull().default('idea_status'),
    ideaStatus: text('idea_status').$type<(typeof IDEA_STATUSES)[number]>(),
    email: text('email'),
    language: text('language').notNull(),
    status: text('status').$type<(typeof NOTIFICATION_STATUSES)[number]>().notNull().default('queued'),
    reason: text('reason'),
    messageId: text('message_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_idea_status_key').on(t.ideaId, t.customerId, t.ideaStatus),
    index('notifications_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
  ],
);
