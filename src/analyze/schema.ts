// Analysis tables: the workspace's topic taxonomy, agents' corrections (labelled examples) and
// the per-workspace model learnt from them.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb, uniqueIndex, index, integer, real, boolean, customType } from 'drizzle-orm/pg-core';
import { workspaces } from '../platform/workspace/workspace.tables.js';
import { users } from '../platform/auth/auth.tables.js';
import { feedbackItems } from '../collect/feedback/feedback.tables.js';

/** Text per UI language: { fa, ar, zh, en } (missing ones fall back to the key). */
export type LocalizedText = Partial<Record<'fa' | 'ar' | 'zh' | 'en', string>>;
/** Keywords per text language; matched on normalised text (see normalize-text.ts). */
export type KeywordsByLanguage = Partial<Record<'fa' | 'ar' | 'zh' | 'en', string[]>>;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const topics = pgTable('topics', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  // Stable machine name stored on feedback items (feedback_items.topics); renaming changes names only.
  key: text('key').notNull(),
  names: jsonb('names').$type<LocalizedText>().notNull().default({}),
  keywords: jsonb('keywords').$type<KeywordsByLanguage>().notNull().default({}),
  examples: jsonb('examples').$type<string[]>().notNull().default([]),
  builtIn: boolean('built_in').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('topics_workspace_key').on(t.workspaceId, t.key)]);

// One row per (feedback item, field): correcting the same field again replaces the label.
// The text is copied so the example survives the item's deletion.
export const analysisCorrections = pgTable('analysis_corrections', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  feedbackId: uuid('feedback_id').references(() => feedbackItems.id, { onDelete: 'set null' }),
  field: text('field').notNull(), // sentiment | type | topics
  labels: text('labels').array().notNull(), // one label, or the full topic list
  text: text('text').notNull(),
  language: text('language'),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('analysis_corrections_item_field').on(t.workspaceId, t.feedbackId, t.field).where(sql`feedback_id is not null`),
  index('analysis_corrections_workspace_created').on(t.workspaceId, t.createdAt),
]);

export const workspaceModels = pgTable('workspace_models', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(0),
  status: text('status').notNull().default('idle'), // idle | queued | training | failed
  progress: real('progress').notNull().default(0), // 0..1 of the running training
  examples: integer('examples').notNull().default(0), // corrections the current weights learnt from
  weights: bytea('weights'),
  error: text('error'),
  trainedAt: timestamp('trained_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// A workspace-wide re-analysis (after a taxonomy change or on request), processed in batches.
export const analysisRuns = pgTable('analysis_runs', {
  id: uuid('id').primaryKey(),
  workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  status: text('status').notNull().default('running'), // running | done | failed
  total: integer('total').notNull().default(0),
  done: integer('done').notNull().default(0),
  // Keyset position: items are re-analysed in (created_at, id) order.
  cursor: jsonb('cursor').$type<{ createdAt: string; id: string } | null>(),
  requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [index('analysis_runs_workspace_created').on(t.workspaceId, t.createdAt)]);
