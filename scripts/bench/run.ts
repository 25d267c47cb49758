/**
 * `npm run bench`: API throughput and latency, server memory, bulk import and analysis speed on
 * the embedded database (PGlite) and on PostgreSQL.
 *
 *   npm run bench                                                   # PGlite only
 *   BENCH_DATABASE_URL=postgres://user@host:5432/postgres npm run bench   # both engines
 *
 * The PostgreSQL URL names a server where the user may create databases: the benchmark creates
 * feedloop_bench_<random> there and drops it at the end. Every figure is printed with its
 * target; nothing fails. BENCH_SECONDS and BENCH_ROWS shorten or lengthen the run. The POST load
 * comes from wrk when it is installed (apt-get install wrk), else from autocannon in this process
 * (BENCH_LOADGEN=wrk|autocannon chooses).
 *
 * With PostgreSQL it also times full-text search on BENCH_SEARCH_ROWS (default 1,000,000) items;
 * BENCH_ONLY=search runs that phase alone (search.ts); BENCH_SKIP=search leaves it out.
 *
 * It also measures surveys (surveys.ts): answers/s on the link page (each engine), and with
 * PostgreSQL 10,000 survey emails through the job queue to a loopback SMTP server with the worker
 * killed part-way. BENCH_ONLY=surveys runs that phase alone; BENCH_SKIP=surveys leaves it out.
 *
 * It also measures event ingestion on each engine (events.ts): POST /api/v1/events/bulk with 50
 * events per call over ~2,000 customers, and single POST /api/v1/events, in events/s against
 * the ≥ 3,000 events/s target. BENCH_ONLY=events runs that phase alone; BENCH_SKIP=events leaves
 * it out. BENCH_SKIP takes a comma-separated list: BENCH_SKIP=search,surveys,events; it also takes
 * pglite (PostgreSQL only) and import (no CSV import and no analysis of imported items).
 *
 * It also measures the website widget (widget.ts, embedded database): gzipped sizes of the loader
 * and the renderer, and loader → first survey on screen in headless Chromium on a throttled
 * connection. BENCH_ONLY=widget runs that phase alone; BENCH_SKIP=widget leaves it out.
 *
 * BENCH_PROFILE_DIR=dir makes every Feedloop process the benchmark starts write a V8 CPU profile
 * there when it exits.
 *
 * With PostgreSQL it also measures automation rules (rules.ts): evaluation of new items against 50
 * rules (≥ 5,000 items/s), the cost per item of rules on ingest, and the 90-day inactivity scan
 * over 1,000,000 customers (< 10 s). BENCH_ONLY=rules runs that phase alone; BENCH_SKIP=rules
 * leaves it out.
 *
 * It also reports the dashboard's gzipped first-screen JavaScript and lazy chunks from the build
 * manifest (dashboard.ts, no database). BENCH_ONLY=dashboard runs that phase alone.
 *
 * The exports phase (exports.ts) writes a 1,000,000-row CSV and Excel export (BENCH_EXPORT_ROWS,
 * BENCH_EXPORT_FORMATS) with the export job's code on each engine: time, rows/s and peak RSS
 * (< 300 MB). BENCH_ONLY=exports runs it alone.
 *
 * The metrics phase (metrics.ts) answers NPS by month × channel and topics × sentiment on a
 * 1,000,000-item workspace (BENCH_METRIC_ITEMS) from the rollups, in the Gregorian and the Jalali
 * calendar (< 100 ms on PostgreSQL, < 200 ms on PGlite), and prints ingest throughput with the
 * rollups kept current against without. BENCH_ONLY=metrics runs it alone.
 *
 * The churn phase (churn.ts) counts customers at churn risk at 24 month ends from their spells at
 * risk against the per-customer probes of the definition, and times building and refreshing the
 * spells (BENCH_CHURN_CUSTOMERS). BENCH_ONLY=churn runs it alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { feedbackBodies, writeFeedbackCsv } from './data.js';
import { embeddedEngine, postgresEngine, serverUrlFromEnv, type Engine } from './engines.js';
import { benchEngine, LOAD, PACED_RATE, type EngineResult } from './phases.js';
import type { PacedResult } from './paced-load.js';
import { LOAD_GENERATOR } from './load.js';
import { execSync } from 'node:child_process';
import { cleanupAll, onCleanup, repoRoot } from './processes.js';
import { figuresTable, fmt, machineLine, type Figure } from './report.js';
import { benchSearch, searchReport } from './search.js';
import { benchSurveys, surveysReport } from './surveys.js';
import { benchEvents, eventsReport } from './events.js';
import { benchWidget, widgetReport } from './widget.js';
import { dashboardReport, measureDashboard } from './dashboard.js';
import { benchRulesPhase, rulesReport } from './rules.js';
import { benchStartup, startupReport } from './startup.js';
import { cpuPhase, cpuReport } from './cpu.js';
import { setupAndCreateKey } from './api.js';
import { startServer } from './processes.js';
import { benchExportsPhase } from './exports.js';
import { benchMetricsPhase } from './metrics.js';
import { benchChurnPhase } from './churn.js';

const skipped = (phase: string) =>
  (process.env.BENCH_SKIP ?? '')
    .split(',')
    .map((s) => s.trim())
    .includes(phase);
const CSV_ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
if (process.env.BENCH_SECONDS) LOAD.seconds = Number(process.env.BENCH_SECONDS);

const TARGETS = {
  postPerS: 2000, // PostgreSQL
  p99Ms: 25, // PostgreSQL
  embeddedPostPerS: 1000, // PGlite, 50 connections, analysis in the same process
  embeddedP99Ms: 100, // PGlite, the same closed loop
  idleRssMb: 400, // PGlite
  importSeconds: 30, // 100k rows, PostgreSQL
};

async function main() {
  const started = performance.now();
  console.log('Feedloop benchmark');
  console.log(`  machine: ${machineLine()}`);
  const generator = LOAD_GENERATOR === 'wrk' ? 'wrk' : 'autocannon, in this process; install wrk for a lighter one';
  console.log(`  note: the load generator (${generator}), the server and the database all share these ${os.cpus().length} cores,`);
  console.log('        so the figures are lower bounds for a machine where they run apart.');
  if (process.env.BENCH_ONLY === 'search') return searchPhase(serverUrlFromEnv());
  // The rules phase runs the engine in this process: no build needed.
  if (process.env.BENCH_ONLY === 'rules') return rulesPhase(serverUrlFromEnv());
  // So does the exports phase.
  if (process.env.BENCH_ONLY === 'exports') return exportsPhase(serverUrlFromEnv());
  if (process.env.BENCH_ONLY === 'metrics') return metricsPhase(serverUrlFromEnv());
  if (process.env.BENCH_ONLY === 'churn') return churnPhase(serverUrlFromEnv());
  console.log('  building (npm run build)…');
  execSync('npm run build', { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (process.env.BENCH_ONLY === 'dashboard') return dashboardPhase();
  if (process.env.BENCH_ONLY === 'startup' || process.env.BENCH_ONLY === 'cpu') {
    if (process.env.BENCH_ONLY === 'startup') await startupPhase();
    else await cpuPhases(serverUrlFromEnv());
    return console.log(`Total time: ${fmt.s((performance.now() - started) / 1000)}.`);
  }
  if (process.env.BENCH_ONLY === 'widget') {
    await widgetPhase();
    return console.log(`Total time: ${fmt.s((performance.now() - started) / 1000)}.`);
  }
  if (process.env.BENCH_ONLY === 'surveys' || process.env.BENCH_ONLY === 'events') {
    await (process.env.BENCH_ONLY === 'surveys' ? surveysPhase : eventsPhase)(serverUrlFromEnv());
    return console.log(`Total time: ${fmt.s((performance.now() - started) / 1000)}.`);
  }
  const serverUrl = serverUrlFromEnv();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-bench-csv-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  const csvFile = path.join(dir, 'feedback.csv');
  if (!skipped('import')) await writeFeedbackCsv(csvFile, CSV_ROWS);
  const bodies = feedbackBodies(5000);
  const csvLine = skipped('import') ? '' : ` and a ${fmt.int(CSV_ROWS)}-row CSV (${fmt.mb(fs.statSync(csvFile).size / 1024 / 1024)})`;
  console.log(`  data: ${bodies.length} rotating request bodies${csvLine}, texts in fa/ar/zh/en, 1,000 customers by email\n`);

  const results: EngineResult[] = [];
  const loadBefore = loadAverage();
  const engines: Array<() => Promise<Engine>> = skipped('pglite') ? [] : [embeddedEngine];
  if (serverUrl) engines.push(() => postgresEngine(serverUrl));
  for (const open of engines) {
    let engine: Engine | null = null;
    try {
      engine = await open();
      results.push(await benchEngine(engine, bodies, skipped('import') ? null : { file: csvFile, rows: CSV_ROWS }));
    } catch (err) {
      results.push({ engine: engine?.name ?? 'PostgreSQL', error: (err as Error).message });
    } finally {
      await engine?.dispose().catch((err) => console.error(`cleanup: ${(err as Error).message}`));
    }
  }

  console.log(
    `\nResults (${LOAD.connections} connections × ${LOAD.seconds} s of POST /api/v1/feedback with Bearer key; ${fmt.int(CSV_ROWS)}-row CSV import;` +
      ` load average ${loadBefore} before, ${loadAverage()} after)\n`,
  );
  console.log(figuresTable(figures(results, Boolean(serverUrl))));
  for (const r of results) if (r.load?.sampleError) console.log(`\n${r.engine}: first non-2xx answer: ${r.load.sampleError}`);
  for (const r of results) if (r.error) console.log(`\n${r.engine}: the run stopped early: ${r.error}`);
  console.log(`\nNotes: latency and throughput come from ${LOAD_GENERATOR}. "peak RSS" is the highest VmRSS sampled every 200 ms under`);
  console.log('load, "VmHWM" the kernel\'s high-water mark since the process started. The server is the compiled build');
  console.log('(`node bin/feedloop.js`, what `npm start` runs; the benchmark builds it first). "analysis" is the');
  console.log('background job (language detection): during the load it shares the server with the API; for the imported items');
  console.log("(500 per job) its rate is taken from the jobs' finish times, so process start-up is not counted.");
  if (!skipped('startup')) await startupPhase();
  if (!skipped('cpu')) await cpuPhases(serverUrl);
  if (!skipped('dashboard')) dashboardPhase();
  if (!skipped('widget')) await widgetPhase();
  if (!skipped('events')) await eventsPhase(serverUrl);
  if (!skipped('surveys')) await surveysPhase(serverUrl);
  if (serverUrl && !skipped('search')) await searchPhase(serverUrl);
  if (serverUrl && !skipped('rules')) await rulesPhase(serverUrl);
  if (!skipped('exports')) await exportsPhase(serverUrl);
  if (!skipped('metrics')) await metricsPhase(serverUrl);
  if (!skipped('churn')) await churnPhase(serverUrl);
  console.log(`Total time: ${fmt.s((performance.now() - started) / 1000)}.`);
}

/** An engine's database after its first start and setup, with an API key: what a restart finds. */
async function setUpEngine(open: () => Promise<Engine>): Promise<{ engine: Engine; key: string }> {
  const engine = await open();
  const server = await startServer(engine.env);
  try {
    return { engine, key: await setupAndCreateKey(server.url) };
  } finally {
    await server.stop();
  }
}

