// CPU time per stored feedback item: what the API process, the worker process and the database
// (PostgreSQL's backends for this database; on PGlite it runs inside the API process) spend
// on each item, single POSTs and bulk POSTs, counted from /proc/<pid>/stat (user + system)
// from the start of the load until the last item is analysed. Other processes sharing the cores
// do not count, so the figure holds up on a loaded machine better than a rate does.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import type { Engine } from './engines.js';
import { loadPost, type LoadResult } from './load.js';
import { feedloop, sleep, startServer, stopChild, type Child } from './processes.js';
import { metricSum } from './api.js';
import { table } from './report.js';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
export const BULK_ITEMS = 100;
const BULK_CONNECTIONS = 8;
const DRAIN_LIMIT_S = 120;

/** User + system CPU seconds of a process so far (NaN once it has exited). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU of the PostgreSQL backends serving one database, sampled every 200 ms so that a backend
 * that exits mid-run still counts up to its last sample. The benchmark's own connections
 * (application_name feedloop-bench…) are left out.
 */
export function backendCpu(serverUrl: string): { stop(): Promise<number> } {
  const client = new pg.Client({ connectionString: serverUrl, application_name: 'feedloop-bench-cpu' });
  const start = new Map<number, number>();
  const last = new Map<number, number>();
  let first = true;
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity
       where datname = current_database() and backend_type = 'client backend' and application_name not like 'feedloop-bench%'`,
    );
    for (const { pid } of rows) {
      const cpu = cpuSeconds(pid);
      if (Number.isNaN(cpu)) continue;
      // A backend already running at the first sample counts from there; a later one from zero.
      if (!start.has(pid)) start.set(pid, first ? cpu : 0);
      last.set(pid, cpu);
    }
    first = false;
  };
  let timer: NodeJS.Timeout | null = null;
  const ready = client.connect().then(async () => {
    await sample();
    timer = setInterval(() => sample().catch(() => {}), 200);
  });
  return {
    async stop() {
      await ready;
      if (timer) clearInterval(timer);
      await sample();
      await client.end();
      let total = 0;
      for (const [pid, cpu] of last) total += cpu - (start.get(pid) ?? 0);
      return total;
    },
  };
}

export interface CpuPerItem {
  /** Items stored during the load. */
  items: number;
  load: LoadResult;
  /** Milliseconds of CPU per stored item. */
  apiMs: number;
  workerMs: number | null;
  databaseMs: number | null;
  drained: boolean;
}

export interface CpuResult {
  layout: string;
  single?: CpuPerItem;
  bulk?: CpuPerItem;
}

/** Bodies for POST /feedback/bulk: the single bodies, BULK_ITEMS to a call. */
export function bulkBodies(bodies: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + BULK_ITEMS <= bodies.length; i += BULK_ITEMS) out.push(`{"items":[${bodies.slice(i, i + BULK_ITEMS).join(',')}]}`);
  return out;
}

const log = (engine: string, message: string) => console.log(`  · ${engine}: ${message}`);

/**
 * PGlite: `feedloop serve` (API, analysis and database in one process). PostgreSQL: `serve
 * --no-workers` and `feedloop worker`, the production layout.
 */
export async function cpuPhase(engine: Engine, key: string, bodies: string[], seconds: number): Promise<CpuResult> {
  const split = engine.name === 'PostgreSQL';
  const server = await startServer(split ? { ...engine.env, WORKERS: 'off' } : engine.env);
  const worker: Child | null = split ? feedloop(['worker'], engine.env) : null;
  const out: CpuResult = { layout: split ? 'serve --no-workers + feedloop worker' : 'feedloop serve (database and analysis in process)' };
  try {
    // Warm both paths up, and let the worker catch up, before counting.
    await loadPost({ url: server.url, key, bodies, connections: 10, seconds: 3, path: '/api/v1/feedback' });
    await loadPost({ url: server.url, key, bodies: bulkBodies(bodies), connections: 2, seconds: 2, path: '/api/v1/feedback/bulk' });
    await drain(engine, server.url);
    for (const kind of ['single', 'bulk'] as const) {
      const created = async () => metricSum(await (await fetch(`${server.url}/metrics`)).text(), 'feedloop_feedback_created_total');
      const before = { created: await created(), api: cpuSeconds(server.pid), worker: worker ? cpuSeconds(worker.pid) : 0 };
      const database = split && engine.env.DATABASE_URL ? backendCpu(engine.env.DATABASE_URL) : null;
      log(engine.name, `CPU per item, ${kind} POSTs, ${seconds} s…`);
      const load =
        kind === 'single'
          ? await loadPost({ url: server.url, key, bodies, connections: 50, seconds, path: '/api/v1/feedback' })
          : await loadPost({
              url: server.url,
              key,
              bodies: bulkBodies(bodies),
              connections: BULK_CONNECTIONS,
              seconds,
              path: '/api/v1/feedback/bulk',
            });
      const items = (await created()) - before.created;
      const drained = await drain(engine, server.url);
      const per = (s: number) => (s * 1000) / Math.max(items, 1);
      const result: CpuPerItem = {
        items,
        load,
        apiMs: per(cpuSeconds(server.pid) - before.api),
        workerMs: worker ? per(cpuSeconds(worker.pid) - before.worker) : null,
        databaseMs: database ? per(await database.stop()) : null,
        drained,
      };
      out[kind] = result;
      log(
        engine.name,
        `${items} items, API ${result.apiMs.toFixed(3)} ms/item${result.workerMs !== null ? `, worker ${result.workerMs.toFixed(3)}` : ''}${result.databaseMs !== null ? `, database ${result.databaseMs.toFixed(3)}` : ''}`,
      );
    }
  } finally {
    await server.stop();
    if (worker) await stopChild(worker);
  }
  return out;
}

/** Waits until no item is pending analysis (PGlite: asked through the API, its process owns the database). */
async function drain(engine: Engine, url: string): Promise<boolean> {
  const deadline = performance.now() + DRAIN_LIMIT_S * 1000;
  while (performance.now() < deadline) {
    if (engine.name === 'PostgreSQL') {
      if ((await engine.countPending()) === 0) return true;
    } else {
      const text = await (await fetch(`${url}/metrics`)).text();
      if (metricSum(text, 'feedloop_feedback_analysed_total') >= metricSum(text, 'feedloop_feedback_created_total')) return true;
    }
    await sleep(500);
  }
  return false;
}

export function cpuReport(engine: string, r: CpuResult): string {
  const ms = (n: number | null) => (n === null ? '—' : `${n.toFixed(3)} ms`);
  const rows = (['single', 'bulk'] as const).flatMap((kind) => {
    const c = r[kind];
    if (!c) return [];
    const total = c.apiMs + (c.workerMs ?? 0) + (c.databaseMs ?? 0);
    const how =
      kind === 'single' ? 'POST /feedback, 50 connections' : `POST /feedback/bulk, ${BULK_ITEMS} items, ${BULK_CONNECTIONS} connections`;
    return [
      [
        how,
        `${Math.round(c.load.rps * (kind === 'bulk' ? BULK_ITEMS : 1)).toLocaleString('en-US')} items/s`,
        ms(c.apiMs),
        ms(c.workerMs),
        ms(c.databaseMs),
        ms(total),
        c.drained ? '' : 'NOT all analysed',
      ],
    ];
  });
  return `${engine}, ${r.layout}: CPU (user + system) per stored item, until analysed\n${table(
    ['load', 'stored', 'API process', 'worker', 'database', 'total', ''],
    rows,
  )}`;
}
