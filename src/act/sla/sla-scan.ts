// The scheduled SLA scan: clocks whose warning or due instant has passed get it recorded, once
// (the UPDATE only takes rows where it is not yet recorded), and the rules hear of it in the
// same transaction.
import { and, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { type RuleTrigger, type SlaTarget, emitRuleTriggers } from '../rules/emit-trigger.js';
import { ticketSla } from './sla.tables.js';

const MARKS: Array<{
  kind: 'sla_warning' | 'sla_breached';
  target: SlaTarget;
  at: PgColumn;
  recorded: PgColumn;
  set: keyof typeof ticketSla.$inferInsert;
}> = [
  {
    kind: 'sla_warning',
    target: 'first_response',
    at: ticketSla.firstResponseWarnAt,
    recorded: ticketSla.firstResponseWarnedAt,
    set: 'firstResponseWarnedAt',
  },
  {
    kind: 'sla_breached',
    target: 'first_response',
    at: ticketSla.firstResponseDueAt,
    recorded: ticketSla.firstResponseBreachedAt,
    set: 'firstResponseBreachedAt',
  },
  {
    kind: 'sla_warning',
    target: 'resolution',
    at: ticketSla.resolutionWarnAt,
    recorded: ticketSla.resolutionWarnedAt,
    set: 'resolutionWarnedAt',
  },
  {
    kind: 'sla_breached',
    target: 'resolution',
    at: ticketSla.resolutionDueAt,
    recorded: ticketSla.resolutionBreachedAt,
    set: 'resolutionBreachedAt',
  },
];

const due = (now: Date): SQL =>
  sql`(${MARKS.map((m) => sql`(${m.at} <= ${now} and ${m.recorded} is null)`).reduce((a, b) => sql`${a} or ${b}`)})`;

/** Records every warning and breach due by `now`; answers the triggers it emitted. */
export async function scanSlaClocks(database: Database, now = new Date()): Promise<RuleTrigger[]> {
  const workspaces = await database.db.selectDistinct({ id: ticketSla.workspaceId }).from(ticketSla).where(due(now));
  const emitted: RuleTrigger[] = [];
  for (const { id } of workspaces) {
    const scope = new WorkspaceScope(database, id);
    await scope.transaction(async (tx) => {
      const triggers: RuleTrigger[] = [];
      for (const m of MARKS) {
        const rows = await tx
          .update(ticketSla)
          .set({ [m.set]: now })
          .where(scope.where(ticketSla, and(lte(m.at, now), isNull(m.recorded))))
          .returning({ ticketId: ticketSla.ticketId });
        triggers.push(...rows.map((r) => ({ kind: m.kind, ticketId: r.ticketId, target: m.target })));
      }
      if (triggers.length > 0) await emitRuleTriggers(scope, tx, triggers);
      emitted.push(...triggers);
    });
  }
  return emitted;
}
