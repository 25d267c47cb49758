// Segments: named groups of customers defined by conditions on their attributes and behaviour,
// used to filter feedback and customers, and to target surveys and rules.
import { pgTable, uuid, text, timestamp, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers } from '../customers/customers.tables.js';
import { rules } from '../../act/rules/rules.tables.js';

export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // The builder's conditions (see segment-definition.ts); compiled to parameterized SQL only.
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('segments_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/**
 * Customers put into a segment by hand or by a rule's "add to segment" action: a customer is in
 * the segment when its definition matches or they were added here (see segment-sql.ts).
 */
export const segmentMembers = pgTable(
  'segment_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    addedByRuleId: uuid('added_by_rule_id').references(() => rules.id, { onDelete: 'set null' }),
    addedByUserId: uuid('added_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.customerId] }), index('segment_members_customer_idx').on(t.workspaceId, t.customerId)],
);
