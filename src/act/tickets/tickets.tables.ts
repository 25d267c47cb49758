// Tickets: a case an agent works on, with the feedback items it came from.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { teams } from '../teams/teams.tables.js';
import { serviceUnits } from '../../evaluate/service-units/service-units.tables.js';
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
    status: text('status').$type<(typeof TICKET_STATUSES)[number]>().notNull().default('new'),
    priority: text('priority').$type<(typeof TICKET_PRIORITIES)[number]>().notNull().default('normal'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    serviceUnitId: uuid('service_unit_id').references(() => serviceUnits.id),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    // A topic key of the workspace's taxonomy (topics.key), as on feedback items.
    topic: text('topic'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    // First-contact resolution is read from these: resolved after one public reply, never reopened.
    publicReplyCount: integer('public_reply_count').notNull().default(0),
    reopenCount: integer('reopen_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('tickets_number_key').on(t.workspaceId, t.number),
    index('tickets_status_idx').on(t.workspaceId, t.status, t.createdAt),
    index('tickets_customer_idx').on(t.workspaceId, t.customerId, t.createdAt),
    index('tickets_assignee_idx').on(t.workspaceId, t.assigneeId, t.status),
  ],
);
