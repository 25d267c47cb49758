// Agents' corrections of an item's analysis: the workspace's labelled examples.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';

// One row per (feedback item, field): correcting the same field again replaces the label.
// The text is copied so the example survives the item's deletion.
export const analysisCorrections = pgTable(
  'analysis_corrections',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    feedbackId: uuid('feedback_id').references(() => feedbackItems.id, { onDelete: 'set null' }),
    field: text('field').notNull(), // sentiment | type | topics
    labels: text('labels').array().notNull(), // one label, or the full topic list
    text: text('text').notNull(),
    language: text('language'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('analysis_corrections_item_field').on(t.workspaceId, t.feedbackId, t.field).where(sql`feedback_id is not null`),
    index('analysis_corrections_workspace_created').on(t.workspaceId, t.createdAt),
  ],
);
