// A started server loads the analysis models by itself, in the background, before any request or
// job asks for them: the first analysis after a start pays nothing for loading.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { packageRoot } from '../platform/paths.js';
import { setupOverHttp, spawnServer, type ServerProcess } from '../platform/testing/spawn-server.js';
import { until } from '../platform/testing/until.js';

const serverUrl = process.env.TEST_DATABASE_URL;
const cleanups: Array<() => Promise<void> | void> = [];

async function freshEnv(): Promise<Record<string, string>> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-start-up-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return { DATA_DIR: dir };
  }
  const name = `feedloop_start_up_${randomBytes(5).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(text);
    await c.end();
  };
  await admin(`create database ${name}`);
  cleanups.push(() => admin(`drop database if exists ${name} with (force)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The value of an unlabelled Prometheus sample (NaN when absent). */
function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : Number.NaN;
}

async function stop(server: ServerProcess) {
  server.proc.kill('SIGTERM');
  await server.exited;
}

describe('start-up', () => {
  it('loads the language detector and the analysis model in the background, without any request asking', async () => {
    const server = await spawnServer(await freshEnv());
    try {
      const deadline = Date.now() + 120_000;
      let metrics = '';
      // Only /metrics is ever asked: no analysis request, no feedback, so no analysis job.
      while (Date.now() < deadline) {
        metrics = await (await fetch(`${server.url}/metrics`)).text();
        if (metricValue(metrics, 'feedloop_analysis_warm_up_seconds') > 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(metricValue(metrics, 'feedloop_analysis_warm_up_seconds')).toBeGreaterThan(0);
      // Zero when the warm-up finished before the process answered.
      expect(metricValue(metrics, 'feedloop_analysis_warm_up_longest_stall_seconds')).toBeGreaterThanOrEqual(0);
      const routes = metrics
        .split('\n')
        .filter((line) => line.startsWith('feedloop_http_requests_total{'))
        .map((line) => /route="([^"]*)"/.exec(line)?.[1]);
      expect(routes.filter((route) => route !== '/metrics')).toEqual([]);
      expect(metricValue(metrics, 'feedloop_feedback_analysed_total')).toBe(0);
    } finally {
      await stop(server);
    }
  }, 300_000);
});

// `npm start` runs one esbuild bundle (scripts/build-server.mjs), not the sources the other tests
// run under tsx: this walks the paths that would break if bundling lost a file a package or the
// app reads at run time — the database and its first-start helper, the model files, the
// dashboard, the API reference's static files, and the libraries loaded on first use.
describe('the bundled server npm start runs', () => {
  it('starts, analyses an item, serves the dashboard and the API reference, and writes an Excel export', async () => {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: packageRoot, stdio: 'inherit' });
    const server = await spawnServer(await freshEnv(), { built: true });
    try {
      const key = await setupOverHttp(server.url);
      const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
      const created = await fetch(`${server.url}/api/v1/feedback`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ channel: 'api', text: 'سفارشم دو هفته دیر رسید و پشتیبانی جواب نداد', nps: 3 }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const analysed = await until(
        async () =>
          (await (await fetch(`${server.url}/api/v1/feedback/${id}`, { headers: auth })).json()) as {
            language: string | null;
            sentiment: string | null;
          },
        (item) => item.sentiment !== null,
        'the analysis',
        120_000,
      );
      expect(analysed).toMatchObject({ language: 'fa', sentiment: 'negative' });

      const dashboard = await fetch(`${server.url}/`);
      expect(dashboard.status).toBe(200);
      expect(await dashboard.text()).toContain('<div id="root">');
      const reference = await fetch(`${server.url}/api/docs/static/index.html`);
      expect(reference.status).toBe(200);
      const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(spec.paths)).toContain('/api/v1/feedback');

      const started = await fetch(`${server.url}/api/v1/exports`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ subject: 'feedback', format: 'xlsx' }),
      });
      expect(started.status).toBe(202);
      const job = (await started.json()) as { id: string };
      const done = await until(
        async () =>
          (await (await fetch(`${server.url}/api/v1/exports/${job.id}`, { headers: auth })).json()) as {
            status: string;
            downloadUrl: string | null;
          },
        (now) => now.status === 'done' || now.status === 'failed',
        'the export',
        120_000,
      );
      expect(done.status).toBe('done');
      const link = new URL(done.downloadUrl!); // on the public address; the server listens on a free port
      const file = Buffer.from(await (await fetch(`${server.url}${link.pathname}${link.search}`)).arrayBuffer());
      expect(file.subarray(0, 2).toString()).toBe('PK'); // a zip: the workbook
    } finally {
      await stop(server);
    }
  }, 300_000);
});
