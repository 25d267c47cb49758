// Customer 360: customers, the identifiers they were merged from, behavioural events and orders.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb, uniqueIndex, index, numeric, integer } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { serviceUnits } from '../../evaluate/service-units/service-units.tables.js';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    email: text('email'),
    emailKey: text('email_key'), // lower-cased email, for matching
    phone: text('phone'), // E.164
    phoneKey: text('phone_key'), // what a phone is matched by: its E.164 (a phone stored before, not a valid number: its digits)
    name: text('name'),
    locale: text('locale'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    mergedIntoId: uuid('merged_into_id'),
    // The unit the customer belongs to (their store, their account team); new feedback of theirs takes it.
    serviceUnitId: uuid('service_unit_id').references(() => serviceUnits.id),
    feedbackCount: integer('feedback_count').notNull().default(0),
    // Behaviour summary kept with the profile (segments and triggers read it without aggregating).
    eventCount: integer('event_count').notNull().default(0),
    orderCount: integer('order_count').notNull().default(0),
    // Lifetime value per currency, from the customer's orders: { "IRR": 1250000, "USD": 42.5 }.
    lifetimeValue: jsonb('lifetime_value').$type<Record<string, number>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('customers_external_id_key').on(t.workspaceId, t.externalId).where(sql`external_id is not null`),
    uniqueIndex('customers_email_key').on(t.workspaceId, t.emailKey).where(sql`email_key is not null`),
    uniqueIndex('customers_phone_key').on(t.workspaceId, t.phoneKey).where(sql`phone_key is not null`),
    index('customers_workspace_created_idx').on(t.workspaceId, t.createdAt),
    // The inactivity scan of automation rules: customers last seen before a cut-off.
    index('customers_last_seen_idx').on(t.workspaceId, t.lastSeenAt).where(sql`merged_into_id is null`),
  ],
);

// Identifiers a customer was known by before a merge, so later identify calls still find them.
export const customerAliases = pgTable(
  'customer_aliases',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // external_id | email | phone
    value: text('value').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('customer_aliases_key').on(t.workspaceId, t.kind, t.value)],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_customer_time_idx').on(t.workspaceId, t.customerId, t.occurredAt),
    index('events_name_time_idx').on(t.workspaceId, t.name, t.occurredAt),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2, mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_external_id_key').on(t.workspaceId, t.externalId),
    index('orders_customer_time_idx').on(t.workspaceId, t.customerId, t.placedAt),
  ],
);
