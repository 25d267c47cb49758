// SLA policies (targets per ticket priority, optionally per customer segment) and each
// ticket's SLA clock, kept beside the ticket rather than in it.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, index, doublePrecision } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { segments } from '../../customers/segments/segments.tables.js';
import { tickets } from '../tickets/tickets.tables.js';
import type { TicketPriority } from '../../contracts/act.js';

export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    priority: text('priority').$type<TicketPriority>().notNull(),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'cascade' }),
    firstResponseMinutes: integer('first_response_minutes'),
    resolutionMinutes: integer('resolution_minutes'),
    warnPercent: integer('warn_percent').notNull().default(80),
    // Order in the settings table; among segment policies that match, the first wins.
    position: integer('position').notNull(),
  },
  (t) => [index('sla_policies_workspace_idx').on(t.workspaceId, t.priority)],
);

/**
 * A ticket's clock. Business minutes used so far are kept per target; while the clock runs
 * (`runningSince` set) the due and warning instants are stored, so the scan is an index probe.
 * Targets are copied from the policy, so editing a policy never rewrites a ticket's past.
 */
export const ticketSla = pgTable(
  'ticket_sla',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    policyId: uuid('policy_id').references(() => slaPolicies.id, { onDelete: 'set null' }),
    firstResponseMinutes: integer('first_response_minutes'),
    resolutionMinutes: integer('resolution_minutes'),
    warnPercent: integer('warn_percent').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    // Null while paused (pending) or stopped (resolved, closed).
    runningSince: timestamp('running_since', { withTimezone: true }),
    firstResponseUsed: doublePrecision('first_response_used').notNull().default(0),
    resolutionUsed: doublePrecision('resolution_used').notNull().default(0),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    firstResponseWarnAt: timestamp('first_response_warn_at', { withTimezone: true }),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionWarnAt: timestamp('resolution_warn_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    // Each recorded once, by the scan.
    firstResponseWarnedAt: timestamp('first_response_warned_at', { withTimezone: true }),
    firstResponseBreachedAt: timestamp('first_response_breached_at', { withTimezone: true }),
    resolutionWarnedAt: timestamp('resolution_warned_at', { withTimezone: true }),
    resolutionBreachedAt: timestamp('resolution_breached_at', { withTimezone: true }),
  },
  // The scan's four probes: partial indexes over what is not yet recorded stay small.
  (t) => [
    index('ticket_sla_first_response_warn_idx').on(t.firstResponseWarnAt).where(sql`${t.firstResponseWarnedAt} is null`),
    index('ticket_sla_first_response_due_idx').on(t.firstResponseDueAt).where(sql`${t.firstResponseBreachedAt} is null`),
    index('ticket_sla_resolution_warn_idx').on(t.resolutionWarnAt).where(sql`${t.resolutionWarnedAt} is null`),
    // Running clocks of a workspace, worked out again when its business hours change.
    index('ticket_sla_running_idx').on(t.workspaceId).where(sql`${t.runningSince} is not null`),
    index('ticket_sla_resolution_due_idx').on(t.resolutionDueAt).where(sql`${t.resolutionBreachedAt} is null`),
  ],
);
