// Email surveys: queue one send per customer (skipping those without an email, opted out, or
// surveyed too recently), then deliver each through the durable job queue. A send row is written
// in the same transaction as its job, carries a stable Message-ID, and is only ever sent while
// 'queued': a redelivered job finds it 'sent' and does nothing.
import { count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { notifyJobsEnqueued, type ClaimedJob } from '../../platform/jobs/queue.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { surveyThrottleDays } from '../../platform/workspace/workspace-settings.service.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { surveyOptOuts, surveyResponses, surveySends, surveys } from './surveys.tables.js';
import { renderSurveyEmail } from './survey-email.js';
import { currentVersion, findSurvey } from './surveys.service.js';
import { chooseLanguage } from './choose-language.js';
import { recentlySurveyed } from './recently-surveyed.js';
import type { SkipReason } from '../../contracts/survey-sending.js';
import { sendSurveyEmailJob, type TSendSurveyEmailPayload } from './send-survey-email.job.js';

export type { SkipReason };

export interface QueueSendsInput {
  customerIds: string[];
  respectThrottle: boolean;
  /** why: 'api', or a trigger's key so one trigger never sends twice */
  dedupeKey?: (customerId: string) => string;
  runAt?: Date;
}

type SurveyRow = typeof surveys.$inferSelect;
type PlannedSend = Omit<typeof surveySends.$inferInsert, 'id' | 'workspaceId' | 'messageId'>;

// Customers looked up per statement: keeps each IN list short on both engines.
const CHUNK = 1000;

/** Which customers get an email (in which language) and who is skipped, and why; writes nothing. */
async function planSends(scope: WorkspaceScope, tx: Tx, survey: SurveyRow, input: QueueSendsInput) {
  const ids = [...new Set(input.customerIds)];
  const throttleDays = input.respectThrottle ? await surveyThrottleDays(tx, scope.workspaceId) : 0;
  let capLeft = Infinity;
  if (survey.settings.maxSendsPerDay) {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(surveySends)
      .where(
        scope.where(
          surveySends,
          eq(surveySends.surveyId, survey.id),
          inArray(surveySends.status, ['queued', 'sent']),
          gte(surveySends.createdAt, sql`date_trunc('day', now() at time zone 'utc') at time zone 'utc'`),
        ),
      );
    capLeft = survey.settings.maxSendsPerDay - n;
  }
  const version = await currentVersion(scope, survey, tx);
  const skipped: Array<{ customerId: string; reason: SkipReason }> = [];
  const planned: PlannedSend[] = [];
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    const found = new Map(
      (
        await tx
          .select()
          .from(customers)
          .where(scope.where(customers, inArray(customers.id, chunk)))
      ).map((c) => [c.id, c]),
    );
    const optedOut = new Set(
      (
        await tx
          .select({ id: surveyOptOuts.customerId })
          .from(surveyOptOuts)
          .where(scope.where(surveyOptOuts, inArray(surveyOptOuts.customerId, chunk)))
      ).map((r) => r.id),
    );
    const recent = await recentlySurveyed(scope, tx, chunk, throttleDays);
    for (const id of chunk) {
      const c = found.get(id);
      const reason: SkipReason | null = !c
        ? 'unknown_customer'
        : !c.email
          ? 'no_email'
          : optedOut.has(id)
            ? 'opted_out'
            : recent.has(id)
              ? 'throttled'
              : capLeft <= 0
                ? 'daily_cap'
                : null;
      if (reason) {
        skipped.push({ customerId: id, reason });
        continue;
      }
      capLeft--;
      const language = chooseLanguage(version.definition, { customerLocale: c!.locale }).language;
      planned.push({
        surveyId: survey.id,
        customerId: id,
        email: c!.email!,
        language,
        dedupeKey: input.dedupeKey?.(id) ?? null,
        scheduledFor: input.runAt ?? new Date(),
      });
    }
  }
  return { planned, skipped };
}

export async function queueSurveySends(scope: WorkspaceScope, surveyId: string, input: QueueSendsInput) {
  const result = await scope.transaction((tx) => queueSurveySendsIn(scope, tx, surveyId, input));
  if (result.queued) notifyJobsEnqueued();
  return result;
}

/** Queues the sends in the caller's transaction (automation rules send surveys this way). */
export async function queueSurveySendsIn(scope: WorkspaceScope, tx: Tx, surveyId: string, input: QueueSendsInput) {
  const survey = await findSurvey(scope, surveyId, tx);
  if (survey.status !== 'live') throw new AppError(409, 'survey_not_live', 'Only a live survey can be sent; publish it first');
  const { planned, skipped } = await planSends(scope, tx, survey, input);
  const rows = planned.map((p) => {
    const sendId = newId();
    return scope.stamp({ ...p, id: sendId, messageId: `<${sendId}@feedloop>` });
  });
  const inserted: Array<{ id: string }> = [];
  for (let at = 0; at < rows.length; at += CHUNK) {
    inserted.push(
      ...(await tx
        .insert(surveySends)
        .values(rows.slice(at, at + CHUNK))
        .onConflictDoNothing()
        .returning({ id: surveySends.id })),
    );
  }
  await sendSurveyEmailJob.enqueue(
    tx,
    inserted.map((r) => ({ workspaceId: scope.workspaceId, sendId: r.id })),
    { runAt: input.runAt },
  );
  return { queued: inserted.length, skipped, sendIds: inserted.map((r) => r.id) };
}

