// Sending the digests. Every quarter of an hour (time zones such as Asia/Tehran are half an hour
// off UTC) the scan claims the subscriptions that are due, rows locked with SKIP LOCKED, records
// each member's period in digest_sends, whose primary key admits a period once, and queues a job
// per new row in the same transaction; so however many workers scan, each member gets one digest
// per period. The job checks again that the member still wants it (an unsubscribe in between
// wins) and sends it with a Message-ID of its own, the same on every retry.
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { JobContext } from '../../platform/jobs/define-job.js';
import { memberships } from '../../platform/auth/auth.tables.js';
import { digestSends, digestSubscriptions } from './digest.tables.js';
import { subscribeNewMembers } from './digest-preferences.service.js';
import { digestPeriod, nextDigestAt } from './digest-schedule.js';
import { sendDigestJob, type TSendDigestPayload } from './send-digest.job.js';
import { composeDigest } from './compose-digest.js';
import { signUnsubscribe } from './digest-unsubscribe.js';

export const DIGEST_SCAN_LIMITS = { subscriptionsPerScan: 500 } as const;

/** Queues the digests due now; returns how many were queued. */
export async function queueDueDigests(database: Database, now = new Date()): Promise<number> {
  // Members who joined since the last scan get the default subscription first.
  const workspaceIds = await database.db
    .selectDistinct({ id: memberships.workspaceId })
    .from(memberships)
    .leftJoin(digestSubscriptions, and(eq(digestSubscriptions.workspaceId, memberships.workspaceId), eq(digestSubscriptions.userId, memberships.userId)))
    .where(isNull(digestSubscriptions.userId));
  for (const { id } of workspaceIds) await subscribeNewMembers(new WorkspaceScope(database, id), database.db, now);

  return database.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(digestSubscriptions)
      .where(and(eq(digestSubscriptions.enabled, true), lte(digestSubscriptions.nextSendAt, now)))
      .orderBy(digestSubscriptions.nextSendAt)
      .limit(DIGEST_SCAN_LIMITS.subscriptionsPerScan)
      .for('update', { skipLocked: true });
    let queued = 0;
    for (const subscription of due) {
      const period = digestPeriod(subscription, subscription.nextSendAt);
      const claimed = await tx
        .insert(digestSends)
        .values({ workspaceId: subscription.workspaceId, userId: subscription.userId, periodStart: period.start, periodEnd: period.end })
        .onConflictDoNothing()
        .returning({ periodStart: digestSends.periodStart });
      if (claimed.length > 0) {
        await sendDigestJob.enqueue(tx, { workspaceId: subscription.workspaceId, userId: subscription.userId, periodStart: period.start });
        queued++;
      }
      await tx
        .update(digestSubscriptions)
        .set({ nextSendAt: nextDigestAt(subscription, now) })
        .where(and(eq(digestSubscriptions.workspaceId, subscription.workspaceId), eq(digestSubscriptions.userId, subscription.userId)));
    }
    return queued;
  });
}

/** Job: compose and send one member's digest of one period. */
export async function sendDigest(ctx: Pick<JobContext, 'database' | 'mailer' | 'publicUrl'>, payload: TSendDigestPayload): Promise<void> {
  const scope = new WorkspaceScope(ctx.database, payload.workspaceId);
  const [row] = await scope.db
    .select({ subscription: digestSubscriptions, send: digestSends })
    .from(digestSends)
    .innerJoin(digestSubscriptions, and(eq(digestSubscriptions.workspaceId, digestSends.workspaceId), eq(digestSubscriptions.userId, digestSends.userId)))
    .where(scope.where(digestSends, eq(digestSends.userId, payload.userId), eq(digestSends.periodStart, payload.periodStart)));
  // Unsubscribed meanwhile, removed from the workspace, or already sent by an earlier attempt.
  if (!row?.subscription.enabled || row.send.sentAt) return;
  const still = await scope.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(scope.where(memberships, eq(memberships.userId, payload.userId)));
  if (still.length === 0) return;
  const period = { start: row.send.periodStart, end: row.send.periodEnd };
  const digest = await composeDigest(scope, row.subscription, period, ctx.publicUrl);
  const unsubscribeUrl = `${ctx.publicUrl}/digest/unsubscribe/${signUnsubscribe(row.subscription.unsubscribeKey, payload)}`;
  const result = await ctx.mailer.send({
    to: digest.email,
    subject: digest.subject,
    html: digest.html,
    text: digest.text,
    messageId: `<digest-${payload.workspaceId}-${payload.userId}-${payload.periodStart}@feedloop>`,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  });
  if (!result.ok) throw new Error(`digest not sent: ${result.reason}`);
  await scope.db
    .update(digestSends)
    .set({ sentAt: sql`now()` })
    .where(scope.where(digestSends, eq(digestSends.userId, payload.userId), eq(digestSends.periodStart, payload.periodStart)));
}
