// While PostgreSQL cannot be reached (a restart, a fail-over, a cut network) requests answer 503
// with Retry-After instead of 500, and 200 again once it is back. A TCP proxy between Feedloop and
// the test server is cut and restored; the end-to-end part needs TEST_DATABASE_URL.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client.js';
import { isDatabaseUnavailable } from '../platform/db/unavailable.js';
import { DB_LIMITS } from '../platform/db/limits.js';
import { buildServer } from '../platform/http/server.js';
import { loadConfig } from '../platform/config.js';
import { bearer, createKey, setupOwner, type TestApp } from '../platform/testing/test-app.js';
import { openFeedloopDatabase } from './database.js';
import { routeTable } from './routes.js';

const serverUrl = process.env.TEST_DATABASE_URL;

/** A TCP proxy that can refuse new connections, reset them, and come back on the same port. */
async function startProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let resetting = false;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (resetting) return void client.resetAndDestroy();
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const dropAll = () => {
    for (const s of sockets) s.resetAndDestroy();
  };
  return {
    port,
    /** Connections refused: nothing listens (PostgreSQL stopped). */
    async refuse() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropAll();
      });
    },
    /** Every connection reset as soon as it opens (PostgreSQL going down, a broken network). */
    reset() {
      resetting = true;
      dropAll();
    },
    async restore() {
      resetting = false;
      if (!server.listening) await listen(port);
    },
    async close() {
      dropAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('telling an unreachable database from other errors', () => {
  it('knows the errors of a lost connection, whatever wraps them, and nothing else', () => {
    const wrapped = (cause: object) => Object.assign(new Error('Failed query: select 1'), { cause });
    for (const err of [
      { code: 'ECONNREFUSED' },
      { code: 'ECONNRESET' },
      { code: '57P01' },
      { code: '57P02' },
      { code: '57P03' },
      { code: '08006' },
      { code: '08001' },
      { code: '53300' },
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      wrapped({ code: '57P01' }),
      wrapped(new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }])),
    ])
      expect(isDatabaseUnavailable(err), JSON.stringify(err) + String(err)).toBe(true);
    for (const err of [
      { code: '23505' },
      { code: '42P01' },
      { code: '22P02' },
      { code: 'FST_ERR_VALIDATION' },
      new Error('boom'),
      wrapped({ code: '23503' }),
      null,
      undefined,
      'ECONNREFUSED',
    ])
      expect(isDatabaseUnavailable(err), String(err)).toBe(false);
  });

  it('knows the real errors of a refused connection and of a server that never answers', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await new pg.Client({ host: '127.0.0.1', port: closedPort, user: 'x', database: 'x' })
      .connect()
      .catch((e: unknown) => e);
    expect(isDatabaseUnavailable(refused)).toBe(true);

    const silent = net.createServer(() => {
      /* accepts and never answers */
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port: (silent.address() as net.AddressInfo).port,
      user: 'x',
      database: 'x',
      connectionTimeoutMillis: 200,
    });
    const timedOut = await pool.query('select 1').catch((e: unknown) => e);
    expect(isDatabaseUnavailable(timedOut)).toBe(true);
    await pool.end();
    silent.close();
  });
});

describe.skipIf(!serverUrl)('PostgreSQL unreachable: 503 with Retry-After, then 200 again', () => {
  const name = `feedloop_test_${randomBytes(6).toString('hex')}`;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let key: string;
  let linkPath: string;

  /** A direct connection to the server (past the proxy), to the test database when `own`. */
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>, own = false): Promise<T> => {
    const url = new URL(serverUrl!);
    if (own) url.pathname = `/${name}`;
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  const listFeedback = () => app.inject({ method: 'GET', url: '/api/v1/feedback', headers: bearer(key) });
  const createFeedback = (text: string, idempotencyKey = randomBytes(8).toString('hex')) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { ...bearer(key), 'idempotency-key': idempotencyKey },
      payload: { channel: 'api', text },
    });
  const stored = async () => (await admin((c) => c.query<{ n: number }>('select count(*)::int as n from feedback_items'), true)).rows[0].n;

  let retried = '';
  /** Every kind of request answers 503 with Retry-After, and nothing is stored. */
  async function expectUnavailable() {
    retried = randomBytes(8).toString('hex');
    for (const res of [await listFeedback(), await createFeedback('retried until the database is back', retried)]) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBe(String(DB_LIMITS.unavailableRetryAfterSeconds));
      expect(res.json().error.code).toBe('database_unavailable');
      expect(res.body).not.toMatch(/ECONN|Connection terminated|at .*\.js/);
    }
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.headers['retry-after']).toBe(String(DB_LIMITS.unavailableRetryAfterSeconds));
    const page = await app.inject({ method: 'GET', url: `${linkPath}?lang=fa` });
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe(String(DB_LIMITS.unavailableRetryAfterSeconds));
    expect(page.body).toContain('نظرسنجی موقتاً در دسترس نیست');
  }

  async function expectBack(items: number) {
    await proxy.restore();
    const list = await listFeedback();
    expect(list.statusCode, list.body).toBe(200);
    // The client's retry with the same Idempotency-Key is stored once the database is back.
    expect((await createFeedback('retried until the database is back', retried)).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: linkPath })).statusCode).toBe(200);
    expect(await stored()).toBe(items);
  }

  beforeAll(async () => {
    const target = new URL(serverUrl!);
    await admin((c) => c.query(`create database ${name}`));
    proxy = await startProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(serverUrl!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    viaProxy.pathname = `/${name}`;
    database = await openFeedloopDatabase({ databaseUrl: viaProxy.toString(), dataDir: '', poolSize: 4 });
    await database.migrate();
    const config = loadConfig({ LOG_LEVEL: 'silent', WORKERS: 'off', PUBLIC_URL: 'http://localhost:3000' });
    app = await buildServer({ config, database, log: pino({ level: 'silent' }), version: 'test' }, routeTable({ config, database }));
    await app.ready();
    const t = { app, database } as unknown as TestApp;
    const { cookie } = await setupOwner(t);
    key = await createKey(t, cookie, ['feedback:read', 'feedback:write', 'surveys:read', 'surveys:manage']);
    const survey = await app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: bearer(key),
      payload: { template: 'nps', languages: ['en', 'fa'] },
    });
    await app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.json().id}/publish`, headers: bearer(key) });
    linkPath = survey.json().linkPath;
    expect((await createFeedback('written before')).statusCode).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await proxy?.close();
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  });

  it('while connections are refused (the server is stopped)', async () => {
    expect((await listFeedback()).statusCode).toBe(200);
    await proxy.refuse();
    await expectUnavailable();
    await expectBack(2);
  });

  it('while connections are reset (the server is going down, the network is broken)', async () => {
    expect((await listFeedback()).statusCode).toBe(200);
    proxy.reset();
    await expectUnavailable();
    await expectBack(3);
  });

  it('when the server terminates the connections (admin shutdown, 57P01)', async () => {
    const inFlight = database.rows(sql`select pg_sleep(10)`).catch((e: unknown) => e);
    await admin((c) =>
      c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]),
    );
    const err = await inFlight;
    expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    expect((await listFeedback()).statusCode).toBe(200);
  });
});
