// One engine's benchmark: API load with memory, the backlog it leaves, the CSV import and the
// analysis of the imported items.
import type { Engine } from './engines.js';
import { progress, setupAndCreateKey } from './api.js';
import { loadFeedbackPost, type LoadResult } from './load.js';
import { pacedPost, type PacedResult } from './paced-load.js';
import { feedloop, memoryOf, runFeedloop, sampleRss, sleep, startServer, stopChild, type Server } from './processes.js';
import { CSV_MAPPING } from './data.js';

export const LOAD = { connections: 50, seconds: 12, warmupSeconds: 3 };
/** The paced run's rate: the throughput target, at which the latency target applies. */
export const PACED_RATE = 2_000;
const DRAIN_LIMIT_S = 60;
const ANALYSIS_LIMIT_S = 120;

export interface EngineResult {
  engine: Engine['name'];
  load?: LoadResult;
  /** Idle RSS after the first start on an empty database and setup. */
  idleRssFirstMb?: number;
  /** Idle RSS after a restart on the existing database. */
  idleRssMb?: number;
  peakRssMb?: number;
  hwmMb?: number;
  /** PostgreSQL only: PACED_RATE requests/s over the same connections, after the closed-loop load. */
  paced?: PacedResult;
  /** Analysis jobs finished per second while the load ran (one item per job). */
  analysedDuringLoadPerS?: number;
  backlog?: { items: number; seconds: number; drained: boolean };
  import?: { rows: number; wallSeconds: number; commandSeconds: number };
  analysis?: { items: number; jobs: number; seconds: number; perS: number; via: string; finished: boolean };
  dbSizeMb?: number;
  /** PostgreSQL only: the scale-out layout, `serve --no-workers` next to a `feedloop worker` process. */
  split?: { load: LoadResult; pendingAtEnd: number; drainSeconds: number; drained: boolean; paced?: PacedResult };
  error?: string;
}

const log = (engine: string, message: string) => console.log(`  · ${engine}: ${message}`);

export async function benchEngine(engine: Engine, bodies: string[], csv: { file: string; rows: number } | null): Promise<EngineResult> {
  const out: EngineResult = { engine: engine.name };
  try {
    const key = await apiPhase(engine, bodies, out);
    if (engine.name === 'PostgreSQL') await splitPhase(engine, key, bodies, out);
    if (csv) {
      await importPhase(engine, csv.file, csv.rows, out);
      await analysisPhase(engine, key, out);
    }
    out.dbSizeMb = await engine.sizeMb();
  } catch (err) {
    out.error = err instanceof Error ? err.message.split('\n').slice(0, 6).join('\n') : String(err);
    console.log(`  ! ${engine.name}: ${out.error}`);
  }
  return out;
}

/**
 * Returns the API key it created (the later phases use the same database). The server is
 * started twice: on the fresh database (first run: PGlite creates its cluster in this process)
 * and again on the existing one, which is what every later start looks like; the load runs on
 * the second.
 */
async function apiPhase(engine: Engine, bodies: string[], out: EngineResult): Promise<string> {
  log(engine.name, 'first start of `feedloop serve` (workers on) on an empty database…');
  let server = await startServer(engine.env);
  let key: string;
  try {
    key = await setupAndCreateKey(server.url);
    await sleep(1000);
    out.idleRssFirstMb = memoryOf(server.pid).rssMb;
  } finally {
    await server.stop();
  }
  log(engine.name, `idle RSS after first start + setup ${Math.round(out.idleRssFirstMb!)} MB; restarting…`);
  server = await startServer(engine.env);
  try {
    await sleep(1000);
    out.idleRssMb = memoryOf(server.pid).rssMb;
    log(engine.name, `idle RSS after restart ${Math.round(out.idleRssMb)} MB; warming up ${LOAD.warmupSeconds} s…`);
    await loadFeedbackPost({ url: server.url, key, bodies, connections: 10, seconds: LOAD.warmupSeconds });
    const before = await progress(server.url);
    log(engine.name, `POST /api/v1/feedback, ${LOAD.connections} connections, ${LOAD.seconds} s…`);
    const sampler = sampleRss(server.pid);
    out.load = await loadFeedbackPost({ url: server.url, key, bodies, connections: LOAD.connections, seconds: LOAD.seconds });
    out.peakRssMb = sampler.stop();
    out.hwmMb = memoryOf(server.pid).hwmMb;
    const after = await progress(server.url);
    out.analysedDuringLoadPerS = (after.analysed - before.analysed) / out.load.seconds;
    out.backlog = await drainBacklog(server, after.created - after.analysed);
    log(
      engine.name,
      `${Math.round(out.load.rps)} req/s, p99 ${out.load.p99} ms; backlog of ${out.backlog.items} items ${out.backlog.drained ? 'analysed' : 'NOT drained'} in ${out.backlog.seconds.toFixed(1)} s`,
    );
    if (engine.name === 'PostgreSQL') out.paced = await pacedPhase(engine.name, server.url, key, bodies);
    return key;
  } finally {
    await server.stop();
  }
}

/**
 * The same load on the layout the README recommends for production: an API process without
 * workers and a separate worker process, on the same machine (so they still share its cores).
 */
