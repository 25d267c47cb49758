// Recurring work on cron patterns (croner). Every process that runs jobs keeps the schedules,
// and each occurrence becomes one job whose id is derived from the schedule's name and the
// occurrence's time: the first process to enqueue it wins (the primary key turns the others
// away) and the queue runs it once, so workers sharing one PostgreSQL never repeat an
// occurrence, and one that crashes mid-run leaves it to be retried like any job.
import { createHash } from 'node:crypto';
import { Cron } from 'croner';
import { runInBackground } from '../db/connection-queue.js';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { jobs } from './jobs.tables.js';
import { defineJob, type JobContext, type JobDefinition } from './define-job.js';
import { notifyJobsEnqueued } from './queue.js';

export interface Schedule {
  /** Its jobs run on the queue `schedule:<name>`. */
  name: string;
  /** A cron pattern, in UTC: '17 * * * *' is every hour at minute 17. */
  pattern: string;
  run(ctx: JobContext): Promise<unknown>;
}

const ZOccurrence = z.object({ at: z.iso.datetime() });

/** The job each occurrence of a schedule runs as. */
export function scheduleJob(schedule: Schedule): JobDefinition<typeof ZOccurrence> {
  return defineJob({
    queue: `schedule:${schedule.name}`,
    payload: ZOccurrence,
    run: async (_occurrence, ctx) => {
      await schedule.run(ctx);
    },
  });
}

/** The same id wherever and however often an occurrence is enqueued (a UUIDv8 of name and time). */
export function occurrenceId(schedule: Pick<Schedule, 'name'>, at: Date): string {
  const hex = createHash('sha256').update(`${schedule.name}@${at.toISOString()}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Queues the occurrence at `at` unless a process already has; true if this call queued it. */
export async function enqueueOccurrence(database: Database, schedule: Schedule, at: Date): Promise<boolean> {
  const job = scheduleJob(schedule);
  const inserted = await database.db
    .insert(jobs)
    .values({
      id: occurrenceId(schedule, at),
      queue: job.queue,
      payload: { at: at.toISOString() },
      runAt: at,
      maxAttempts: job.maxAttempts,
    })
    .onConflictDoNothing({ target: jobs.id })
    .returning({ id: jobs.id });
  if (inserted.length > 0) notifyJobsEnqueued();
  return inserted.length > 0;
}

export interface Scheduler {
  stop(): void;
  /** When each schedule runs next. */
  nextRuns(): Array<{ name: string; at: Date | null }>;
  /** Does now what the schedule's timer does when it fires: queues its latest occurrence. */
  trigger(name: string): Promise<void>;
}

export function startScheduler(database: Database, schedules: Schedule[], log: Logger): Scheduler {
  const crons = schedules.map(
    (schedule) =>
      new Cron(schedule.pattern, { timezone: 'UTC', unref: true }, async (cron) => {
        // Croner calls back at (or just after) the planned time: that time names the occurrence.
        const [at] = cron.previousRuns(1, new Date(Date.now() + 1));
        if (!at) return;
        await runInBackground(() => enqueueOccurrence(database, schedule, at)).catch((err) =>
          log.warn({ err, schedule: schedule.name }, 'could not queue a scheduled run'),
        );
      }),
  );
  return {
    stop: () => crons.forEach((cron) => cron.stop()),
    nextRuns: () => schedules.map((s, i) => ({ name: s.name, at: crons[i].nextRun() })),
    async trigger(name) {
      const i = schedules.findIndex((s) => s.name === name);
      if (i < 0) throw new Error(`No schedule named ${name}`);
      await crons[i].trigger();
    },
  };
}
