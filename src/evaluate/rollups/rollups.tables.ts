// Daily rollups of feedback: additive counts and sums per workspace × local day (the workspace
// time zone at the item's created_at) × dimension × key, so any period of any calendar and any
// breakdown is a sum of rows. Rebuilt from the items (rebuild-rollups.ts), never edited by hand.
import { date, doublePrecision, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import type { RollupDimension } from './rollup-dimensions.js';

export const feedbackRollups = pgTable(
  'feedback_rollups',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    dimension: text('dimension').$type<RollupDimension>().notNull(),
    // '' for the dimension `all`.
    key: text('key').notNull(),
    items: integer('items').notNull(),
    promoters: integer('promoters').notNull(),
    passives: integer('passives').notNull(),
    detractors: integer('detractors').notNull(),
    csatAnswers: integer('csat_answers').notNull(),
    csatSatisfied: integer('csat_satisfied').notNull(),
    cesAnswers: integer('ces_answers').notNull(),
    cesSum: integer('ces_sum').notNull(),
    cesSumOfSquares: integer('ces_sum_of_squares').notNull(),
    positive: integer('positive').notNull(),
    neutral: integer('neutral').notNull(),
    negative: integer('negative').notNull(),
    sentimentScored: integer('sentiment_scored').notNull(),
    sentimentSum: doublePrecision('sentiment_sum').notNull(),
    sentimentSumOfSquares: doublePrecision('sentiment_sum_of_squares').notNull(),
  },
  // The reader asks for one dimension over a range of days: that is the key's order.
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.day, t.key] })],
);

// Which days of a workspace must be recomputed from their items: marked by whatever changed an
// item (analysis, corrections, merges), cleared by the job that recomputes them.
export const staleRollupDays = pgTable(
  'stale_rollup_days',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day] })],
);
