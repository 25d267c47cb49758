// A ticket's SLA clock. It runs in business time from the ticket's creation, stands still
// while the ticket waits on the customer (pending) and once it is resolved or closed, and runs
// on from where it stood when the ticket is reopened. Business minutes used are banked at each
// change (a checkpoint); while it runs, the warning and due instants are stored for the scan.
import { eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notFound } from '../../platform/http/errors.js';
import type { SlaTargetState, TicketSla } from '../../contracts/business-hours.js';
import { tickets } from '../tickets/tickets.tables.js';
import {
  type BusinessCalendar,
  addBusinessMinutes,
  businessMinutesBetween,
  workspaceBusinessCalendar,
} from '../business-hours/business-time.js';
import { type RuleTrigger, emitRuleTriggers } from '../rules/emit-trigger.js';
import { ticketSla } from './sla.tables.js';
import { applicablePolicy } from './sla-policies.service.js';

type TicketRow = typeof tickets.$inferSelect;
type Clock = typeof ticketSla.$inferSelect;

/** Statuses in which the clock stands still: waiting on the customer, or done. */
const STOPPED = new Set<string>(['pending', 'resolved', 'closed']);
const DONE = new Set<string>(['resolved', 'closed']);

/** Banks the business minutes since `runningSince` into each target still open; records a breach found on the way. */
function checkpoint(clock: Clock, calendar: BusinessCalendar, now: Date, triggers: RuleTrigger[]): Clock {
  const c = { ...clock };
  if (c.runningSince) {
    const ran = businessMinutesBetween(calendar, c.runningSince, now);
    if (!c.firstResponseAt) c.firstResponseUsed += ran;
    if (!c.resolvedAt) c.resolutionUsed += ran;
    c.runningSince = now;
  }
  // A target overrun between two scans is still recorded, once.
  if (c.firstResponseMinutes !== null && !c.firstResponseBreachedAt && c.firstResponseUsed > c.firstResponseMinutes) {
    c.firstResponseBreachedAt = now;
    triggers.push({ kind: 'sla_breached', ticketId: c.ticketId, target: 'first_response' });
  }
  if (c.resolutionMinutes !== null && !c.resolutionBreachedAt && c.resolutionUsed > c.resolutionMinutes) {
    c.resolutionBreachedAt = now;
    triggers.push({ kind: 'sla_breached', ticketId: c.ticketId, target: 'resolution' });
  }
  return c;
}

/** The warning and due instants of a running clock (null for a target met, absent or paused). */
function schedule(c: Clock, calendar: BusinessCalendar) {
  const at = (target: number | null, used: number, met: Date | null) => {
    if (!c.runningSince || target === null || met) return [null, null] as const;
    const warnAt = addBusinessMinutes(calendar, c.runningSince, Math.max(0, (target * c.warnPercent) / 100 - used));
    return [warnAt, addBusinessMinutes(calendar, c.runningSince, Math.max(0, target - used))] as const;
  };
  const [firstResponseWarnAt, firstResponseDueAt] = at(c.firstResponseMinutes, c.firstResponseUsed, c.firstResponseAt);
  const [resolutionWarnAt, resolutionDueAt] = at(c.resolutionMinutes, c.resolutionUsed, c.resolvedAt);
  return { ...c, firstResponseWarnAt, firstResponseDueAt, resolutionWarnAt, resolutionDueAt };
}

async function save(scope: WorkspaceScope, tx: Tx, clock: Clock, calendar: BusinessCalendar, triggers: RuleTrigger[]) {
  const { ticketId, workspaceId: _ws, ...rest } = schedule(clock, calendar);
  await tx
    .insert(ticketSla)
    .values(scope.stamp({ ticketId, ...rest }))
    .onConflictDoUpdate({ target: ticketSla.ticketId, set: rest });
  if (triggers.length > 0) await emitRuleTriggers(scope, tx, triggers);
}

function targetsOf(policy: Awaited<ReturnType<typeof applicablePolicy>>) {
  return {
    policyId: policy?.id ?? null,
    firstResponseMinutes: policy?.firstResponseMinutes ?? null,
    resolutionMinutes: policy?.resolutionMinutes ?? null,
    warnPercent: policy?.warnPercent ?? 80,
  };
}

