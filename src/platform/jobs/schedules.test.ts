// Recurring work: every process that runs jobs keeps the schedules, and each occurrence becomes
// one job however many processes fire it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../testing/test-app.js';
import type { Database } from '../db/client.js';
import { createMailer } from '../mail/mailer.js';
import { jobRegistry, type JobContext } from './define-job.js';
import { enqueueOccurrence, occurrenceId, scheduleJob, startScheduler, type Schedule } from './schedules.js';
import { startWorker } from './worker.js';

let database: Database & { dropDatabase(): Promise<void> };
let ctx: JobContext;
const log = pino({ level: 'silent' });
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = {
    database,
    mailer: createMailer({ smtpUrl: undefined, mailFrom: 'Feedloop <test@localhost>' }, log),
    publicUrl: 'http://localhost:3000',
    log,
  };
});
afterAll(async () => {
  ctx.mailer.close();
  await database.close();
  await database.dropDatabase();
});

async function drain(schedules: Schedule[]) {
  const worker = startWorker(database, jobRegistry(schedules.map(scheduleJob), ctx), log);
  await worker.drain();
  await worker.stop();
}

describe('schedules', () => {
  it('an occurrence has one id, whoever enqueues it, and is queued once', async () => {
    let runs = 0;
    const schedule: Schedule = {
      name: 'test-once',
      pattern: '0 * * * *',
      run: async () => {
        runs++;
      },
    };
    const at = new Date('2026-03-01T10:00:00Z');
    expect(occurrenceId(schedule, at)).toBe(occurrenceId({ name: 'test-once' }, new Date(at)));
    expect(occurrenceId(schedule, at)).not.toBe(occurrenceId(schedule, new Date('2026-03-01T11:00:00Z')));
    expect(await Promise.all([enqueueOccurrence(database, schedule, at), enqueueOccurrence(database, schedule, at)])).toEqual(
      expect.arrayContaining([true, false]),
    );
    await drain([schedule]);
    expect(await enqueueOccurrence(database, schedule, at)).toBe(false); // already run
    expect(runs).toBe(1);
  });

  it('two processes keeping the same schedule run each occurrence once', async () => {
    let runs = 0;
    const schedule: Schedule = {
      name: 'test-every-second',
      pattern: '* * * * * *',
      run: async () => {
        runs++;
      },
    };
    const schedulers = [startScheduler(database, [schedule], log), startScheduler(database, [schedule], log)];
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    schedulers.forEach((s) => s.stop());
    await new Promise((resolve) => setTimeout(resolve, 500)); // an insert in flight lands
    await drain([schedule]);
    const [{ n, distinct }] = await database.rows<{ n: number; distinct: number }>(sql`
      select count(*)::int as n, count(distinct payload->>'at')::int as distinct from jobs where queue = 'schedule:test-every-second'`);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBe(distinct);
    expect(runs).toBe(n);
  });

  it('says when each schedule runs next, and fires one on demand as its timer would', async () => {
    let runs = 0;
    const schedule: Schedule = {
      name: 'test-hourly',
      pattern: '5 * * * *',
      run: async () => {
        runs++;
      },
    };
    const scheduler = startScheduler(database, [schedule], log);
    const [next] = scheduler.nextRuns();
    expect(next.name).toBe('test-hourly');
    expect(next.at!.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(next.at!.getUTCMinutes()).toBe(5);
    await scheduler.trigger('test-hourly');
    await scheduler.trigger('test-hourly'); // the same occurrence
    scheduler.stop();
    await drain([schedule]);
    expect(runs).toBe(1);
    await expect(scheduler.trigger('nope')).rejects.toThrow(/nope/);
  });
});
