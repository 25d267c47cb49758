// A durable job queue on the application database. Jobs are inserted in the same transaction
// as the data they follow (so a crash after commit still runs them); workers claim them with
// FOR UPDATE SKIP LOCKED, so several worker processes can share one PostgreSQL. Delivery is
// at-least-once: a worker that dies mid-job leaves a lock that expires and the job runs again.
import { sql } from 'drizzle-orm';
import { jobs } from './jobs.tables.js';
import type { Database, DbOrTx } from '../db/client.js';
import { newId } from '../ids.js';
import { JOB_LIMITS } from './limits.js';
import { pgArray } from '../db/pg-array.js';
import { preparedRows } from '../db/prepared.js';

export interface JobInput {
  queue: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/** Enqueue inside the caller's transaction. */
export async function enqueueJobs(tx: DbOrTx, inputs: JobInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.insert(jobs).values(
    inputs.map((j) => ({
      id: newId(),
      queue: j.queue,
      payload: j.payload,
      runAt: j.runAt ?? new Date(),
      maxAttempts: j.maxAttempts ?? JOB_LIMITS.maxAttempts,
    })),
  );
}

export async function claimJobs(database: Database, queues: string[], limit: number): Promise<ClaimedJob[]> {
  const lockSeconds = JOB_LIMITS.lockSeconds;
  const queueList = sql.join(
    queues.map((q) => sql`${q}`),
    sql`, `,
  );
  // The same queues on every call of a worker: one prepared statement.
  return preparedRows<ClaimedJob>(
    database.db,
    sql`
    update jobs set state = 'active', attempts = attempts + 1,
      locked_until = now() + make_interval(secs => ${lockSeconds})
    where id in (
      select id from jobs
      where queue in (${queueList}) and run_at <= now()
        and (state = 'pending' or (state = 'active' and locked_until < now()))
      order by run_at
      limit ${limit}
      for update skip locked)
    returning id, queue, payload, attempts, max_attempts as "maxAttempts"`,
  );
}

export async function completeJobs(database: Database, ids: string[]): Promise<void> {
  await preparedRows(
    database.db,
    sql`update jobs set state = 'done', finished_at = now(), locked_until = null where id = any(${pgArray(ids)}::uuid[])`,
  );
}

/** A long job still working keeps its claim: its lock is pushed JOB_LIMITS.lockSeconds ahead again. */
export async function extendJobLock(database: Database, jobId: string): Promise<void> {
  await database.rows(
    sql`update jobs set locked_until = now() + make_interval(secs => ${JOB_LIMITS.lockSeconds}) where id = ${jobId} and state = 'active'`,
  );
}

/** An error no retry can cure (a malformed payload): the job fails at once. */
export class PermanentJobError extends Error {}

export async function failJob(database: Database, job: ClaimedJob, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= job.maxAttempts || error instanceof PermanentJobError;
  const backoff = JOB_LIMITS.retryBaseSeconds * 2 ** (job.attempts - 1);
  await database.rows(sql`
    update jobs set
      state = ${final ? 'failed' : 'pending'},
      last_error = ${message.slice(0, 2000)},
      run_at = now() + make_interval(secs => ${backoff}),
      locked_until = null,
      finished_at = ${final ? sql`now()` : sql`null`}
    where id = ${job.id}`);
}

/** Finished jobs are kept for a while for inspection, then removed. */
export async function purgeFinishedJobs(database: Database): Promise<number> {
  const rows = await database.rows<{ n: number }>(sql`
    with gone as (delete from jobs where state in ('done', 'failed')
      and finished_at < now() - make_interval(hours => ${JOB_LIMITS.keepFinishedHours}) returning 1)
    select count(*)::int as n from gone`);
  return rows[0]?.n ?? 0;
}

export async function queueDepth(database: Database): Promise<Array<{ queue: string; state: string; n: number }>> {
  return database.rows(sql`select queue, state, count(*)::int as n from jobs group by queue, state`);
}

// In-process wake-up: callers signal after their transaction commits so a local worker starts
// at once instead of at its next poll. Other processes find the work by polling.
const wakeListeners = new Set<() => void>();
export const onJobsEnqueued = (fn: () => void) => {
  wakeListeners.add(fn);
  return () => wakeListeners.delete(fn);
};
export const notifyJobsEnqueued = () => wakeListeners.forEach((fn) => fn());
