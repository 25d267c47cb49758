// Re-analysis of a workspace's past feedback (after a taxonomy change, a learnt model update, or
// on request). It runs as a chain of short jobs of BATCH items; each job
// commits its batch, the run's progress and the next job together, so a restart resumes where it
// stopped and progress is always visible. Items are walked in id order (any fixed order works). Starting a new run supersedes a running one.
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { newId } from '../../platform/ids.js';
import { notFound } from '../../platform/http/errors.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { analysisRuns } from './reanalysis.tables.js';
import { analyzeAndStore } from '../analysis/process-feedback.js';
import { reanalyzeFeedbackJob, type TReanalyzeFeedbackPayload } from './reanalyze-feedback.job.js';

const BATCH = 500;

export function publicRun(r: typeof analysisRuns.$inferSelect) {
  return { id: r.id, status: r.status, total: r.total, done: r.done, createdAt: r.createdAt, finishedAt: r.finishedAt };
}

export async function startReanalysis(scope: WorkspaceScope, requestedBy: string | null): Promise<ReturnType<typeof publicRun>> {
  const run = await scope.transaction(async (tx) => {
    await tx
      .update(analysisRuns)
      .set({ status: 'superseded', finishedAt: new Date() })
      .where(scope.where(analysisRuns, eq(analysisRuns.status, 'running')));
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(feedbackItems).where(scope.where(feedbackItems));
    const [row] = await tx
      .insert(analysisRuns)
      .values(scope.stamp({ id: newId(), total: n, requestedBy, cursor: null }))
      .returning();
    await reanalyzeFeedbackJob.enqueue(tx, { workspaceId: scope.workspaceId, runId: row.id });
    return row;
  });
  notifyJobsEnqueued();
  return publicRun(run);
}

export async function getRun(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .select()
    .from(analysisRuns)
    .where(scope.where(analysisRuns, eq(analysisRuns.id, id)));
  if (!row) throw notFound('Re-analysis run');
  return publicRun(row);
}

export async function latestRun(scope: WorkspaceScope) {
  const [row] = await scope.db
    .select()
    .from(analysisRuns)
    .where(scope.where(analysisRuns))
    .orderBy(sql`${analysisRuns.createdAt} desc`)
    .limit(1);
  return row ? publicRun(row) : null;
}

/**
 * One step of a run: the next batch, then the next job (or the end). The batch is analysed and
 * written outside any transaction (analysis is CPU work; on the embedded database a transaction
 * holds the only connection); the short transaction at the end advances the run only if no other
 * delivery of this step did so first. Analysing an item twice writes the same results.
 */
export async function reanalyzeStep(database: Database, payload: TReanalyzeFeedbackPayload): Promise<void> {
  const scope = new WorkspaceScope(database, payload.workspaceId);
  const [run] = await scope.db
    .select()
    .from(analysisRuns)
    .where(scope.where(analysisRuns, eq(analysisRuns.id, payload.runId)));
  if (!run || run.status !== 'running') return;
  const after = run.cursor;
  const batch = await scope.db
    .select({ id: feedbackItems.id, createdAt: feedbackItems.createdAt })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, after ? gt(feedbackItems.id, after.id) : undefined))
    .orderBy(asc(feedbackItems.id))
    .limit(BATCH);
  if (batch.length > 0) {
    await analyzeAndStore(
      scope,
      scope.db,
      batch.map((b) => b.id),
    );
  }
  const last = batch[batch.length - 1];
  const finished = batch.length < BATCH;
  const more = await scope.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(analysisRuns)
      .where(scope.where(analysisRuns, eq(analysisRuns.id, run.id)))
      .for('update');
    if (!current || current.status !== 'running' || JSON.stringify(current.cursor) !== JSON.stringify(after)) return false;
    await tx
      .update(analysisRuns)
      .set({
        done: Math.min(current.total, current.done + batch.length),
        cursor: last ? { createdAt: last.createdAt.toISOString(), id: last.id } : current.cursor,
        ...(finished ? { status: 'done', done: Math.max(current.total, current.done + batch.length), finishedAt: new Date() } : {}),
      })
      .where(eq(analysisRuns.id, current.id));
    if (!finished) await reanalyzeFeedbackJob.enqueue(tx, payload);
    return !finished;
  });
  if (more) notifyJobsEnqueued();
}
