// A job definition: producers enqueue through it on its queue; the worker runs it with a parsed,
// typed payload, and a payload that does not parse fails the job at once with the reason.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openTestDatabase } from '../testing/test-app.js';
import type { Database } from '../db/client.js';
import { createMailer } from '../mail/mailer.js';
import { defineJob, jobRegistry, type JobContext } from './define-job.js';
import { enqueueJobs } from './queue.js';
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

async function drain(definitions: Parameters<typeof jobRegistry>[0]) {
  const worker = startWorker(database, jobRegistry(definitions, ctx), log);
  await worker.drain();
  await worker.stop();
}

const jobsOf = (queue: string) =>
  database.rows<{ state: string; attempts: number; last_error: string | null; payload: Record<string, unknown> }>(
    sql`select state, attempts, last_error, payload from jobs where queue = ${queue} order by created_at, id`,
  );

describe('defineJob', () => {
  it("enqueues on its queue in the caller's transaction, and runs with the parsed payload", async () => {
    const greeted: string[] = [];
    const greet = defineJob({
      queue: 'test-greet',
      payload: z.object({ name: z.string(), times: z.number().int() }),
      run: async (payload) => {
        greeted.push(`${payload.name}×${payload.times}`);
      },
    });
    await database.db.transaction((tx) =>
      greet.enqueue(tx, [
        { name: 'Sara', times: 2 },
        { name: '李娜', times: 1 },
      ]),
    );
    await database.db
      .transaction(async (tx) => {
        await greet.enqueue(tx, { name: 'rolled back', times: 1 });
        tx.rollback();
      })
      .catch(() => {});
    await drain([greet]);
    expect(greeted.sort()).toEqual(['Sara×2', '李娜×1']);
    expect((await jobsOf('test-greet')).map((j) => j.state)).toEqual(['done', 'done']);
  });

  it('fails a job whose payload does not parse at once, naming the field, and runs the others', async () => {
    const seen: string[] = [];
    const notify = defineJob({
      queue: 'test-notify',
      payload: z.object({ workspaceId: z.uuid(), feedbackId: z.uuid() }),
      run: async (payload) => {
        seen.push(payload.feedbackId);
      },
    });
    const good = { workspaceId: '0190a4b0-0000-7000-8000-000000000001', feedbackId: '0190a4b0-0000-7000-8000-000000000002' };
    await database.db.transaction(async (tx) => {
      await notify.enqueue(tx, good);
      // What an older version, or a hand-written INSERT, could leave in the queue.
      await enqueueJobs(tx, [{ queue: 'test-notify', payload: { workspaceId: good.workspaceId } }]);
    });
    await drain([notify]);
    expect(seen).toEqual([good.feedbackId]);
    const [done, failed] = await jobsOf('test-notify');
    expect(done.state).toBe('done');
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.last_error).toMatch(/^invalid payload: feedbackId: /);
  });

  it('runs claimed jobs together with parsed payloads; a group holding a malformed one runs one by one', async () => {
    const together: number[][] = [];
    const alone: number[] = [];
    const add = defineJob({
      queue: 'test-add',
      payload: z.object({ n: z.number() }),
      run: async (payload) => {
        alone.push(payload.n);
      },
      runMany: async (jobs) => {
        together.push(jobs.map((j) => j.payload.n).sort());
      },
    });
    await database.db.transaction((tx) =>
      add.enqueue(
        tx,
        [1, 2, 3].map((n) => ({ n })),
      ),
    );
    await drain([add]);
    expect(together).toEqual([[1, 2, 3]]);
    await database.db.transaction(async (tx) => {
      await add.enqueue(tx, { n: 4 });
      await enqueueJobs(tx, [{ queue: 'test-add', payload: { n: 'five' } }]);
    });
    await drain([add]);
    expect(together).toEqual([[1, 2, 3]]);
    expect(alone).toEqual([4]);
    expect((await jobsOf('test-add')).map((j) => j.state)).toEqual(['done', 'done', 'done', 'done', 'failed']);
  });

  it('queues for later with runAt, and a registry refuses two definitions of one queue', async () => {
    const later = defineJob({ queue: 'test-later', payload: z.object({}), run: async () => {} });
    await database.db.transaction((tx) => later.enqueue(tx, {}, { runAt: new Date(Date.now() + 3_600_000) }));
    await drain([later]);
    expect((await jobsOf('test-later')).map((j) => j.state)).toEqual(['pending']);
    expect(() => jobRegistry([later, later], ctx)).toThrow(/test-later/);
  });
});
