// Canned replies: a title and a body per language, with template variables filled from the ticket.
import { pgTable, uuid, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { CannedReplyText } from '../../contracts/inbox.js';

export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // { fa: { title, body }, en: { title, body }, … }: at least one language.
    texts: jsonb('texts').$type<CannedReplyText>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('canned_replies_workspace_idx').on(t.workspaceId, t.createdAt)],
);
