// Follow-up tasks: something to do for a customer, a ticket or a feedback item, by a date.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, index, integer } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { tickets } from '../tickets/tickets.tables.js';
import { TASK_STATUSES } from '../../contracts/act.js';

export { TASK_STATUSES };

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    feedbackId: uuid('feedback_id').references(() => feedbackItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    status: text('status').$type<(typeof TASK_STATUSES)[number]>().notNull().default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    remindMinutesBefore: integer('remind_minutes_before'),
    /** due_at minus the reminder's lead, kept so the reminder scan is one index range. */
    remindAt: timestamp('remind_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('tasks_status_due_idx').on(t.workspaceId, t.status, t.dueAt),
    index('tasks_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
    // The reminder scan runs across workspaces every minute: only reminders still to send.
    index('tasks_reminder_due_idx').on(t.remindAt).where(sql`${t.remindedAt} is null and ${t.status} = 'open'`),
  ],
);
