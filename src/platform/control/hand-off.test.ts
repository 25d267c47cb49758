// `feedloop import` and `feedloop demo` while `feedloop serve` runs, for real: on the embedded
// database the server owns the data directory and the commands hand it their work over its
// control channel; on PostgreSQL they simply connect. Anything else still finds the lock.
import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawnServer } from '../testing/spawn-server.js';
import { until } from '../testing/until.js';
import { testEngine, OWNER } from '../testing/test-app.js';
import { packageRoot } from '../paths.js';

const serverUrl = process.env.TEST_DATABASE_URL;
const dirs: string[] = [];
const dbs: string[] = [];
const cli = path.join(packageRoot, 'src/app/cli.ts');

async function freshEnv(): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-handoff-'));
  dirs.push(dir);
  if (!serverUrl) return { DATA_DIR: dir };
  const name = `feedloop_handoff_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  dbs.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString(), DATA_DIR: dir };
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

/** Runs the CLI without blocking this process, so the test's own HTTP connections stay in step. */
function feedloop(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: packageRoot, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
}

async function api<T>(url: string, cookie: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

describe(`feedloop import and demo while the server runs (${testEngine})`, () => {
  it('hand their work to the server that owns the embedded database (or connect to PostgreSQL); anything else still finds the lock', async () => {
    const env = await freshEnv();
    // The overview below reads rollups: refreshed every 2 s here instead of each minute.
    const server = await spawnServer({ ...env, WORKERS: 'on', METRICS_REFRESH_SECONDS: '2' });
    const embedded = !serverUrl;
    try {
      const setup = await fetch(`${server.url}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          organizationName: 'Acme',
          workspaceName: 'Main',
          name: OWNER.name,
          email: OWNER.email,
          password: OWNER.password,
          locale: 'en',
        }),
      });
      expect(setup.status).toBe(201);
      const cookie = setup.headers.get('set-cookie')!.split(';')[0];
      const handedOver = `The running Feedloop (pid ${server.proc.pid}) owns the embedded database: the rows go through it.`;

      // A small file with a 0–10 "score" column, into the only workspace.
      const small = path.join(env.DATA_DIR, '..', `${path.basename(env.DATA_DIR)}-small.csv`);
      dirs.push(small);
      fs.writeFileSync(small, 'comment,score\nhanded over ten,10\nhanded over six,6\nhanded over zero,0\n');
      const first = await feedloop(['import', small, '--no-progress'], env);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain('No --workspace given: using the only workspace, "Main" (--workspace main-');
      expect(first.stdout.includes(handedOver)).toBe(embedded);
      expect(first.stdout).toContain('nps ← score: read as NPS (0–10) from its values');
      expect(first.stdout).toMatch(/imported:\s+3\n/);
      const items = await api<{ data: Array<{ text: string; nps: number }> }>(
        server.url,
        cookie,
        'GET',
        '/api/v1/feedback?channel=import&limit=10',
      );
      expect(items.data.map((i) => [i.text, i.nps]).sort()).toEqual([
        ['handed over six', 6],
        ['handed over ten', 10],
        ['handed over zero', 0],
      ]);
      // A re-run resumes after the rows already committed: nothing twice.
      const again = await feedloop(['import', small, '--no-progress'], env);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain('resumed after row 3');
      expect(again.stdout).toMatch(/imported:\s+0\n/);

      // The demo, seeded by whoever owns the database, visible through the API.
      const demo = await feedloop(['demo'], env);
      expect(demo.status, demo.stderr).toBe(0);
      expect(demo.stdout).toMatch(/Demo workspace "Demo shop" \(--workspace demo-shop-\w+\) created/);
      expect(demo.stdout.includes(`The running Feedloop (pid ${server.proc.pid}) created it`)).toBe(embedded);
      const me = await api<{ workspaces: Array<{ id: string; name: string }> }>(server.url, cookie, 'GET', '/api/v1/me');
      const demoWs = me.workspaces.find((w) => w.name === 'Demo shop')!;
      await api(server.url, cookie, 'POST', '/api/v1/me/workspace', { workspaceId: demoWs.id });
      const surveys = await api<{ data: Array<{ status: string }> }>(server.url, cookie, 'GET', '/api/v1/surveys');
      expect(surveys.data.map((s) => s.status)).toContain('live');
      expect((await api<{ data: unknown[] }>(server.url, cookie, 'GET', '/api/v1/feedback?limit=5')).data).toHaveLength(5);
      await api(server.url, cookie, 'POST', '/api/v1/me/workspace', { workspaceId: me.workspaces.find((w) => w.name === 'Main')!.id });

      // A bigger import, killed part-way, then run again: every row exactly once, into the first
      // workspace now that there are two.
      const rows = 20_000;
      const big = path.join(env.DATA_DIR, '..', `${path.basename(env.DATA_DIR)}-big.csv`);
      dirs.push(big);
      fs.writeFileSync(big, `id,comment\n${Array.from({ length: rows }, (_, i) => `big-${i},bulk row ${i}`).join('\n')}\n`);
      // Main holds only imported rows, all created in the last minutes: two days' volume counts them
      // all. The overview reads the rollups, which the server refreshes every 2 s, so the count is
      // read once it has settled; the list's total (exact below 10,000) shows an import under way.
      const today = async () =>
        (await api<{ volume: Array<{ count: number }> }>(server.url, cookie, 'GET', '/api/v1/overview?days=2')).volume.reduce(
          (n, d) => n + d.count,
          0,
        );
      const listed = async () => (await api<{ total: number }>(server.url, cookie, 'GET', '/api/v1/feedback?limit=1')).total;
      const settled = (expected: number) => until(today, (n) => n === expected, `the overview to count ${expected} items`, 150_000);
      const listedBefore = await listed();
      const before = await settled(listedBefore);
      expect(before).toBe(listedBefore);
      const interrupted = spawn(process.execPath, ['--import', 'tsx', cli, 'import', big, '--no-progress', '--batch-size', '500'], {
        cwd: packageRoot,
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      const ended = new Promise((resolve) => interrupted.on('exit', resolve));
      const deadline = Date.now() + 120_000;
      while ((await listed()) === listedBefore && Date.now() < deadline && interrupted.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      interrupted.kill('SIGKILL');
      await ended;
      const resumed = await feedloop(['import', big, '--no-progress', '--batch-size', '500'], env);
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(resumed.stdout).toMatch(
        /No --workspace given: using the first workspace, "Main" \(--workspace main-\w+\)\. Others: demo-shop-\w+\./,
      );
      // Where the killed import stopped, as the resumed one found it: every row exactly once in all.
      const partial = Number(/resumed after row (\d+)/.exec(resumed.stdout)?.[1] ?? 0);
      expect(resumed.stdout).toMatch(new RegExp(`imported:\\s+${rows - partial}\\n`));
      expect(await settled(before + rows)).toBe(before + rows);

      if (embedded) {
        // Commands that do not hand over their work still find the directory owned.
        const migrate = await feedloop(['migrate'], env);
        expect(migrate.status).toBe(75);
        expect(migrate.stderr).toContain(`pid ${server.proc.pid}`);
        // The channel is a socket in a directory only the server's OS user may enter.
        const socket = path.join(env.DATA_DIR, 'control', 'feedloop.sock');
        expect(fs.statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
        expect(fs.statSync(socket).mode & 0o777).toBe(0o600);
        if (process.getuid?.() === 0) {
          fs.chmodSync(env.DATA_DIR, 0o755); // only the control directory keeps others out
          const probe = (uid?: number) =>
            spawnSync(
              process.execPath,
              [
                '-e',
                `require('net').connect(${JSON.stringify(socket)}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); })`,
              ],
              { encoding: 'utf8', ...(uid === undefined ? {} : { uid, gid: uid }) },
            ).stdout.trim();
          expect(probe()).toBe('connected');
          expect(probe(65534)).toBe('EACCES');
        }
      }
    } finally {
      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
    if (embedded) expect(fs.existsSync(path.join(env.DATA_DIR, 'control', 'feedloop.sock'))).toBe(false);
  }, 600_000);
});
