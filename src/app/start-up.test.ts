// A started server loads the analysis models by itself, in the background, before any request or
// job asks for them: the first analysis after a start pays nothing for loading.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawnServer, type ServerProcess } from '../platform/testing/spawn-server.js';

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
      expect(metricValue(metrics, 'feedloop_analysis_warm_up_longest_stall_seconds')).toBeGreaterThan(0);
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
