// Public widget keys: identify a workspace to the embeddable widget. A public key is not a
// secret (it sits in every page's HTML): it can only add displays, answers, events and feedback
// to its own workspace, from the origins the workspace allows, and never read anything.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/schema.js';

export const widgetKeys = pgTable('widget_keys', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  publicKey: text('public_key').notNull(),
  // Exact origins (scheme://host[:port]) whose pages may use the key; empty = none yet.
  allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('widget_keys_public_key_key').on(t.publicKey),
  index('widget_keys_workspace_idx').on(t.workspaceId),
]);
