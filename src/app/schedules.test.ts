// The application's recurring work and jobs: the processes that run jobs keep every schedule of
// the table, the purges do their work when their time comes, and every job refuses a payload
// it cannot read.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pino from 'pino';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, setupOwner, type TestApp } from '../platform/testing/test-app.js';
import { workspaces } from '../platform/workspace/workspace.tables.js';
import { loadConfig } from '../platform/config.js';
import { enqueueJobs } from '../platform/jobs/queue.js';
import { startScheduler } from '../platform/jobs/schedules.js';
import { startApp } from './app.js';
import { JOBS } from './jobs.js';
import { SCHEDULES, schedulesFor } from './schedules.js';

let t: TestApp;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  t = await createTestApp();
  await setupOwner(t);
});
afterAll(() => t.close());

/** Fires a schedule of the table as its timer would, then lets the worker run what is due. */
async function runSchedule(name: string) {
  const scheduler = startScheduler(t.database, SCHEDULES, log);
  await scheduler.trigger(name);
  scheduler.stop();
  await t.drainJobs();
}

describe('expired Idempotency-Keys', () => {
  it('are purged by the worker, fresh ones kept', async () => {
    const [workspace] = await t.database.db.select().from(workspaces);
    await t.database.rows(sql`insert into idempotency_keys (workspace_id, credential, key, request_hash, state, created_at)
      select ${workspace.id}, 'api_key:old', 'old-' || n, 'h', 'done', now() - interval '25 hours' from generate_series(1, 12) n`);
    await t.database.rows(
      sql`insert into idempotency_keys (workspace_id, credential, key, request_hash, state) values (${workspace.id}, 'api_key:new', 'fresh', 'h', 'done')`,
    );
    await runSchedule('purge-idempotency-keys');
    const left = await t.database.rows<{ key: string }>(
      sql`select key from idempotency_keys where credential in ('api_key:old', 'api_key:new')`,
    );
    expect(left.map((r) => r.key)).toEqual(['fresh']);
  });
});

describe('finished jobs', () => {
  it('are purged after a day, recent and pending ones kept', async () => {
    await t.database.rows(sql`insert into jobs (id, queue, payload, state, finished_at) values
      (gen_random_uuid(), 'test-old', '{}', 'done', now() - interval '25 hours'),
      (gen_random_uuid(), 'test-old', '{}', 'failed', now() - interval '3 days'),
      (gen_random_uuid(), 'test-recent', '{}', 'done', now() - interval '1 hour'),
      (gen_random_uuid(), 'test-waiting', '{}', 'pending', null)`);
    await runSchedule('purge-finished-jobs');
    const left = await t.database.rows<{ queue: string }>(sql`select queue from jobs where queue like 'test-%' order by queue`);
    expect(left.map((r) => r.queue)).toEqual(['test-recent', 'test-waiting']);
  });
});

describe('schedules', () => {
  it('are kept, each at least hourly, by every process that runs jobs, and by no other', async () => {
    const pgUrl = process.env.TEST_DATABASE_URL;
    const name = `feedloop_sched_${randomBytes(5).toString('hex')}`;
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(statement);
      await c.end();
    };
    let databaseUrl: string | undefined;
    if (pgUrl) {
      await admin(`create database ${name}`);
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    }
    const env = { DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    try {
      const worker = await startApp(loadConfig({ ...env, WORKERS: 'on' }), log, { serveHttp: false });
      const next = worker.scheduler!.nextRuns();
      await worker.stop();
      expect(next.map((r) => r.name)).toEqual([
        'purge-idempotency-keys',
        'scan-sla-clocks',
        'purge-finished-jobs',
        'remind-tasks',
        'rules-inactivity-scan',
        'rules-threshold-scan',
        'refresh-rollups',
        'send-digests',
        'purge-exports',
      ]);
      for (const run of next) expect(run.at!.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
      const apiOnly = await startApp(loadConfig({ ...env, WORKERS: 'off' }), log, { serveHttp: false });
      expect(apiOnly.scheduler).toBeNull();
      await apiOnly.stop();
    } finally {
      if (pgUrl) await admin(`drop database if exists ${name} with (force)`);
    }
    // Two applications migrate fresh databases: minutes on a loaded machine.
  }, 240_000);
});

describe('jobs', () => {
  it('every job fails at once on a payload it cannot read, saying what is wrong', async () => {
    await t.database.db.transaction((tx) =>
      enqueueJobs(
        tx,
        JOBS.map((job) => ({ queue: job.queue, payload: { unexpected: true } })),
      ),
    );
    await t.drainJobs();
    const failed = await t.database.rows<{ queue: string; attempts: number; last_error: string }>(sql`
      select queue, attempts, last_error from jobs where payload->>'unexpected' = 'true' and state = 'failed'`);
    expect(failed.map((f) => f.queue).sort()).toEqual(JOBS.map((job) => job.queue).sort());
    for (const f of failed) expect(f).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/^invalid payload: \w+: /) });
    expect(failed.find((f) => f.queue === 'analyze-feedback')?.last_error).toMatch(/^invalid payload: workspaceId: /);
  });
});

describe('METRICS_REFRESH_SECONDS', () => {
  it('runs the rollup refresh that often, each minute by default, and refuses what is not 1–60', () => {
    const refresh = (env: NodeJS.ProcessEnv) => {
      const scheduler = startScheduler(t.database, schedulesFor(loadConfig(env)), log);
      const at = scheduler.nextRuns().find((r) => r.name === 'refresh-rollups')?.at;
      scheduler.stop();
      return at!.getTime() - Date.now();
    };
    expect(refresh({})).toBeGreaterThan(0);
    expect(refresh({})).toBeLessThanOrEqual(60_000);
    expect(schedulesFor(loadConfig({}))).toBe(SCHEDULES);
    expect(refresh({ METRICS_REFRESH_SECONDS: '2' })).toBeLessThanOrEqual(2_000);
    // Only the refresh changes.
    const fast = schedulesFor(loadConfig({ METRICS_REFRESH_SECONDS: '2' }));
    expect(fast.filter((s, i) => s !== SCHEDULES[i]).map((s) => s.name)).toEqual(['refresh-rollups']);
    expect(() => loadConfig({ METRICS_REFRESH_SECONDS: '0' })).toThrow(/METRICS_REFRESH_SECONDS/);
    expect(() => loadConfig({ METRICS_REFRESH_SECONDS: '90' })).toThrow(/METRICS_REFRESH_SECONDS/);
  });
});
