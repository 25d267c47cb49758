import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../testing/test-app.js';
import type { Database } from '../db/client.js';
import { enqueueJobs, claimJobs, queueDepth } from './queue.js';
import { startWorker } from './worker.js';
import { jobs } from './jobs.tables.js';

let database: Database & { dropDatabase(): Promise<void> };
const log = pino({ level: 'silent' });
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  await database.dropDatabase();
});

describe('job queue', () => {
  it('a job enqueued in a rolled-back transaction never exists (outbox)', async () => {
    await database.db
      .transaction(async (tx) => {
        await enqueueJobs(tx, [{ queue: 'rollback-test', payload: {} }]);
        tx.rollback();
      })
      .catch(() => {});
    expect(await claimJobs(database, ['rollback-test'], 10)).toEqual([]);
  });

  it('runs jobs, retries failures with backoff and records the error', async () => {
    const seen: number[] = [];
    await database.db.transaction((tx) =>
      enqueueJobs(tx, [
        { queue: 'ok', payload: { n: 1 } },
        { queue: 'ok', payload: { n: 2 } },
        { queue: 'flaky', payload: {}, maxAttempts: 2 },
      ]),
    );
    const worker = startWorker(
      database,
      {
        ok: async (p) => {
          seen.push(Number(p.n));
        },
        flaky: async () => {
          throw new Error('boom');
        },
      },
      log,
    );
    await worker.drain();
    await worker.stop();
    expect(seen.sort()).toEqual([1, 2]);
    const [flaky] = await database.db.select().from(jobs).where(sql`queue = 'flaky'`);
    expect(flaky).toMatchObject({ state: 'pending', attempts: 1, lastError: 'boom' });
    expect(flaky.runAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('runs claimed jobs of a queue together when its handler can, and one by one if that fails', async () => {
    const together: number[][] = [];
    const alone: number[] = [];
    const handler = (queue: string, failTogether: boolean) =>
      Object.assign(
        async (p: Record<string, unknown>) => {
          alone.push(Number(p.n));
        },
        {
          many: async (claimed: Array<{ queue: string; payload: Record<string, unknown> }>) => {
            expect(claimed.every((j) => j.queue === queue)).toBe(true);
            if (failTogether) throw new Error('batch failed');
            together.push(claimed.map((j) => Number(j.payload.n)).sort());
          },
        },
      );
    await database.db.transaction((tx) =>
      enqueueJobs(
        tx,
        [1, 2, 3]
          .map((n) => ({ queue: 'grouped', payload: { n } }))
          .concat([4, 5].map((n) => ({ queue: 'grouped-fails', payload: { n } }))),
      ),
    );
    const worker = startWorker(database, { grouped: handler('grouped', false), 'grouped-fails': handler('grouped-fails', true) }, log);
    await worker.drain();
    await worker.stop();
    expect(together).toEqual([[1, 2, 3]]);
    expect(alone.sort()).toEqual([4, 5]); // the failed group ran again, job by job
    const states = await database.rows<{ queue: string; state: string; n: number }>(sql`
      select queue, state, count(*)::int as n from jobs where queue like 'grouped%' group by queue, state order by queue`);
    expect(states).toEqual([
      { queue: 'grouped', state: 'done', n: 3 },
      { queue: 'grouped-fails', state: 'done', n: 2 },
    ]);
  });

  it('redelivers a job whose worker died (lock expired)', async () => {
    await database.db.transaction((tx) => enqueueJobs(tx, [{ queue: 'crashy', payload: { v: 1 } }]));
    const [first] = await claimJobs(database, ['crashy'], 1);
    expect(first.attempts).toBe(1);
    expect(await claimJobs(database, ['crashy'], 1)).toEqual([]); // still locked
    await database.rows(sql`update jobs set locked_until = now() - interval '1 second' where id = ${first.id}`);
    const [again] = await claimJobs(database, ['crashy'], 1);
    expect(again.id).toBe(first.id);
    expect(again.attempts).toBe(2);
  });

  it('concurrent claimers never get the same job', async () => {
    await database.db.transaction((tx) =>
      enqueueJobs(
        tx,
        Array.from({ length: 40 }, (_, i) => ({ queue: 'race', payload: { i } })),
      ),
    );
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimJobs(database, ['race'], 10)));
    const ids = claims.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
    const depth = await queueDepth(database);
    expect(depth.find((d) => d.queue === 'race')).toMatchObject({ state: 'active', n: 40 });
  });
});
