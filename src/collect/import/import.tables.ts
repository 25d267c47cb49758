import { pgTable, uuid, text, timestamp, jsonb, uniqueIndex, integer, bigint } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';

// One row per imported file (by content hash), so a re-run resumes where it stopped.
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
    rowsDone: bigint('rows_done', { mode: 'number' }).notNull().default(0),
    rowsImported: bigint('rows_imported', { mode: 'number' }).notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    status: text('status').notNull().default('running'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('import_runs_file_key').on(t.workspaceId, t.fileHash)],
);