/** What a send would do, without sending: how many get the email, in which languages, who is skipped. */
export async function previewSurveySends(
  scope: WorkspaceScope,
  surveyId: string,
  input: Pick<QueueSendsInput, 'customerIds' | 'respectThrottle'>,
) {
  return scope.transaction(async (tx) => {
    const survey = await findSurvey(scope, surveyId, tx);
    const { planned, skipped } = await planSends(scope, tx, survey, input);
    const tally = <T extends string>(values: T[]) =>
      values.reduce<Partial<Record<T, number>>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
    return {
      status: survey.status,
      recipients: planned.length + skipped.length,
      willSend: planned.length,
      languages: tally(planned.map((p) => p.language as string)),
      skipped: tally(skipped.map((x) => x.reason)),
    };
  });
}

export interface DeliverDeps {
  database: Database;
  mailer: Mailer;
  publicUrl: string;
}

/** Job: send one survey email. Bounces (5xx) are recorded at once; other failures retry, then fail. */
export async function deliverSurveyEmail(deps: DeliverDeps, payload: TSendSurveyEmailPayload, job: ClaimedJob): Promise<void> {
  const scope = new WorkspaceScope(deps.database, payload.workspaceId);
  const [send] = await scope.db
    .select()
    .from(surveySends)
    .where(scope.where(surveySends, eq(surveySends.id, payload.sendId)));
  if (!send || send.status !== 'queued') return; // already delivered (a redelivered job) or cancelled
  const mark = (status: string, reason: string | null) =>
    scope.db
      .update(surveySends)
      .set({ status, reason, attempts: sql`${surveySends.attempts} + 1`, ...(status === 'sent' ? { sentAt: new Date() } : {}) })
      .where(scope.where(surveySends, eq(surveySends.id, send.id), eq(surveySends.status, 'queued')));
  const [survey] = await scope.db
    .select()
    .from(surveys)
    .where(scope.where(surveys, eq(surveys.id, send.surveyId)));
  if (!survey || survey.status !== 'live') return void (await mark('skipped', 'survey_not_live'));
  const [optOut] = await scope.db
    .select()
    .from(surveyOptOuts)
    .where(scope.where(surveyOptOuts, eq(surveyOptOuts.customerId, send.customerId)));
  if (optOut) return void (await mark('skipped', 'opted_out'));
  const [workspace] = await scope.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  const version = await currentVersion(scope, survey);
  const email = renderSurveyEmail({
    publicUrl: deps.publicUrl,
    workspaceName: workspace.name,
    survey,
    definition: version.definition,
    language: send.language as never,
    customerId: send.customerId,
    sendId: send.id,
  });
  const result = await deps.mailer.send({
    to: send.email,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: send.messageId,
    headers: {
      'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  });
  if (result.ok) return void (await mark('sent', null));
  if (result.permanent) return void (await mark('bounced', result.reason));
  if (job.attempts >= job.maxAttempts) await mark('failed', result.reason);
  else
    await scope.db
      .update(surveySends)
      .set({ attempts: sql`${surveySends.attempts} + 1`, reason: result.reason })
      .where(eq(surveySends.id, send.id));
  throw new Error(`survey email not sent (will retry): ${result.reason}`);
}

/** Sends per status, and how many of the emailed customers responded (share of those sent). */
async function sendSummary(scope: WorkspaceScope, surveyId: string) {
  const rows = await scope.db
    .select({ status: surveySends.status, n: count() })
    .from(surveySends)
    .where(scope.where(surveySends, eq(surveySends.surveyId, surveyId)))
    .groupBy(surveySends.status);
  const n = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  const [{ responses, completed }] = await scope.db
    .select({ responses: count(), completed: sql<number>`count(*) filter (where ${surveyResponses.status} = 'completed')::int` })
    .from(surveyResponses)
    .where(scope.where(surveyResponses, eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.channel, 'email')));
  const rate = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    queued: n('queued'),
    sent: n('sent'),
    bounced: n('bounced'),
    failed: n('failed'),
    skipped: n('skipped'),
    responses,
    completed: Number(completed),
    responseRate: rate(responses, n('sent')),
    bounceRate: rate(n('bounced'), n('sent') + n('bounced')),
  };
}

export async function listSurveySends(scope: WorkspaceScope, surveyId: string, q: { status?: string; limit: number }) {
  await findSurvey(scope, surveyId);
  const data = await scope.db
    .select({
      id: surveySends.id,
      customerId: surveySends.customerId,
      email: surveySends.email,
      language: surveySends.language,
      status: surveySends.status,
      reason: surveySends.reason,
      attempts: surveySends.attempts,
      scheduledFor: surveySends.scheduledFor,
      sentAt: surveySends.sentAt,
      createdAt: surveySends.createdAt,
    })
    .from(surveySends)
    .where(scope.where(surveySends, eq(surveySends.surveyId, surveyId), q.status ? eq(surveySends.status, q.status) : undefined))
    .orderBy(desc(surveySends.createdAt), desc(surveySends.id))
    .limit(q.limit);
  return { data, summary: await sendSummary(scope, surveyId) };
}
