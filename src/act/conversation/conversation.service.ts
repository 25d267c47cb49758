// A ticket's conversation. A reply is stored and its email queued in one transaction (the
// outbox), threaded after the ticket's earlier messages; a note stays inside the team and may
// mention teammates, who find it in their "mentions" queue.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { assertMember } from '../references.js';
import { tickets } from '../tickets/tickets.tables.js';
import { ticketChanged, ticketFirstResponse } from '../tickets/ticket-lifecycle.js';
import { ticketMentions, ticketMessages } from './conversation.tables.js';
import { sendTicketReplyJob } from './send-ticket-reply.job.js';
import type { TNewTicketMessage } from './conversation.input.js';

type MessageRow = typeof ticketMessages.$inferSelect;

/** How many earlier Message-IDs a reply's References header carries (the first and the latest). */
const REFERENCES_KEPT = 20;

const publicMessage = (m: MessageRow, authorName: string | null, mentions: Array<{ userId: string; name: string }>) => ({
  id: m.id,
  ticketId: m.ticketId,
  kind: m.kind,
  direction: m.direction,
  authorId: m.authorId,
  authorName,
  body: m.body,
  toEmail: m.toEmail,
  delivery: m.delivery,
  deliveryError: m.deliveryError,
  mentions,
  createdAt: m.createdAt,
  sentAt: m.sentAt,
});

export async function postTicketMessage(scope: WorkspaceScope, ticketId: string, input: TNewTicketMessage, authorId: string | null) {
  return scope.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(tickets)
      .where(scope.where(tickets, eq(tickets.id, ticketId)))
      .for('update');
    if (!before) throw notFound('Ticket');
    const id = newId();
    if (input.kind === 'note') {
      const mentioned = [...new Set(input.mentions)];
      for (const [i, userId] of mentioned.entries()) await assertMember(scope, tx, userId, `mentions.${i}`);
      const [note] = await tx
        .insert(ticketMessages)
        .values(scope.stamp({ id, ticketId, kind: 'note' as const, direction: 'outbound' as const, authorId, body: input.body }))
        .returning();
      if (mentioned.length)
        await tx.insert(ticketMentions).values(mentioned.map((userId) => scope.stamp({ id: newId(), ticketId, messageId: id, userId })));
      return publicMessage(note, await userName(tx, authorId), (await mentionsOf(scope, tx, [id])).get(id) ?? []);
    }
    const [customer] = before.customerId
      ? await tx
          .select({ email: customers.email })
          .from(customers)
          .where(scope.where(customers, eq(customers.id, before.customerId)))
      : [];
    if (!customer?.email)
      throw new AppError(422, 'no_customer_email', 'kind: the ticket has no customer with an email address to reply to', 'kind');
    const earlier = await tx
      .select({ emailMessageId: ticketMessages.emailMessageId })
      .from(ticketMessages)
      .where(scope.where(ticketMessages, eq(ticketMessages.ticketId, ticketId), isNotNull(ticketMessages.emailMessageId)))
      .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
    const chain = earlier.map((m) => m.emailMessageId!);
    const kept = chain.length > REFERENCES_KEPT ? [chain[0], ...chain.slice(-(REFERENCES_KEPT - 1))] : chain;
    const [reply] = await tx
      .insert(ticketMessages)
      .values(
        scope.stamp({
          id,
          ticketId,
          kind: 'reply' as const,
          direction: 'outbound' as const,
          authorId,
          body: input.body,
          toEmail: customer.email,
          emailMessageId: `<${id}@feedloop>`,
          inReplyTo: chain.at(-1) ?? null,
          references: kept.length ? kept.join(' ') : null,
          delivery: 'queued' as const,
        }),
      )
      .returning();
    await sendTicketReplyJob.enqueue(tx, { workspaceId: scope.workspaceId, messageId: id });
    const now = new Date();
    const [after] = await tx
      .update(tickets)
      .set({
        publicReplyCount: sql`${tickets.publicReplyCount} + 1`,
        firstResponseAt: before.firstResponseAt ?? now,
        // Answering a new ticket is taking it on.
        ...(before.status === 'new' ? { status: 'open' as const } : {}),
        updatedAt: now,
      })
      .where(scope.where(tickets, eq(tickets.id, ticketId)))
      .returning();
    if (!before.firstResponseAt && authorId) await ticketFirstResponse(scope, tx, after, now);
    await ticketChanged(scope, tx, before, after);
    return publicMessage(reply, await userName(tx, authorId), []);
  });
}

/** The conversation, oldest first; opening it marks the viewer's mentions on this ticket seen. */
export async function listTicketMessages(scope: WorkspaceScope, ticketId: string, viewerId: string | null) {
  const [ticket] = await scope.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(scope.where(tickets, eq(tickets.id, ticketId)));
  if (!ticket) throw notFound('Ticket');
  const rows = await scope.db
    .select({ message: ticketMessages, authorName: users.name })
    .from(ticketMessages)
    .leftJoin(users, eq(users.id, ticketMessages.authorId))
    .where(scope.where(ticketMessages, eq(ticketMessages.ticketId, ticketId)))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const mentions = await mentionsOf(
    scope,
    scope.db,
    rows.map((r) => r.message.id),
  );
  if (viewerId)
    await scope.db
      .update(ticketMentions)
      .set({ seenAt: new Date() })
      .where(
        scope.where(
          ticketMentions,
          eq(ticketMentions.ticketId, ticketId),
          eq(ticketMentions.userId, viewerId),
          isNull(ticketMentions.seenAt),
        ),
      );
  return { data: rows.map((r) => publicMessage(r.message, r.authorName, mentions.get(r.message.id) ?? [])) };
}

async function userName(db: DbOrTx, userId: string | null) {
  if (!userId) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? null;
}

async function mentionsOf(scope: WorkspaceScope, db: DbOrTx, messageIds: string[]) {
  const map = new Map<string, Array<{ userId: string; name: string }>>();
  if (messageIds.length === 0) return map;
  const rows = await db
    .select({ messageId: ticketMentions.messageId, userId: ticketMentions.userId, name: users.name })
    .from(ticketMentions)
    .innerJoin(users, eq(users.id, ticketMentions.userId))
    .where(and(scope.where(ticketMentions, inArray(ticketMentions.messageId, messageIds))))
    .orderBy(asc(users.name));
  for (const r of rows) map.set(r.messageId, [...(map.get(r.messageId) ?? []), { userId: r.userId, name: r.name }]);
  return map;
}
