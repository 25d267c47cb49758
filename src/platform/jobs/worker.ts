// Runs jobs from the queue. stop() lets in-flight jobs finish (graceful shutdown).
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { claimJobs, completeJobs, failJob, type ClaimedJob } from './queue.js';
import { groupBy } from '../group-by.js';
import { JOB_LIMITS } from './limits.js';
import { metrics } from '../metrics.js';
import { runInBackground } from '../db/connection-queue.js';

/**
 * Runs one job. `many`, if given, runs several claimed jobs of its queue at once (cheaper than
 * one by one); if it throws, each of those jobs is run on its own, with its own attempt count.
 */
export type JobHandler = ((payload: Record<string, unknown>, job: ClaimedJob) => Promise<void>) & {
  many?: (jobs: ClaimedJob[]) => Promise<void>;
};

export interface Worker {
  /** Wake the worker now (new work was committed in this process). */
  nudge(): void;
  stop(): Promise<void>;
  /** Resolves when no job is ready (for tests and the CLI). */
  drain(): Promise<void>;
}

export function startWorker(database: Database, handlers: Record<string, JobHandler>, log: Logger): Worker {
  const queues = Object.keys(handlers);
  let stopping = false;
  let wake: (() => void) | null = null;
  let running: Promise<void> = Promise.resolve();
  const idleWaiters: Array<() => void> = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  async function runOne(job: ClaimedJob): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      await handlers[job.queue](job.payload, job);
      await completeJobs(database, [job.id]);
      metrics.jobsProcessed.inc({ queue: job.queue, outcome: 'done' });
    } catch (err) {
      log.warn({ err, jobId: job.id, queue: job.queue, attempt: job.attempts }, 'job failed');
      metrics.jobsProcessed.inc({ queue: job.queue, outcome: 'error' });
      await failJob(database, job, err).catch((e) => log.error({ err: e }, 'could not record job failure'));
    } finally {
      metrics.jobSeconds.observe({ queue: job.queue }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  async function runTogether(group: ClaimedJob[]): Promise<boolean> {
    const queue = group[0].queue;
    const many = handlers[queue].many;
    if (!many) return false;
    const started = process.hrtime.bigint();
    try {
      await many(group);
      await completeJobs(
        database,
        group.map((j) => j.id),
      );
    } catch (err) {
      log.warn({ err, queue, jobs: group.length }, 'jobs failed together; running them one by one');
      return false;
    }
    metrics.jobsProcessed.inc({ queue, outcome: 'done' }, group.length);
    metrics.jobSeconds.observe({ queue }, Number(process.hrtime.bigint() - started) / 1e9 / group.length);
    return true;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let claimed: ClaimedJob[] = [];
      try {
        claimed = await claimJobs(database, queues, JOB_LIMITS.batchSize);
      } catch (err) {
        if (stopping) break;
        log.error({ err }, 'job claim failed');
      }
      for (const group of groupBy(claimed, (job) => job.queue).values()) {
        if (!(group.length > 1 && (await runTogether(group)))) for (const job of group) await runOne(job);
      }
      if (claimed.length === 0) {
        idleWaiters.splice(0).forEach((resolve) => resolve());
        if (!stopping) await sleep(JOB_LIMITS.pollMs);
      }
    }
  }

  // Its statements queue behind requests' on the embedded database (connection-queue.ts).
  running = runInBackground(loop);
  return {
    nudge() {
      wake?.();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
      idleWaiters.splice(0).forEach((resolve) => resolve());
    },
    drain() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake?.();
      });
    },
  };
}
