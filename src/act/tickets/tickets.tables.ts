// Tickets: a case an agent works on, with the feedback items it came from.
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../contracts/act.js';

export { TICKET_PRIORITIES, TICKET_STATUSES };

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
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
  },
  (t) => [
    uniqueIndex('tickets_number_key').on(t.workspaceId, t.number),
    index('tickets_status_idx').on(t.workspaceId, t.status, t.createdAt),
    index('tickets_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
  ],
);
