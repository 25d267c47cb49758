// Start-up on the embedded database: `npm start` with no source change since the last build, to
// the first answered request (GET /healthz, which asks the database), and the first analyses
// after it — POST /analyze sent the moment the server answers, and a stored item's analysis
// sent one second later — with the background warm-up's own figures from /metrics.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Engine } from './engines.js';
import { metricSum } from './api.js';
import { freePort, onCleanup, repoRoot, sleep } from './processes.js';
import { table } from './report.js';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
export const STARTS = Number(process.env.BENCH_STARTS ?? 3);

export interface StartupRun {
  /** `npm start` spawned → first 200 from /healthz. */
  firstAnswerS: number;
  /** CPU (user + system) that npm, the build check and the server spent until then: steadier than time on a loaded machine. */
  firstAnswerCpuS: number;
  /** POST /analyze sent as soon as /healthz answered. */
  firstAnalyzeMs: number;
  /** A feedback item POSTed one second after the first answer → analysed (job picked up, analysed, written). */
  firstItemAnalysedMs: number;
  warmUpS: number;
  longestStallMs: number;
}

/** Runs `npm start` STARTS times on the engine's existing (set-up) database. */
export async function benchStartup(engine: Engine, key: string): Promise<StartupRun[]> {
  const runs: StartupRun[] = [];
  for (let i = 0; i < STARTS; i++) runs.push(await oneStart(engine, key));
  return runs;
}

async function oneStart(engine: Engine, key: string): Promise<StartupRun> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // Its own process group: npm, the shell and node stop together.
  const proc = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    env: { ...process.env, ...engine.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  proc.stderr!.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-5000);
  });
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  onCleanup(() => kill('SIGKILL'));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}:\n${stderr}`);
      if (performance.now() - started > 180_000) throw new Error(`npm start did not answer within 180 s:\n${stderr}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        /* not listening yet */
      }
      await sleep(10);
    }
    const firstAnswerS = (performance.now() - started) / 1000;
    const firstAnswerCpuS = treeCpuSeconds(proc.pid!);
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    let t = performance.now();
    const analyzed = await fetch(`${url}/api/v1/analyze`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'ارسال خیلی دیر بود ولی پشتیبانی خوب جواب داد' }),
    });
    if (!analyzed.ok) throw new Error(`POST /analyze: ${analyzed.status} ${await analyzed.text()}`);
    const firstAnalyzeMs = performance.now() - t;
    await sleep(1000);
    t = performance.now();
    const created = await fetch(`${url}/api/v1/feedback`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ channel: 'api', text: '快递太慢了，但是客服很好' }),
    });
    if (created.status !== 201) throw new Error(`POST /feedback: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    for (;;) {
      const item = (await (await fetch(`${url}/api/v1/feedback/${id}`, { headers })).json()) as { status: string };
      if (item.status !== 'pending') break;
      if (performance.now() - t > 60_000) throw new Error('the first item was not analysed within 60 s');
      await sleep(5);
    }
    const firstItemAnalysedMs = performance.now() - t;
    let metrics = '';
    for (let tries = 0; tries < 300; tries++) {
      metrics = await (await fetch(`${url}/metrics`)).text();
      if (metricSum(metrics, 'feedloop_analysis_warm_up_seconds') > 0) break;
      await sleep(100);
    }
    return {
      firstAnswerS,
      firstAnswerCpuS,
      firstAnalyzeMs,
      firstItemAnalysedMs,
      warmUpS: metricSum(metrics, 'feedloop_analysis_warm_up_seconds'),
      longestStallMs: metricSum(metrics, 'feedloop_analysis_warm_up_longest_stall_seconds') * 1000,
    };
  } finally {
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 20_000);
    await exited;
    // npm may leave before the server has let go of the data directory: wait for the whole group.
    for (;;) {
      try {
        process.kill(-proc.pid!, 0);
      } catch {
        break;
      }
      await sleep(50);
    }
    clearTimeout(timer);
  }
}

/** CPU seconds of a process and its descendants, with their children that already exited (the build check). */
function treeCpuSeconds(root: number): number {
  let total = 0;
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    try {
      const stat = fs.readFileSync(`/proc/${pids[i]}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      const children = fs.readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      /* exited meanwhile */
    }
  }
  return total / TICKS_PER_SECOND;
}

export const STARTUP_TARGETS = { firstAnswerS: 3, firstAnalysisMs: 100 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: number[], f: (n: number) => string) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;

export function startupReport(runs: StartupRun[]): string {
  const col = <K extends keyof StartupRun>(k: K) => runs.map((r) => r[k]);
  const s = (n: number) => `${n.toFixed(2)} s`;
  const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
  const met = (ok: boolean) => (ok ? 'yes' : 'NO');
  const firstAnswer = col('firstAnswerS');
  const analyze = col('firstAnalyzeMs');
  const item = col('firstItemAnalysedMs');
  return table(
    [`start-up, embedded database (median of ${runs.length}, range)`, 'value', 'target', 'met'],
    [
      [
        '`npm start` (no source change) → first answered request',
        range(firstAnswer, s),
        `< ${STARTUP_TARGETS.firstAnswerS} s`,
        met(median(firstAnswer) < STARTUP_TARGETS.firstAnswerS),
      ],
      [
        'first POST /analyze, sent as the server first answers',
        range(analyze, ms),
        `< ${STARTUP_TARGETS.firstAnalysisMs} ms`,
        met(median(analyze) < STARTUP_TARGETS.firstAnalysisMs),
      ],
      [
        'first stored item analysed (POST 1 s after, → analysed)',
        range(item, ms),
        `< ${STARTUP_TARGETS.firstAnalysisMs} ms`,
        met(median(item) < STARTUP_TARGETS.firstAnalysisMs),
      ],
      [
        'the same, CPU (user + system) of npm, the build check and the server',
        range(col('firstAnswerCpuS'), s),
        `< ${STARTUP_TARGETS.firstAnswerS} s`,
        met(median(col('firstAnswerCpuS')) < STARTUP_TARGETS.firstAnswerS),
      ],
      ['warm-up of the models (from the start, while the database opens)', range(col('warmUpS'), s), '', ''],
      ['longest event-loop stall of the warm-up once serving', range(col('longestStallMs'), ms), '', ''],
    ],
  );
}
