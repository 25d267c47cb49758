// The workspace's topic taxonomy.
import { pgTable, uuid, text, timestamp, jsonb, uniqueIndex, boolean } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';

/** Text per UI language: { fa, ar, zh, en } (missing ones fall back to the key). */
export type LocalizedText = Partial<Record<'fa' | 'ar' | 'zh' | 'en', string>>;
/** Keywords per text language; matched on normalised text (see normalize-text.ts). */
export type KeywordsByLanguage = Partial<Record<'fa' | 'ar' | 'zh' | 'en', string[]>>;

export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // Stable machine name stored on feedback items (feedback_items.topics); renaming changes names only.
    key: text('key').notNull(),
    names: jsonb('names').$type<LocalizedText>().notNull().default({}),
    keywords: jsonb('keywords').$type<KeywordsByLanguage>().notNull().default({}),
    examples: jsonb('examples').$type<string[]>().notNull().default([]),
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('topics_workspace_key').on(t.workspaceId, t.key)],
);
