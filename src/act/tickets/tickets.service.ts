// Tickets: a case an agent works on, numbered per workspace, linked to the feedback items it
// came from (feedback_items.ticket_id) and, through them, to the customer.
import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { newId } from '../../platform/ids.js';
import { notFound } from '../../platform/http/errors.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { compensations } from '../compensations/compensations.tables.js';
import { tasks } from '../tasks/tasks.tables.js';
import { tickets } from './tickets.tables.js';
import { assertMember, loadFeedbackRefs, resolveCustomer } from '../references.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import { publicTask } from '../tasks/tasks.service.js';
import { publicCompensation } from '../compensations/compensations.service.js';
import { ticketChanged } from './ticket-lifecycle.js';
import type { z } from 'zod';
import type { TCreateTicket, TUpdateTicket, ZListTickets } from './tickets.input.js';

type Ticket = typeof tickets.$inferSelect;

export const publicTicket = (t: Ticket) => ({
  id: t.id,
  number: t.number,
  subject: t.subject,
  status: t.status,
  priority: t.priority,
  customerId: t.customerId,
  assigneeId: t.assigneeId,
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
  resolvedAt: t.resolvedAt,
});

const isClosed = (status: Ticket['status']) => status === 'resolved' || status === 'closed';

/**
 * Creates the ticket in the caller's transaction and links the items to it. Numbers come from
 * the workspace's highest one under a transaction-scoped lock, so concurrent creates never share
 * a number.
 */
export async function createTicketIn(scope: WorkspaceScope, tx: Tx, input: TCreateTicket, userId: string | null) {
  const items = await loadFeedbackRefs(scope, tx, input.feedbackIds, 'feedbackIds');
  await assertMember(scope, tx, input.assigneeId, 'assigneeId');
  const shared = items.length > 0 && items.every((i) => i.customerId === items[0].customerId) ? items[0].customerId : null;
  const customerId = input.customerId !== undefined ? await resolveCustomer(scope, tx, input.customerId) : shared;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tickets:${scope.workspaceId}`}))`);
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${tickets.number}), 0) + 1` })
    .from(tickets)
    .where(scope.where(tickets));
  const [ticket] = await tx
    .insert(tickets)
    .values(
      scope.stamp({
        id: newId(),
        number: Number(next),
        subject: input.subject,
        priority: input.priority,
        customerId,
        assigneeId: input.assigneeId ?? null,
        createdBy: userId,
      }),
    )
    .returning();
  if (items.length > 0) {
    await tx
      .update(feedbackItems)
      .set({ ticketId: ticket.id, updatedAt: new Date() })
      .where(scope.where(feedbackItems, sql`${feedbackItems.id} in (select unnest(${pgArray(items.map((i) => i.id))}::uuid[]))`));
  }
  await ticketChanged(scope, tx, null, ticket);
  return { ...publicTicket(ticket), feedbackCount: items.length };
}

export function createTicket(scope: WorkspaceScope, input: TCreateTicket, userId: string | null) {
  return scope.transaction((tx) => createTicketIn(scope, tx, input, userId));
}

export async function listTickets(scope: WorkspaceScope, q: z.infer<typeof ZListTickets>) {
  const rows = await scope.db
    .select()
    .from(tickets)
    .where(
      scope.where(
        tickets,
        q.status ? eq(tickets.status, q.status) : undefined,
        q.priority ? eq(tickets.priority, q.priority) : undefined,
        q.customerId ? eq(tickets.customerId, q.customerId) : undefined,
        q.assigneeId ? eq(tickets.assigneeId, q.assigneeId) : undefined,
        afterCursor(tickets, q.cursor),
      ),
    )
    .orderBy(...newestFirst(tickets))
    .limit(q.limit + 1);
  const counts = await feedbackCounts(
    scope,
    rows.map((r) => r.id),
  );
  return toPage(rows, q.limit, (t) => ({ ...publicTicket(t), feedbackCount: counts.get(t.id) ?? 0 }));
}

async function feedbackCounts(scope: WorkspaceScope, ticketIds: string[]) {
  if (ticketIds.length === 0) return new Map<string, number>();
  const rows = await scope.db
    .select({ ticketId: feedbackItems.ticketId, n: count() })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, inArray(feedbackItems.ticketId, ticketIds)))
    .groupBy(feedbackItems.ticketId);
  return new Map(rows.map((r) => [r.ticketId!, Number(r.n)]));
}

/** The ticket with its feedback items (newest first, first 100; their text only with `feedbackText`), tasks and compensations. */
export async function getTicket(scope: WorkspaceScope, id: string, { feedbackText }: { feedbackText: boolean }) {
  const [ticket] = await scope.db
    .select()
    .from(tickets)
    .where(scope.where(tickets, eq(tickets.id, id)));
  if (!ticket) throw notFound('Ticket');
  const [items, taskRows, compRows, counts] = await Promise.all([
    scope.db
      .select({
        id: feedbackItems.id,
        channel: feedbackItems.channel,
        text: feedbackText ? sql<string | null>`left(${feedbackItems.text}, 500)` : sql<null>`null`,
        language: feedbackItems.language,
        sentiment: feedbackItems.sentiment,
        createdAt: feedbackItems.createdAt,
      })
      .from(feedbackItems)
      .where(scope.where(feedbackItems, eq(feedbackItems.ticketId, id)))
      .orderBy(desc(feedbackItems.createdAt))
      .limit(100),
    scope.db
      .select()
      .from(tasks)
      .where(scope.where(tasks, eq(tasks.ticketId, id)))
      .orderBy(...newestFirst(tasks)),
    scope.db
      .select()
      .from(compensations)
      .where(scope.where(compensations, eq(compensations.ticketId, id)))
      .orderBy(...newestFirst(compensations)),
    feedbackCounts(scope, [id]),
  ]);
  return {
    ...publicTicket(ticket),
    feedbackCount: counts.get(id) ?? 0,
    feedback: items,
    tasks: taskRows.map(publicTask),
    compensations: compRows.map(publicCompensation),
  };
}

export function updateTicket(scope: WorkspaceScope, id: string, input: TUpdateTicket) {
  return scope.transaction((tx) => updateTicketIn(scope, tx, id, input));
}

/** Changes the ticket in the caller's transaction (automation rules change tickets this way). */
export async function updateTicketIn(scope: WorkspaceScope, tx: Tx, id: string, input: TUpdateTicket) {
  const [current] = await tx
    .select()
    .from(tickets)
    .where(scope.where(tickets, eq(tickets.id, id)))
    .for('update');
  if (!current) throw notFound('Ticket');
  await assertMember(scope, tx, input.assigneeId, 'assigneeId');
  const now = new Date();
  const patch: Partial<Ticket> = { ...input, updatedAt: now };
  if (input.status && isClosed(input.status) !== isClosed(current.status)) patch.resolvedAt = isClosed(input.status) ? now : null;
  const [ticket] = await tx
    .update(tickets)
    .set(patch)
    .where(scope.where(tickets, eq(tickets.id, id)))
    .returning();
  await ticketChanged(scope, tx, current, ticket);
  return publicTicket(ticket);
}
