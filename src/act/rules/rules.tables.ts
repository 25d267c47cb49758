// Automation rules: each edit is a new version (runs name the version they ran), every run is
// logged with what each action did, and flags rules set on customers are stored for the profile.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, boolean, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import type { RuleActionResult, RuleDefinition, RuleRunStatus } from '../../contracts/rules.js';

export const rules = pgTable(
  'rules',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** The current version's trigger kind, so producers find their listeners with one index probe. */
    triggerKind: text('trigger_kind').notNull(),
    version: integer('version').notNull().default(1),
    definition: jsonb('definition').$type<RuleDefinition>().notNull(),
    /** The playbook it was installed from, if any. */
    playbook: text('playbook'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rules_trigger_idx').on(t.workspaceId, t.triggerKind).where(sql`enabled`)],
);

/** Every version a rule had, kept so a run can be read against what it ran. */
export const ruleVersions = pgTable(
  'rule_versions',
  {
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => rules.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<RuleDefinition>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.version] })],
);

export const ruleRuns = pgTable(
  'rule_runs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => rules.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    trigger: jsonb('trigger').$type<Record<string, unknown>>().notNull(),
    /** What matched: "feedback:<id>", "customer:<id>", "topic:<name>" … */
    subject: text('subject').notNull(),
    chain: text('chain').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<RuleRunStatus>().notNull().default('queued'),
    actions: jsonb('actions').$type<RuleActionResult[]>().notNull().default([]),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('rule_runs_rule_idx').on(t.workspaceId, t.ruleId, t.createdAt)],
);

/**
 * Once-per-period marks of scheduled rules: a customer's inactivity period (keyed by the
 * last-seen time it started from) or a threshold's window, so a scan fires each at most once.
 */
export const ruleMarks = pgTable(
  'rule_marks',
  {
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => rules.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    period: text('period').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.key] })],
);

/** Flags on a customer (churn_risk, vip, or the workspace's own), set by rules or people. */
export const customerFlags = pgTable(
  'customer_flags',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    flag: text('flag').notNull(),
    ruleId: uuid('rule_id').references(() => rules.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId, t.flag] })],
);
