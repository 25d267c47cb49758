// Rollups of the metrics that are not made of feedback items — response rate, SLA compliance,
// compensations, loop closure, order cohorts, ticket volume and first-contact resolution — per workspace × source × dimension × local day ×
// key: additive counts, so a period is a sum of rows. A source is rebuilt whole from its own
// tables when anything it counts changed (stale_metric_sources, marked by triggers).
import { date, doublePrecision, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';

export const METRIC_ROLLUP_SOURCES = [
  'responses',
  'sla_first_response',
  'sla_resolution',
  'compensations',
  'loop',
  'orders',
  'ticket_volume',
  'first_contact_resolution',
] as const;
export type MetricRollupSource = (typeof METRIC_ROLLUP_SOURCES)[number];

export const metricRollups = pgTable(
  'metric_rollups',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    source: text('source').$type<MetricRollupSource>().notNull(),
    // 'all', or the dimension the key belongs to ('orders': 'months_since').
    dimension: text('dimension').notNull(),
    // Orders: the first local day of the cohort's month; others: the local day counted.
    day: date('day', { mode: 'string' }).notNull(),
    // '' for the dimension `all`.
    key: text('key').notNull(),
    // What met the definition (answered sends, targets met, loops closed, repeat customers) …
    part: integer('part').notNull(),
    // … out of what could have (sends and displays, targets decided, linked items, customers).
    whole: integer('whole').notNull(),
    // Compensations: the amount given, in the row's currency (never summed across currencies).
    amount: numeric('amount', { precision: 18, scale: 2, mode: 'number' }).notNull(),
    // Loop closure: the hours from each closed item's receipt to the customer being told, so a
    // period's median is exact.
    hours: doublePrecision('hours').array(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.dimension, t.day, t.key] })],
);

// A source of a workspace whose rollups must be rebuilt (marked by triggers on its tables).
export const staleMetricSources = pgTable(
  'stale_metric_sources',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    source: text('source').$type<MetricRollupSource>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source] })],
);
