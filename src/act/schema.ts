// Acting on feedback: tickets (a case an agent works on, with the feedback items it came from),
// follow-up tasks, and the compensation given to an unhappy customer.
import { pgTable, uuid, text, timestamp, integer, numeric, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from '../platform/workspace/workspace.tables.js';
import { users } from '../platform/auth/auth.tables.js';
import { customers } from '../customers/schema.js';
import { feedbackItems } from '../collect/schema.js';

export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_STATUSES = ['open', 'done'] as const;
export const COMPENSATION_KINDS = ['discount_code', 'credit', 'refund', 'gift'] as const;

export const tickets = pgTable('tickets', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  // What people say and type ("#42"): numbered per workspace.
  number: integer('number').notNull(),
  customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
  subject: text('subject').notNull(),
  status: text('status').$type<(typeof TICKET_STATUSES)[number]>().notNull().default('open'),
  priority: text('priority').$type<(typeof TICKET_PRIORITIES)[number]>().notNull().default('normal'),
  assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('tickets_number_key').on(t.workspaceId, t.number),
  index('tickets_status_idx').on(t.workspaceId, t.status, t.createdAt),
  index('tickets_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
]);

export const tasks = pgTable('tasks', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
  ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
  feedbackId: uuid('feedback_id').references(() => feedbackItems.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  status: text('status').$type<(typeof TASK_STATUSES)[number]>().notNull().default('open'),
  dueAt: timestamp('due_at', { withTimezone: true }),
  assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
}, (t) => [
  index('tasks_status_due_idx').on(t.workspaceId, t.status, t.dueAt),
  index('tasks_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
]);

export const compensations = pgTable('compensations', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<(typeof COMPENSATION_KINDS)[number]>().notNull(),
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
  currency: text('currency'),
  code: text('code'),
  note: text('note'),
  feedbackId: uuid('feedback_id').references(() => feedbackItems.id, { onDelete: 'set null' }),
  ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('compensations_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
  index('compensations_created_idx').on(t.workspaceId, t.createdAt),
]);