async function startupPhase() {
  console.log(`\n  · PGlite: \`npm start\` ×3 on a set-up database (load average ${loadAverage()})…`);
  const { engine, key } = await setUpEngine(embeddedEngine);
  try {
    console.log('');
    console.log(startupReport(await benchStartup(engine, key)));
    console.log(`(load average ${loadAverage()})`);
  } finally {
    await engine.dispose();
  }
}

/** CPU per stored item on the embedded database and, with a server, on PostgreSQL. */
async function cpuPhases(serverUrl: string | undefined) {
  const engines: Array<() => Promise<Engine>> = skipped('pglite') ? [] : [embeddedEngine];
  if (serverUrl) engines.push(() => postgresEngine(serverUrl));
  for (const open of engines) {
    const { engine, key } = await setUpEngine(open);
    try {
      const load = loadAverage();
      const result = await cpuPhase(engine, key, feedbackBodies(5000), LOAD.seconds);
      console.log('');
      console.log(cpuReport(engine.name, result));
      console.log(`(load average ${load} before, ${loadAverage()} after)`);
    } finally {
      await engine.dispose();
    }
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function searchPhase(serverUrl: string | undefined) {
  if (!serverUrl) throw new Error('the search phase runs on PostgreSQL: set BENCH_DATABASE_URL');
  console.log('');
  console.log(searchReport(await benchSearch(serverUrl)));
}

async function exportsPhase(serverUrl: string | undefined) {
  console.log('');
  console.log(figuresTable(await benchExportsPhase(serverUrl)));
}

async function metricsPhase(serverUrl: string | undefined) {
  console.log('');
  console.log(figuresTable(await benchMetricsPhase(serverUrl)));
}

async function churnPhase(serverUrl: string | undefined) {
  console.log('');
  console.log(figuresTable(await benchChurnPhase(serverUrl)));
}

async function rulesPhase(serverUrl: string | undefined) {
  console.log('');
  console.log(rulesReport(await benchRulesPhase(serverUrl)));
}

/** The embedded database (unless BENCH_SKIP=pglite), then PostgreSQL when a server is given. */
const phaseServers = (serverUrl: string | undefined): Array<string | undefined> => [
  ...(skipped('pglite') ? [] : [undefined]),
  ...(serverUrl ? [serverUrl] : []),
];

async function surveysPhase(serverUrl: string | undefined) {
  for (const server of phaseServers(serverUrl)) {
    console.log('');
    const result = await benchSurveys(server);
    console.log('');
    console.log(surveysReport(result));
  }
}

function dashboardPhase() {
  console.log('');
  console.log(dashboardReport(measureDashboard()));
}

async function widgetPhase() {
  console.log('');
  console.log(widgetReport(await benchWidget()));
}

async function eventsPhase(serverUrl: string | undefined) {
  for (const server of phaseServers(serverUrl)) {
    console.log('');
    const result = await benchEvents(server);
    console.log('');
    console.log(eventsReport(result));
  }
}

function figures(results: EngineResult[], withPostgres: boolean): Figure[] {
  const out: Figure[] = [];
  const add = (measure: string, engine: string, value: string, target = '', met: boolean | null = null, note = '') =>
    out.push({ measure, engine, value, target, met, note });
  const isPg = (r: EngineResult) => r.engine === 'PostgreSQL';
  const rows = withPostgres ? results : [...results, { engine: 'PostgreSQL', skipped: true } as EngineResult & { skipped: true }];
  const each = (measure: string, fn: (r: EngineResult) => void) => {
    for (const r of rows) {
      if ('skipped' in r) add(measure, r.engine, 'skipped (set BENCH_DATABASE_URL)');
      else fn(r);
    }
  };
  const missing = (r: EngineResult, measure: string) => add(measure, r.engine, r.error ? 'not measured (error)' : 'not measured');

  each('POST /feedback throughput', (r) => {
    if (!r.load) return missing(r, 'POST /feedback throughput');
    const l = r.load;
    const bad = Object.entries(l.non2xx)
      .map(([code, n]) => `${n}×${code}`)
      .join(' ');
    const note = `${fmt.int(l.ok)} ok, non-2xx: ${bad || '0'}, errors: ${l.errors}, timeouts: ${l.timeouts}`;
    const target = isPg(r) ? TARGETS.postPerS : TARGETS.embeddedPostPerS;
    add('POST /feedback throughput', r.engine, `${fmt.int(l.rps)} req/s`, `≥ ${fmt.int(target)} req/s`, l.rps >= target, note);
  });
  for (const r of results) {
    if (!r.split) continue;
    const l = r.split.load;
    add(
      'POST /feedback, API + worker processes',
      r.engine,
      `${fmt.int(l.rps)} req/s, p99 ${fmt.ms(l.p99)}`,
      `≥ ${fmt.int(TARGETS.postPerS)} req/s`,
      l.rps >= TARGETS.postPerS,
      `serve --no-workers + feedloop worker, closed loop; p50 ${fmt.ms(l.p50)}; ${fmt.int(r.split.pendingAtEnd)} items pending at the end, ${r.split.drained ? 'analysed' : 'NOT analysed'} ${fmt.s(r.split.drainSeconds)} later`,
    );
  }
  const paced = (layout: string, p: PacedResult | undefined) => {
    if (!p) return;
    const bad = Object.entries(p.non2xx)
      .map(([code, n]) => `${n}×${code}`)
      .join(' ');
    add(
      `POST /feedback paced at ${fmt.int(PACED_RATE)} req/s, p99`,
      'PostgreSQL',
      fmt.ms(p.p99),
      `< ${TARGETS.p99Ms} ms`,
      p.p99 < TARGETS.p99Ms && Object.keys(p.non2xx).length === 0 && p.errors === 0,
      `${layout}; ${fmt.int(p.achievedRps)} req/s answered, p50 ${fmt.ms(p.p50)}, p90 ${fmt.ms(p.p90)}, max ${fmt.ms(p.max)}; non-2xx: ${bad || '0'}, errors: ${p.errors}`,
    );
  };
  for (const r of results) {
    paced('feedloop serve', r.paced);
    paced('serve --no-workers + feedloop worker', r.split?.paced);
  }
  each('POST /feedback latency p50', (r) => {
    if (r.load)
      add('POST /feedback latency p50', r.engine, fmt.ms(r.load.p50), '', null, `p90 ${fmt.ms(r.load.p90)}, max ${fmt.ms(r.load.max)}`);
  });
  each('POST /feedback latency p99', (r) => {
    if (!r.load) return;
    if (isPg(r))
      add(
        'POST /feedback latency p99',
        r.engine,
        fmt.ms(r.load.p99),
        '',
        null,
        'closed loop at saturation (≈ 2 × 50 connections ÷ throughput); the target applies to the paced rows',
      );
    else
      add(
        'POST /feedback latency p99',
        r.engine,
        fmt.ms(r.load.p99),
        `< ${TARGETS.embeddedP99Ms} ms`,
        r.load.p99 < TARGETS.embeddedP99Ms,
        'the same closed loop, with analysis running in the server process',
      );
  });
  const idle = (measure: string, mb: number | undefined, r: EngineResult, note: string) => {
    if (mb === undefined) return missing(r, measure);
    add(measure, r.engine, fmt.mb(mb), isPg(r) ? '' : `< ${TARGETS.idleRssMb} MB`, isPg(r) ? null : mb < TARGETS.idleRssMb, note);
  };
  each('server RSS idle, first start', (r) =>
    idle('server RSS idle, first start', r.idleRssFirstMb, r, 'empty database, after setup + API key'),
  );
  each('server RSS idle, restart', (r) => idle('server RSS idle, restart', r.idleRssMb, r, 'existing database, before load'));
  each('server RSS peak under load', (r) => {
    if (r.peakRssMb !== undefined)
      add('server RSS peak under load', r.engine, fmt.mb(r.peakRssMb), '', null, `VmHWM ${fmt.mb(r.hwmMb ?? NaN)}`);
  });
  each('analysis during load', (r) => {
    if (r.analysedDuringLoadPerS === undefined || !r.backlog) return;
    const b = r.backlog;
    // Keeping up: what the load left behind is analysed in less time than the load took.
    add(
      'analysis during load',
      r.engine,
      `${fmt.int(r.analysedDuringLoadPerS)} items/s`,
      `backlog analysed in < ${LOAD.seconds} s`,
      b.drained && b.seconds < LOAD.seconds,
      `backlog at end: ${fmt.int(b.items)} items, ${b.drained ? 'analysed' : 'NOT analysed'} in ${fmt.s(b.seconds)} (${fmt.int(b.items / Math.max(b.seconds, 0.001))} items/s)`,
    );
  });
  each('import 100k-row CSV', (r) => {
    if (!r.import) return missing(r, 'import 100k-row CSV');
    const i = r.import;
    add(
      'import 100k-row CSV',
      r.engine,
      `${fmt.s(i.wallSeconds)} (${fmt.int(i.rows / i.wallSeconds)} rows/s)`,
      isPg(r) ? `< ${TARGETS.importSeconds} s` : '',
      isPg(r) ? i.wallSeconds < TARGETS.importSeconds : null,
      `whole command; its own timer: ${fmt.s(i.commandSeconds)}`,
    );
  });
  each('analysis of imported items', (r) => {
    if (!r.analysis) return missing(r, 'analysis of imported items');
    const a = r.analysis;
    add(
      'analysis of imported items',
      r.engine,
      `${fmt.int(a.perS)} items/s`,
      '',
      null,
      `${fmt.int(a.items)} items in ${fmt.int(a.jobs)} jobs, ${fmt.s(a.seconds)} first to last${a.finished ? '' : ' (time limit hit)'}, by ${a.via}`,
    );
  });
  each('database size after the run', (r) => {
    if (r.dbSizeMb !== undefined) add('database size after the run', r.engine, fmt.mb(r.dbSizeMb));
  });
  return out;
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
