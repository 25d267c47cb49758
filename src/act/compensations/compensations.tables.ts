// Compensations: the discount code, credit, refund or gift given to an unhappy customer.
import { pgTable, uuid, text, timestamp, numeric, index, primaryKey } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { tickets } from '../tickets/tickets.tables.js';
import { COMPENSATION_KINDS, COMPENSATION_STATUSES } from '../../contracts/act.js';

export { COMPENSATION_KINDS, COMPENSATION_STATUSES };

export const compensations = pgTable(
  'compensations',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<(typeof COMPENSATION_KINDS)[number]>().notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    currency: text('currency'),
    code: text('code'),
    note: text('note'),
    feedbackId: uuid('feedback_id').references(() => feedbackItems.id, { onDelete: 'set null' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    status: text('status').$type<(typeof COMPENSATION_STATUSES)[number]>().notNull().default('approved'),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('compensations_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
    index('compensations_created_idx').on(t.workspaceId, t.createdAt),
  ],
);

/** Per workspace and currency: above this amount, an agent's compensation waits for approval. */
export const compensationApprovalLimits = pgTable(
  'compensation_approval_limits',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    maxAmount: numeric('max_amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.currency] })],
);
