// Acknowledged writes survive kill -9; SIGTERM drains in-flight work and exits cleanly.
import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawnServer, setupOverHttp } from './testing/spawn-server.js';
import { testEngine } from './testing/test-app.js';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase } from './db/client.js';

const dirs: string[] = [];
const dbs: string[] = [];
const serverUrl = process.env.TEST_DATABASE_URL;

/** Environment for a server on a fresh database of the engine under test. */
async function freshEnv(): Promise<Record<string, string>> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-crash-'));
    dirs.push(dir);
    return { DATA_DIR: dir };
  }
  const name = `feedloop_crash_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  dbs.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

afterAll(async () => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  if (serverUrl && dbs.length) {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    for (const name of dbs) await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
});

/** Rows of a query on the database of `env`, once no server holds it. */
async function rowsOf<T = Record<string, number>>(env: Record<string, string>, query: SQL): Promise<T[]> {
  const database = await openDatabase({
    schema: { tables: {}, dataMigrations: [] },
    dataDir: env.DATA_DIR ?? '',
    databaseUrl: env.DATABASE_URL,
  });
  try {
    return await database.rows<T>(query);
  } finally {
    await database.close();
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for load to build up');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function submit(url: string, key: string, i: number) {
  const res = await fetch(`${url}/api/v1/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'api', text: `crash test ${i} ارسال`, externalId: `crash-${i}`, nps: i % 11 }),
  });
  return res.status;
}

// Real `feedloop serve` processes: creating an embedded database alone takes over a minute on a busy machine.
const SPAWNING = { timeout: 480_000 };

describe(`crash safety (${testEngine})`, () => {
  it('every acknowledged write of 50 concurrent clients, written together, is present exactly once after kill -9', SPAWNING, async () => {
    const env = await freshEnv();
    const first = await spawnServer({ ...env, WORKERS: 'on' });
    const key = await setupOverHttp(first.url);
    const acknowledged: number[] = [];
    let next = 0;
    let killed = false;
    const clients = Array.from({ length: 50 }, async () => {
      while (!killed) {
        const i = next++;
        try {
          if ((await submit(first.url, key, i)) === 201) acknowledged.push(i);
        } catch {
          /* connection cut by the kill */
        }
      }
    });
    // Kill at a random moment once some writes are acknowledged (counted, not timed: a busy
    // machine must not make the test vacuous).
    await waitFor(() => acknowledged.length >= 100 + Math.floor(Math.random() * 100));
    first.proc.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThan(100);

    const second = await spawnServer(env); // takes over the dead process's lock
    try {
      const counts = new Map<string, number>();
      let cursor: string | null = null;
      do {
        const res: Response = await fetch(`${second.url}/api/v1/feedback?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { authorization: `Bearer ${key}` },
        });
        const page = (await res.json()) as { data: Array<{ externalId: string }>; nextCursor: string | null };
        for (const f of page.data) counts.set(f.externalId, (counts.get(f.externalId) ?? 0) + 1);
        cursor = page.nextCursor;
      } while (cursor);
      for (const i of acknowledged) expect(counts.get(`crash-${i}`), `crash-${i}`).toBe(1);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      second.proc.kill('SIGTERM');
      await second.exited;
    }
    // The writes were coalesced: each shared write queued one analysis job for all its items.
    const [{ jobs, items }] = await rowsOf(
      env,
      sql`select (select count(*)::int from jobs where queue = 'analyze-feedback') as jobs,
      (select count(*)::int from feedback_items) as items`,
    );
    expect(jobs).toBeLessThan(items / 2);
  });

  it('SIGTERM under load: requests finish or get 503, then a clean exit', SPAWNING, async () => {
    const env = await freshEnv();
    const server = await spawnServer(env);
    const key = await setupOverHttp(server.url);
    const statuses: number[] = [];
    let stop = false;
    let i = 0;
    const clients = Array.from({ length: 10 }, async () => {
      while (!stop) {
        try {
          statuses.push(await submit(server.url, key, i++));
        } catch {
          stop = true;
        }
      }
    });
    await waitFor(() => statuses.length >= 15);
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    stop = true;
    await Promise.all(clients);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    if (env.DATA_DIR) expect(fs.existsSync(path.join(env.DATA_DIR, 'feedloop.lock'))).toBe(false);
    const again = await spawnServer(env); // the database closed cleanly and opens again
    const list = await fetch(`${again.url}/api/v1/feedback?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    expect(list.status).toBe(200);
    again.proc.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
