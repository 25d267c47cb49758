// The demo's support tickets: every message that came in through the support channel is a
// ticket (numbered in the order they arrived), worked on by the owner, resolved or still open
// depending on its age; a resolved one may be followed by the customer's CSAT answer.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { tickets } from '../../act/tickets/tickets.tables.js';
import { createTicketIn } from '../../act/tickets/tickets.service.js';
import type { TICKET_PRIORITIES, TICKET_STATUSES } from '../../act/tickets/tickets.tables.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SUBJECT_CHARS = 70;
/** Tickets still open (and as many pending): the team's current work. */
const OPEN_TICKETS = 3;

export interface DemoTicketMessage {
  itemId: string;
  text: string;
  customerId: string;
  at: Date;
  sentiment: 'negative' | 'neutral' | 'positive';
  kind: string;
  topics: string[];
  /** the customer rated the handling afterwards: the ticket is resolved */
  rated: boolean;
}

export interface DemoTicket {
  itemId: string;
  ticketId: string;
  resolvedAt: Date | null;
}

/** The message's first sentence, or its start cut at a word, as the ticket's subject. */
export function ticketSubject(text: string): string {
  // A Latin or Arabic-script full stop ends a sentence before a space; a Chinese one on its own.
  const sentence = /^(.+?(?:[.!?؟](?=\s|$)|[。！？]))/su.exec(text.trim())?.[1] ?? text.trim();
  if ([...sentence].length <= SUBJECT_CHARS) return sentence;
  const cut = [...sentence].slice(0, SUBJECT_CHARS).join('');
  const atWord = cut.lastIndexOf(' ');
  return `${atWord > SUBJECT_CHARS / 2 ? cut.slice(0, atWord) : cut}…`;
}

function priorityOf(m: DemoTicketMessage): (typeof TICKET_PRIORITIES)[number] {
  if (m.topics.includes('payment') || m.topics.includes('account')) return 'urgent';
  if (m.sentiment === 'negative') return 'high';
  return m.kind === 'question' ? 'normal' : 'low';
}

export async function openDemoTickets(
  scope: WorkspaceScope,
  tx: Tx,
  messages: DemoTicketMessage[],
  ownerId: string,
  now: Date,
  random: () => number,
): Promise<DemoTicket[]> {
  const out: DemoTicket[] = [];
  const inOrder = [...messages].sort((a, b) => a.at.getTime() - b.at.getTime());
  // The newest unrated messages are still being worked on; older ones were settled.
  const newestFirst = inOrder.filter((m) => !m.rated).reverse();
  let lastOpened = 0;
  for (const m of inOrder) {
    const recent = newestFirst.indexOf(m);
    const status: (typeof TICKET_STATUSES)[number] = m.rated
      ? 'resolved'
      : recent >= 0 && recent < OPEN_TICKETS
        ? 'open'
        : recent >= 0 && recent < 2 * OPEN_TICKETS
          ? 'pending'
          : random() < 0.6
            ? 'closed'
            : 'resolved';
    // Opened minutes after the message, and numbered in the order they were opened.
    const createdAt = new Date(Math.min(Math.max(m.at.getTime() + (5 + random() * 55) * 60_000, lastOpened + 60_000), now.getTime()));
    lastOpened = createdAt.getTime();
    const done = status === 'resolved' || status === 'closed';
    // Resolved within hours to a few days, and always before now (and before a rating that follows).
    const resolvedAt = done
      ? new Date(
          Math.max(createdAt.getTime() + 60_000, Math.min(createdAt.getTime() + (4 + random() * 68) * HOUR, now.getTime() - 3 * HOUR)),
        )
      : null;
    const ticket = await createTicketIn(
      scope,
      tx,
      {
        subject: ticketSubject(m.text),
        priority: priorityOf(m),
        feedbackIds: [m.itemId],
        assigneeId: status === 'open' ? null : ownerId,
      },
      ownerId,
    );
    const updatedAt = resolvedAt ?? new Date(Math.min(createdAt.getTime() + random() * DAY, now.getTime()));
    await tx
      .update(tickets)
      .set({ status, createdAt, updatedAt, resolvedAt })
      .where(scope.where(tickets, eq(tickets.id, ticket.id)));
    out.push({ itemId: m.itemId, ticketId: ticket.id, resolvedAt });
  }
  return out;
}