/** Keeps the clock in step with a ticket created (`before` null) or changed, in the same transaction. */
export async function slaTicketChanged(scope: WorkspaceScope, tx: Tx, before: TicketRow | null, after: TicketRow): Promise<void> {
  const calendar = await workspaceBusinessCalendar(scope, tx);
  const [existing] = before
    ? await tx
        .select()
        .from(ticketSla)
        .where(scope.where(ticketSla, eq(ticketSla.ticketId, after.id)))
        .for('update')
    : [];
  const now = before ? after.updatedAt : after.createdAt;
  const triggers: RuleTrigger[] = [];
  let clock: Clock = existing
    ? checkpoint(existing, calendar, now, triggers)
    : {
        ticketId: after.id,
        workspaceId: scope.workspaceId,
        ...targetsOf(await applicablePolicy(scope, tx, after.priority, after.customerId)),
        startedAt: now,
        runningSince: null,
        firstResponseUsed: 0,
        resolutionUsed: 0,
        firstResponseAt: null,
        resolvedAt: null,
        firstResponseWarnAt: null,
        firstResponseDueAt: null,
        resolutionWarnAt: null,
        resolutionDueAt: null,
        firstResponseWarnedAt: null,
        firstResponseBreachedAt: null,
        resolutionWarnedAt: null,
        resolutionBreachedAt: null,
      };
  if (existing && before && (before.priority !== after.priority || before.customerId !== after.customerId)) {
    clock = { ...clock, ...targetsOf(await applicablePolicy(scope, tx, after.priority, after.customerId)) };
  }
  clock.resolvedAt = DONE.has(after.status) ? (clock.resolvedAt ?? now) : null;
  clock.runningSince = STOPPED.has(after.status) ? null : (clock.runningSince ?? now);
  await save(scope, tx, clock, calendar, triggers);
}

/** Stops the first-response clock at the agent's first public reply. */
export async function slaFirstResponse(scope: WorkspaceScope, tx: Tx, ticket: TicketRow, at: Date): Promise<void> {
  const [existing] = await tx
    .select()
    .from(ticketSla)
    .where(scope.where(ticketSla, eq(ticketSla.ticketId, ticket.id)))
    .for('update');
  if (!existing || existing.firstResponseAt) return;
  const calendar = await workspaceBusinessCalendar(scope, tx);
  const triggers: RuleTrigger[] = [];
  const clock = checkpoint(existing, calendar, at, triggers);
  await save(scope, tx, { ...clock, firstResponseAt: at }, calendar, triggers);
}

/**
 * After the business hours change: the time each running clock ran until now is banked in the
 * old hours, and its warning and due instants are worked out again in the new ones.
 */
export async function rescheduleRunningClocks(scope: WorkspaceScope, tx: Tx, before: BusinessCalendar, after: BusinessCalendar, now: Date) {
  const running = await tx
    .select()
    .from(ticketSla)
    .where(scope.where(ticketSla, isNotNull(ticketSla.runningSince)))
    .for('update');
  for (const clock of running) {
    const triggers: RuleTrigger[] = [];
    await save(scope, tx, checkpoint(clock, before, now, triggers), after, triggers);
  }
}

function targetState(
  target: number | null,
  used: number,
  met: Date | null,
  dueAt: Date | null,
  warnedAt: Date | null,
  breachedAt: Date | null,
): SlaTargetState | null {
  if (target === null) return null;
  const remainingMinutes = Math.round((target - used) * 10) / 10;
  return {
    targetMinutes: target,
    dueAt: dueAt?.toISOString() ?? null,
    remainingMinutes,
    metAt: met?.toISOString() ?? null,
    warned: warnedAt !== null,
    breached: breachedAt !== null || remainingMinutes < 0,
  };
}

/** The ticket's SLA as of `now`: targets, due times, business minutes left, paused or breached. */
export async function ticketSlaState(scope: WorkspaceScope, ticketId: string, now = new Date(), db: DbOrTx = scope.db): Promise<TicketSla> {
  const [clock] = await db
    .select()
    .from(ticketSla)
    .where(scope.where(ticketSla, eq(ticketSla.ticketId, ticketId)));
  if (!clock) {
    // A ticket from before SLA clocks existed has none; another workspace's id finds nothing.
    const [ticket] = await db
      .select({ id: tickets.id })
      .from(tickets)
      .where(scope.where(tickets, eq(tickets.id, ticketId)));
    if (!ticket) throw notFound('Ticket');
    return { policyId: null, paused: false, firstResponse: null, resolution: null };
  }
  const ran = clock.runningSince ? businessMinutesBetween(await workspaceBusinessCalendar(scope, db), clock.runningSince, now) : 0;
  return {
    policyId: clock.policyId,
    paused: clock.runningSince === null && clock.resolvedAt === null,
    firstResponse: targetState(
      clock.firstResponseMinutes,
      clock.firstResponseUsed + (clock.firstResponseAt ? 0 : ran),
      clock.firstResponseAt,
      clock.firstResponseDueAt,
      clock.firstResponseWarnedAt,
      clock.firstResponseBreachedAt,
    ),
    resolution: targetState(
      clock.resolutionMinutes,
      clock.resolutionUsed + (clock.resolvedAt ? 0 : ran),
      clock.resolvedAt,
      clock.resolutionDueAt,
      clock.resolutionWarnedAt,
      clock.resolutionBreachedAt,
    ),
  };
}
