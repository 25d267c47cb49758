// Closing the loop: when an idea's status changes, every customer behind it (through its
// feedback items) is told by email, in their language. Notification rows are written in the
// idea's transaction together with their jobs; a row is only ever sent while 'queued', so a
// redelivered job does nothing twice. Customers without an email or who unsubscribed from this
// workspace's emails are recorded as skipped.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import type { ClaimedJob } from '../../platform/jobs/queue.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { surveyOptOuts } from '../../collect/surveys/surveys.tables.js';
import { ideaFeedback, ideas, notifications, type IDEA_STATUSES } from './ideas.tables.js';
import { EMAIL_LANGUAGES, renderIdeaEmail, type EmailLanguage } from './idea-email.js';
import { notifyIdeaStatusJob, type TNotifyIdeaStatusPayload } from './notify-idea-status.job.js';

type IdeaStatus = (typeof IDEA_STATUSES)[number];

const emailLanguage = (...candidates: Array<string | null | undefined>): EmailLanguage =>
  (candidates.map((c) => c?.slice(0, 2)).find((c) => (EMAIL_LANGUAGES as readonly string[]).includes(c ?? '')) as
    | EmailLanguage
    | undefined) ?? 'en';

/** Queues one notification per customer behind the idea (not yet told about this status). */
export async function queueIdeaNotifications(scope: WorkspaceScope, tx: Tx, ideaId: string, status: IdeaStatus) {
  const behind = await tx
    .selectDistinctOn([customers.id], { id: customers.id, email: customers.email, locale: customers.locale })
    .from(ideaFeedback)
    .innerJoin(feedbackItems, eq(feedbackItems.id, ideaFeedback.feedbackId))
    .innerJoin(customers, eq(customers.id, feedbackItems.customerId))
    .where(scope.where(ideaFeedback, eq(ideaFeedback.ideaId, ideaId), sql`${customers.mergedIntoId} is null`))
    .orderBy(customers.id);
  if (behind.length === 0) return { queued: 0, skipped: 0 };
  const optedOut = new Set(
    (
      await tx
        .select({ id: surveyOptOuts.customerId })
        .from(surveyOptOuts)
        .where(
          scope.where(
            surveyOptOuts,
            inArray(
              surveyOptOuts.customerId,
              behind.map((c) => c.id),
            ),
          ),
        )
    ).map((r) => r.id),
  );
  const [workspace] = await tx.select({ locale: workspaces.defaultLocale }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  const rows = behind.map((c) => {
    const id = newId();
    const reason = !c.email ? 'no_email' : optedOut.has(c.id) ? 'opted_out' : null;
    return scope.stamp({
      id,
      customerId: c.id,
      ideaId,
      ideaStatus: status,
      email: c.email,
      language: emailLanguage(c.locale, workspace?.locale),
      status: reason ? ('skipped' as const) : ('queued' as const),
      reason,
      messageId: `<${id}@feedloop>`,
    });
  });
  const inserted = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id, status: notifications.status });
  const queued = inserted.filter((r) => r.status === 'queued');
  await notifyIdeaStatusJob.enqueue(
    tx,
    queued.map((r) => ({ workspaceId: scope.workspaceId, notificationId: r.id })),
  );
  return { queued: queued.length, skipped: inserted.length - queued.length };
}

/** Job: send one notification. A refusal (5xx) is recorded as bounced; other failures retry, then fail. */
export async function deliverIdeaNotification(
  deps: { database: Database; mailer: Mailer },
  payload: TNotifyIdeaStatusPayload,
  job: ClaimedJob,
): Promise<void> {
  const scope = new WorkspaceScope(deps.database, payload.workspaceId);
  const [n] = await scope.db
    .select()
    .from(notifications)
    .where(scope.where(notifications, eq(notifications.id, payload.notificationId)));
  if (!n || n.status !== 'queued' || !n.email || !n.ideaId || !n.ideaStatus) return;
  const mark = (status: 'sent' | 'bounced' | 'failed' | 'skipped', reason: string | null) =>
    scope.db
      .update(notifications)
      .set({ status, reason, attempts: sql`${notifications.attempts} + 1`, ...(status === 'sent' ? { sentAt: new Date() } : {}) })
      .where(scope.where(notifications, eq(notifications.id, n.id), eq(notifications.status, 'queued')));
  const [idea] = await scope.db
    .select()
    .from(ideas)
    .where(scope.where(ideas, eq(ideas.id, n.ideaId)));
  // The idea moved on before this was sent: the news is stale, a newer notification tells the rest.
  if (!idea || idea.status !== n.ideaStatus) return void (await mark('skipped', 'status_changed'));
  const [optOut] = await scope.db
    .select()
    .from(surveyOptOuts)
    .where(scope.where(surveyOptOuts, eq(surveyOptOuts.customerId, n.customerId)));
  if (optOut) return void (await mark('skipped', 'opted_out'));
  const [customer] = await scope.db
    .select({ name: customers.name })
    .from(customers)
    .where(scope.where(customers, eq(customers.id, n.customerId)));
  const [quote] = await scope.db
    .select({ text: feedbackItems.text })
    .from(ideaFeedback)
    .innerJoin(feedbackItems, eq(feedbackItems.id, ideaFeedback.feedbackId))
    .where(and(scope.where(ideaFeedback, eq(ideaFeedback.ideaId, idea.id)), eq(feedbackItems.customerId, n.customerId)))
    .orderBy(desc(feedbackItems.createdAt))
    .limit(1);
  const [workspace] = await scope.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  const email = renderIdeaEmail({
    language: n.language as EmailLanguage,
    workspaceName: workspace.name,
    customerName: customer?.name ?? null,
    ideaTitle: idea.title,
    status: idea.status,
    quote: quote?.text ?? null,
  });
  const result = await deps.mailer.send({
    to: n.email,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: n.messageId,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  if (result.ok) return void (await mark('sent', null));
  if (result.permanent) return void (await mark('bounced', result.reason));
  if (job.attempts >= job.maxAttempts) await mark('failed', result.reason);
  else
    await scope.db
      .update(notifications)
      .set({ attempts: sql`${notifications.attempts} + 1`, reason: result.reason })
      .where(scope.where(notifications, eq(notifications.id, n.id)));
  throw new Error(`idea notification not sent (will retry): ${result.reason}`);
}
