// Exports: one row per requested file (its job's progress and where the file is), and the
// download links handed out for it, stored as hashes of their tokens.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb, integer, bigint, index } from 'drizzle-orm/pg-core';
import type { ExportFormat, ExportStatus, ExportSubject } from '../../contracts/exports.js';
import type { Locale } from '../../contracts/locales.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';

export const exports = pgTable(
  'exports',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    subject: text('subject').$type<ExportSubject>().notNull(),
    format: text('format').$type<ExportFormat>().notNull(),
    /** The list's query, as validated when the export was asked for. */
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default({}),
    /** The reader's language and calendar, fixed when asked (headers, dates, direction). */
    locale: text('locale').$type<Locale>().notNull(),
    calendar: text('calendar').notNull(),
    status: text('status').$type<ExportStatus>().notNull().default('queued'),
    rows: integer('rows').notNull().default(0),
    total: integer('total'),
    error: text('error'),
    fileName: text('file_name'),
    fileBytes: bigint('file_bytes', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The file is removed (and the export marked expired) after this. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('exports_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('exports_expires_idx').on(t.expiresAt).where(sql`status <> 'expired'`),
  ],
);

export const exportLinks = pgTable(
  'export_links',
  {
    /** sha256 of the token; the token itself is only ever in the link. */
    tokenHash: text('token_hash').primaryKey(),
    exportId: uuid('export_id')
      .notNull()
      .references(() => exports.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('export_links_export_idx').on(t.exportId), index('export_links_expires_idx').on(t.expiresAt)],
);
