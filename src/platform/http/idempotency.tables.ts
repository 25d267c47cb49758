import { pgTable, uuid, text, timestamp, jsonb, primaryKey, index, integer } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspace/workspace.tables.js';

// A key belongs to the credential that sent it (a session of a user, an API key, a widget key):
// only the same credential gets the stored answer back.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    credential: text('credential').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state').notNull(), // 'running' | 'done'
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.credential, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
