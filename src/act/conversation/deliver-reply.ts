// Job: send one reply by email. A reply is sent only while 'queued', so a redelivered job does
// nothing twice; a refusal (5xx) is recorded as bounced, other failures retry, then fail.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { ClaimedJob } from '../../platform/jobs/queue.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { LOCALES, type Locale } from '../../contracts/locales.js';
import { tickets } from '../tickets/tickets.tables.js';
import { ticketMessages } from './conversation.tables.js';
import { renderReplyEmail } from './reply-email.js';
import type { TSendTicketReplyPayload } from './send-ticket-reply.job.js';

/** The customer's language when Feedloop speaks it, else the workspace's. */
export const replyLanguage = (...candidates: Array<string | null | undefined>): Locale =>
  (candidates.map((c) => c?.slice(0, 2)).find((c) => (LOCALES as readonly string[]).includes(c ?? '')) as Locale | undefined) ?? 'en';

export async function deliverTicketReply(deps: { database: Database; mailer: Mailer }, payload: TSendTicketReplyPayload, job: ClaimedJob) {
  const scope = new WorkspaceScope(deps.database, payload.workspaceId);
  const [m] = await scope.db
    .select()
    .from(ticketMessages)
    .where(scope.where(ticketMessages, eq(ticketMessages.id, payload.messageId)));
  if (m?.delivery !== 'queued' || !m.toEmail || !m.emailMessageId) return;
  const mark = (delivery: 'sent' | 'bounced' | 'failed', error: string | null) =>
    scope.db
      .update(ticketMessages)
      .set({
        delivery,
        deliveryError: error,
        attempts: sql`${ticketMessages.attempts} + 1`,
        ...(delivery === 'sent' ? { sentAt: new Date() } : {}),
      })
      .where(scope.where(ticketMessages, eq(ticketMessages.id, m.id), eq(ticketMessages.delivery, 'queued')));
  const [ticket] = await scope.db
    .select()
    .from(tickets)
    .where(scope.where(tickets, eq(tickets.id, m.ticketId)));
  const [customer] = ticket?.customerId
    ? await scope.db
        .select({ locale: customers.locale })
        .from(customers)
        .where(scope.where(customers, eq(customers.id, ticket.customerId)))
    : [];
  const [workspace] = await scope.db
    .select({ name: workspaces.name, locale: workspaces.defaultLocale })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId));
  const [author] = m.authorId ? await scope.db.select({ name: users.name }).from(users).where(eq(users.id, m.authorId)) : [];
  const email = renderReplyEmail({
    language: replyLanguage(customer?.locale, workspace.locale),
    workspaceName: workspace.name,
    agentName: author?.name ?? null,
    ticketNumber: ticket.number,
    ticketSubject: ticket.subject,
    body: m.body,
  });
  const result = await deps.mailer.send({
    to: m.toEmail,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: m.emailMessageId,
    headers: {
      ...(m.inReplyTo ? { 'In-Reply-To': m.inReplyTo } : {}),
      ...(m.references ? { References: m.references } : {}),
    },
  });
  if (result.ok) return void (await mark('sent', null));
  if (result.permanent) return void (await mark('bounced', result.reason));
  if (job.attempts >= job.maxAttempts) await mark('failed', result.reason);
  else
    await scope.db
      .update(ticketMessages)
      .set({ attempts: sql`${ticketMessages.attempts} + 1`, deliveryError: result.reason })
      .where(scope.where(ticketMessages, eq(ticketMessages.id, m.id)));
  throw new Error(`ticket reply not sent (will retry): ${result.reason}`);
}