async function splitPhase(engine: Engine, key: string, bodies: string[], out: EngineResult) {
  log(engine.name, 'API process (--no-workers) + worker process…');
  const server = await startServer({ ...engine.env, WORKERS: 'off' });
  const worker = feedloop(['worker'], engine.env);
  try {
    await loadFeedbackPost({ url: server.url, key, bodies, connections: 10, seconds: LOAD.warmupSeconds });
    const load = await loadFeedbackPost({ url: server.url, key, bodies, connections: LOAD.connections, seconds: LOAD.seconds });
    const pendingAtEnd = await engine.countPending();
    const started = performance.now();
    let drained = pendingAtEnd === 0;
    while (!drained && (performance.now() - started) / 1000 < DRAIN_LIMIT_S) {
      await sleep(200);
      drained = (await engine.countPending()) === 0;
    }
    out.split = { load, pendingAtEnd, drainSeconds: (performance.now() - started) / 1000, drained };
    log(
      engine.name,
      `${Math.round(load.rps)} req/s, p99 ${load.p99} ms; ${pendingAtEnd} items pending at the end, ${drained ? 'analysed' : 'NOT analysed'} ${out.split.drainSeconds.toFixed(1)} s later`,
    );
    out.split.paced = await pacedPhase(engine.name, server.url, key, bodies);
  } finally {
    await server.stop();
    await stopChild(worker);
  }
}

/** PACED_RATE requests/s over LOAD.connections for LOAD.seconds (after the closed-loop run has drained). */
async function pacedPhase(engine: string, url: string, key: string, bodies: string[]): Promise<PacedResult> {
  log(engine, `POST /api/v1/feedback paced at ${PACED_RATE} req/s over ${LOAD.connections} connections, ${LOAD.seconds} s…`);
  const paced = await pacedPost({
    url,
    path: '/api/v1/feedback',
    key,
    bodies,
    connections: LOAD.connections,
    rate: PACED_RATE,
    seconds: LOAD.seconds,
  });
  log(
    engine,
    `${Math.round(paced.achievedRps)} req/s answered, p50 ${paced.p50.toFixed(1)} ms, p99 ${paced.p99.toFixed(1)} ms, max ${paced.max.toFixed(1)} ms`,
  );
  return paced;
}

/** Waits until the server's worker has analysed every item created over HTTP. */
async function drainBacklog(server: Server, items: number) {
  const started = performance.now();
  for (;;) {
    const p = await progress(server.url);
    const seconds = (performance.now() - started) / 1000;
    if (p.analysed >= p.created) return { items, seconds, drained: true };
    if (seconds > DRAIN_LIMIT_S) return { items, seconds, drained: false };
    await sleep(100);
  }
}

async function importPhase(engine: Engine, csvFile: string, csvRows: number, out: EngineResult) {
  log(engine.name, `feedloop import (${csvRows.toLocaleString('en-US')} rows, no server running)…`);
  const run = await runFeedloop(['import', csvFile, '--map', ...CSV_MAPPING, '--no-progress'], engine.env);
  const imported = Number(/imported:\s+(\d+)/.exec(run.output)?.[1] ?? NaN);
  const commandSeconds = Number(/ in ([\d.]+) s/.exec(run.output)?.[1] ?? NaN);
  if (imported !== csvRows) throw new Error(`import stored ${imported} of ${csvRows} rows:\n${run.output}`);
  out.import = { rows: imported, wallSeconds: run.seconds, commandSeconds };
  log(engine.name, `imported ${imported} rows in ${run.seconds.toFixed(1)} s (command's own timer ${commandSeconds} s)`);
}

/**
 * Analysis of the imported items. PostgreSQL: a `feedloop worker` process, watched with SQL.
 * PGlite (one process per data directory): `feedloop serve` with its in-process worker, watched
 * through the API. The rate comes from the jobs' finish times in the database: items of every
 * job after the first ÷ time from the first job's finish to the last one's, so process start-up
 * does not count.
 */
async function analysisPhase(engine: Engine, key: string, out: EngineResult) {
  const pending = await engine.countPending();
  log(engine.name, `analysing ${pending.toLocaleString('en-US')} pending items…`);
  const since = new Date(Date.now() - 1000);
  const deadline = performance.now() + ANALYSIS_LIMIT_S * 1000;
  let finished = false;
  let via: string;
  if (engine.name === 'PostgreSQL') {
    via = 'feedloop worker';
    const worker = feedloop(['worker'], engine.env);
    try {
      while (performance.now() < deadline) {
        if (worker.proc.exitCode !== null) throw new Error(`feedloop worker exited:\n${worker.output()}`);
        if ((await engine.countPending()) === 0) {
          finished = true;
          break;
        }
        await sleep(100);
      }
    } finally {
      await stopChild(worker);
    }
  } else {
    via = 'feedloop serve (in-process worker)';
    const server = await startServer(engine.env);
    try {
      while (performance.now() < deadline) {
        // One cheap request tells whether any pending item is left.
        const res = await fetch(`${server.url}/api/v1/feedback?status=pending&limit=1`, { headers: { authorization: `Bearer ${key}` } });
        if (!res.ok) throw new Error(`GET /api/v1/feedback: ${res.status} ${await res.text()}`);
        if (((await res.json()) as { data: unknown[] }).data.length === 0) {
          finished = true;
          break;
        }
        await sleep(200);
      }
    } finally {
      await server.stop();
    }
  }
  const span = await engine.analysisSpan(since);
  out.analysis = {
    items: span.items,
    jobs: span.jobs,
    seconds: span.seconds,
    perS: span.seconds > 0 ? (span.items - span.firstJobItems) / span.seconds : NaN,
    via,
    finished,
  };
  log(
    engine.name,
    `analysed ${span.items.toLocaleString('en-US')} items in ${span.jobs} jobs, ${span.seconds.toFixed(1)} s from first to last job`,
  );
}
