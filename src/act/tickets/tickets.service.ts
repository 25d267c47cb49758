// Tickets: a case an agent works on, numbered per workspace, linked to the feedback items it
// came from (feedback_items.ticket_id) and, through them, to the customer.
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { newId } from '../../platform/ids.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { ticketMentions } from '../conversation/conversation.tables.js';
import { OPEN_TICKET_STATUSES } from '../assignment/choose-assignee.js';
import { ticketDueTimes } from './ticket-due.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { compensations } from '../compensations/compensations.tables.js';
import { tasks } from '../tasks/tasks.tables.js';
import { tickets } from './tickets.tables.js';
import { assertMember, loadFeedbackRefs, resolveCustomer } from '../references.js';
import { assertTeam } from '../teams/teams.service.js';
import { assertTopicKey, automaticAssignee } from '../assignment/assignment.service.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import { publicTask } from '../tasks/tasks.service.js';
import { publicCompensation } from '../compensations/compensations.service.js';
import { ticketChanged } from './ticket-lifecycle.js';
import type { z } from 'zod';
import { assertServiceUnit } from '../../evaluate/service-units/service-unit-refs.js';
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
  teamId: t.teamId,
  serviceUnitId: t.serviceUnitId,
  tags: t.tags,
  topic: t.topic,
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
  resolvedAt: t.resolvedAt,
  firstResponseAt: t.firstResponseAt,
  firstContactResolution: isFirstContactResolution(t),
});

export const isClosed = (status: Ticket['status']) => status === 'resolved' || status === 'closed';

/** Resolved (or closed) after exactly one public reply, and never reopened. */
export const isFirstContactResolution = (t: Ticket) => isClosed(t.status) && t.publicReplyCount === 1 && t.reopenCount === 0;

/** The most frequent topic of the items (ties: the first item's order), or null. */
function commonTopic(items: Array<{ topics: string[] }>): string | null {
  const counts = new Map<string, number>();
  for (const topic of items.flatMap((i) => i.topics)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  let best: string | null = null;
  for (const [topic, n] of counts) if (best === null || n > counts.get(best)!) best = topic;
  return best;
}

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
  await assertTeam(scope, tx, input.teamId, 'teamId');
  await assertTopicKey(scope, tx, input.topic, 'topic');
  const topic = input.topic !== undefined ? input.topic : commonTopic(items);
  // Asked for nobody explicitly (null) stays unassigned; not asked at all follows the workspace's setting.
  const assigneeId = input.assigneeId !== undefined ? input.assigneeId : await automaticAssignee(scope, tx, topic);
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
        status: 'new' as const,
        priority: input.priority,
        customerId,
        assigneeId,
        teamId: input.teamId ?? null,
        tags: input.tags ?? [],
        topic,
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

/** Tickets, newest first (the breaching queue: soonest due first), with the inbox's extras. */
export async function listTickets(scope: WorkspaceScope, q: z.infer<typeof ZListTickets>, userId: string | null) {
  if ((q.queue === 'mine' || q.queue === 'mentions') && !userId)
    throw new AppError(422, 'needs_user', 'queue: "mine" and "mentions" belong to a signed-in teammate', 'queue');
  const me = userId ?? '00000000-0000-0000-0000-000000000000';
  const filters = scope.where(
    tickets,
    q.status ? eq(tickets.status, q.status) : undefined,
    q.priority ? eq(tickets.priority, q.priority) : undefined,
    q.customerId ? eq(tickets.customerId, q.customerId) : undefined,
    q.assigneeId ? eq(tickets.assigneeId, q.assigneeId) : undefined,
    q.teamId ? eq(tickets.teamId, q.teamId) : undefined,
    q.tag ? sql`${q.tag} = any(${tickets.tags})` : undefined,
    q.topic ? eq(tickets.topic, q.topic) : undefined,
    q.queue === 'mine' ? eq(tickets.assigneeId, me) : undefined,
    q.queue === 'unassigned' ? isNull(tickets.assigneeId) : undefined,
    q.queue === 'mine' || q.queue === 'unassigned' ? inArray(tickets.status, [...OPEN_TICKET_STATUSES]) : undefined,
    q.queue === 'breaching' ? inArray(tickets.status, ['new', 'open']) : undefined,
    q.queue === 'mentions'
      ? sql`exists (select 1 from ${ticketMentions} m where m.ticket_id = ${tickets.id} and m.user_id = ${me} and m.workspace_id = ${scope.workspaceId})`
      : undefined,
  );
  if (q.queue === 'breaching') {
    const open = await scope.db.select().from(tickets).where(filters).orderBy(tickets.createdAt).limit(BREACHING_SCAN);
    const due = await ticketDueTimes(scope, scope.db, open);
    const soonest = open
      .filter((t) => due.get(t.id))
      .sort((a, b) => due.get(a.id)!.getTime() - due.get(b.id)!.getTime())
      .slice(0, q.limit);
    return { data: await inboxRows(scope, soonest, due, me), nextCursor: null };
  }
  const rows = await scope.db
    .select()
    .from(tickets)
    .where(and(filters, afterCursor(tickets, q.cursor)))
    .orderBy(...newestFirst(tickets))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (t) => t);
  const due = await ticketDueTimes(scope, scope.db, page.data);
  return { ...page, data: await inboxRows(scope, page.data, due, me) };
}

/** Open tickets the breaching queue looks at, oldest first. */
const BREACHING_SCAN = 1000;

async function inboxRows(scope: WorkspaceScope, rows: Ticket[], due: Map<string, Date | null>, me: string) {
  const ids = rows.map((r) => r.id);
  const customerIds = [...new Set(rows.map((r) => r.customerId).filter((id): id is string => id !== null))];
  const [counts, names, mentions] = await Promise.all([
    feedbackCounts(scope, ids),
    customerIds.length
      ? scope.db
          .select({ id: customers.id, name: customers.name })
          .from(customers)
          .where(scope.where(customers, inArray(customers.id, customerIds)))
      : [],
    ids.length
      ? scope.db
          .select({ ticketId: ticketMentions.ticketId, n: count() })
          .from(ticketMentions)
          .where(
            scope.where(
              ticketMentions,
              inArray(ticketMentions.ticketId, ids),
              eq(ticketMentions.userId, me),
              isNull(ticketMentions.seenAt),
            ),
          )
          .groupBy(ticketMentions.ticketId)
      : [],
  ]);
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  const unseen = new Map(mentions.map((m) => [m.ticketId, Number(m.n)]));
  return rows.map((t) => ({
    ...publicTicket(t),
    feedbackCount: counts.get(t.id) ?? 0,
    customerName: t.customerId ? (nameOf.get(t.customerId) ?? null) : null,
    dueAt: due.get(t.id) ?? null,
    unseenMentions: unseen.get(t.id) ?? 0,
  }));
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
  await assertTeam(scope, tx, input.teamId, 'teamId');
  await assertTopicKey(scope, tx, input.topic, 'topic');
  await assertServiceUnit(scope, tx, input.serviceUnitId);
  const now = new Date();
  const patch: Partial<Ticket> = { ...input, updatedAt: now };
  if (input.status && isClosed(input.status) !== isClosed(current.status)) {
    patch.resolvedAt = isClosed(input.status) ? now : null;
    if (!isClosed(input.status)) patch.reopenCount = current.reopenCount + 1;
  }
  const [ticket] = await tx
    .update(tickets)
    .set(patch)
    .where(scope.where(tickets, eq(tickets.id, id)))
    .returning();
  await ticketChanged(scope, tx, current, ticket);
  return publicTicket(ticket);
}
