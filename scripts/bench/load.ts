// Load on a POST route (POST /api/v1/feedback, POST /api/v1/events, …), rotating through a pool
// of pre-serialised bodies so the generator spends its CPU on sending, not building. The generator
// is wrk when it is installed (a C program: on a 2-core machine it leaves the server most of the
// CPU) and autocannon in this process otherwise; BENCH_LOADGEN=autocannon|wrk chooses.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface LoadResult {
  seconds: number;
  requests: number;
  ok: number;
  /** Non-2xx responses by status code, plus connection errors and timeouts. */
  non2xx: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Successful requests per second. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The first non-2xx response body, to explain failures. */
  sampleError: string | null;
}

export interface PostLoad {
  url: string;
  key: string;
  bodies: string[];
  connections: number;
  seconds: number;
}

export const loadFeedbackPost = (opts: PostLoad): Promise<LoadResult> => loadPost({ ...opts, path: '/api/v1/feedback' });

function wrkInstalled(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk --version prints its banner and exits 1; only a missing binary throws ENOENT.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** The load generator in use: wrk if installed (or asked for), else autocannon. */
export const LOAD_GENERATOR: 'wrk' | 'autocannon' = (() => {
  const asked = process.env.BENCH_LOADGEN;
  if (asked === 'wrk' || asked === 'autocannon') return asked;
  return wrkInstalled() ? 'wrk' : 'autocannon';
})();

export const loadPost = (opts: PostLoad & { path: string }): Promise<LoadResult> =>
  LOAD_GENERATOR === 'wrk' ? loadPostWithWrk(opts) : loadPostWithAutocannon(opts);

const wrkScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wrk-post.lua');

interface WrkOutput {
  durationUs: number;
  requests: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  timeouts: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: Record<string, number>;
  sampleError: string | null;
}

async function loadPostWithWrk(opts: PostLoad & { path: string }): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-wrk-'));
  const bodiesFile = path.join(dir, 'bodies.jsonl');
  fs.writeFileSync(bodiesFile, `${opts.bodies.join('\n')}\n`);
  try {
    // One thread: at these rates a single event loop keeps 50 connections busy with the least CPU.
    const args = [
      '-t1',
      `-c${opts.connections}`,
      `-d${opts.seconds}s`,
      '--timeout',
      '30s',
      '-s',
      wrkScript,
      opts.url,
      '--',
      opts.path,
      opts.key,
      bodiesFile,
    ];
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('wrk', args, { maxBuffer: 1 << 20 }, (err, out, errOut) =>
        err ? reject(new Error(`wrk: ${err.message}\n${errOut}`)) : resolve(out),
      ),
    );
    const line = stdout.split('\n').find((l) => l.startsWith('WRK_RESULT '));
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    const r = JSON.parse(line.slice('WRK_RESULT '.length)) as WrkOutput;
    const seconds = r.durationUs / 1e6;
    const failed = Object.values(r.non2xx).reduce((a, b) => a + b, 0);
    const ok = r.requests - failed;
    return {
      seconds,
      requests: r.requests,
      ok,
      non2xx: r.non2xx,
      errors: r.connectErrors + r.readErrors + r.writeErrors,
      timeouts: r.timeouts,
      rps: ok / seconds,
      p50: r.p50,
      p90: r.p90,
      p99: r.p99,
      max: r.max,
      sampleError: r.sampleError,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function loadPostWithAutocannon(opts: PostLoad & { path: string }): Promise<LoadResult> {
  let next = 0;
  let sampleError: string | null = null;
  const non2xx: Record<string, number> = {};
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    headers: { authorization: `Bearer ${opts.key}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: opts.path,
        setupRequest: (req) => ({ ...req, body: opts.bodies[next++ % opts.bodies.length] }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300) return;
          non2xx[status] = (non2xx[status] ?? 0) + 1;
          sampleError ??= `${status} ${String(body).slice(0, 300)}`;
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    seconds: result.duration,
    requests: ok + result.non2xx,
    ok,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: ok / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    sampleError,
  };
}
