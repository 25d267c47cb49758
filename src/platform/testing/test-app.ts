// Test harness: a real Feedloop on a throw-away database — in-memory PGlite by default, or a
// fresh database on the PostgreSQL server in TEST_DATABASE_URL. It assembles the whole
// application as src/app does, so it is the one part of platform that imports src/app.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { Database } from '../db/client.js';
import { buildServer } from '../http/server.js';
import { loadConfig, type Config } from '../config.js';
import { startWorker } from '../jobs/worker.js';
import { jobHandlers } from '../../app/jobs.js';
import { openFeedloopDatabase } from '../../app/database.js';
import { routeTable } from '../../app/routes.js';
import { createMailer } from '../mail/mailer.js';
import { migratedPgliteSnapshot, migratedTemplateDatabase } from './database-snapshot.js';

export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A new migrated database (PGlite in memory, or a new database on the test server), empty of data. */
export async function openTestDatabase(): Promise<Database & { dropDatabase(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openFeedloopDatabase({ dataDir: 'memory://', loadDataDir: await migratedPgliteSnapshot() });
    await database.migrate();
    return Object.assign(database, { dropDatabase: async () => {} });
  }
  const template = await migratedTemplateDatabase(serverUrl);
  const name = `feedloop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openFeedloopDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 10 });
  await database.migrate();
  const close = database.close.bind(database);
  return Object.assign(database, {
    close,
    async dropDatabase() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  });
}

export interface TestApp {
  app: Awaited<ReturnType<typeof buildServer>>;
  database: Database;
  config: Config;
  /** Run every ready job to completion (the analysis pipeline). */
  drainJobs(opts?: { dueNow?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', WORKERS: 'off', PUBLIC_URL: 'http://localhost:3000', ...env });
  const log = pino({ level: 'silent' });
  const app = await buildServer({ config, database, log, version: 'test' }, routeTable({ config, database }));
  await app.ready();
  const mailer = createMailer(config, log);
  return {
    app,
    database,
    config,
    /** Runs queued jobs until none is ready; with dueNow, delayed jobs (debounces, retries) run too. */
    async drainJobs(opts: { dueNow?: boolean } = {}) {
      if (opts.dueNow) await database.rows(sql`update jobs set run_at = now() where state = 'pending'`);
      const worker = startWorker(
        database,
        jobHandlers({ database, mailer, publicUrl: config.publicUrl, dataDir: config.dataDir, log }),
        log,
      );
      await worker.drain();
      await worker.stop();
    },
    async close() {
      mailer.close();
      await app.close();
      await database.close();
      await database.dropDatabase();
    },
  };
}

export const OWNER = { email: 'owner@example.com', password: 'correct horse battery', name: 'Owner' };

/** Runs first-run setup and returns the session cookie header value. */
export async function setupOwner(t: TestApp, overrides: Partial<{ email: string; workspaceName: string; locale: string }> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: {
      organizationName: 'Acme',
      workspaceName: overrides.workspaceName ?? 'Main',
      name: OWNER.name,
      email: overrides.email ?? OWNER.email,
      password: OWNER.password,
      locale: overrides.locale ?? 'en',
    },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res.headers['set-cookie']), body: res.json() };
}

export function sessionCookie(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) throw new Error('no session cookie');
  return raw.split(';')[0];
}

/** Creates an API key with the given scopes using a signed-in owner's cookie. */
export async function createKey(
  t: TestApp,
  cookie: string,
  scopes: string[] = ['feedback:read', 'feedback:write', 'customers:read', 'customers:write', 'events:write'],
) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie }, payload: { name: 'test', scopes } });
  if (res.statusCode !== 201) throw new Error(`key failed: ${res.statusCode} ${res.body}`);
  return res.json().key as string;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
