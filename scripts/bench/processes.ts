// Child processes of the benchmark (server, worker, import): started from the repository's
// CLI, tracked so that every one of them is killed when the benchmark ends, fails or is
// interrupted, and measured through /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The compiled CLI, as `npm start` runs it (run.ts builds first).
const cli = path.join(repoRoot, 'bin/feedloop.js');

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];

/** Registers work to undo at the end (drop a database, remove a directory); runs last-in first-out. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export async function cleanupAll(): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (err) {
      console.error(`cleanup: ${(err as Error).message}`);
    }
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the benchmark and its child processes…`);
    cleanupAll().finally(() => process.exit(130));
  });
}
// Last resort (uncaught error, process.exit): children never outlive us.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface Child {
  proc: ChildProcess;
  pid: number;
  /** stdout and stderr so far (for error messages and the import summary). */
  output(): string;
  exited: Promise<number>;
}

/**
 * Runs `feedloop <args>` (compiled) with extra environment variables. With BENCH_PROFILE_DIR set,
 * every Feedloop process writes a V8 CPU profile there when it exits (open it in Chrome DevTools).
 */
export function feedloop(args: string[], env: Record<string, string>): Child {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
  const proc = spawn(process.execPath, [...profile, cli, ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<number>((resolve) =>
    proc.on('exit', (code, signal) => {
      children.delete(proc);
      resolve(code ?? (signal ? 128 : 1));
    }),
  );
  return { proc, pid: proc.pid!, output: () => out, exited };
}

/** Runs a feedloop command to its end; rejects on a non-zero exit. */
export async function runFeedloop(args: string[], env: Record<string, string>): Promise<{ seconds: number; output: string }> {
  const started = performance.now();
  const child = feedloop(args, env);
  const code = await child.exited;
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`feedloop ${args[0]} exited with ${code}:\n${child.output()}`);
  return { seconds, output: child.output() };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Server extends Child {
  url: string;
  stop(): Promise<void>;
}

/** `feedloop serve` on a free port; resolves once /healthz answers. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = feedloop(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000; // creating the embedded database takes minutes on a loaded machine
  let exitCode: number | null = null;
  child.exited.then((code) => {
    exitCode = code;
  });
  for (;;) {
    if (exitCode !== null) throw new Error(`the server exited with ${exitCode}:\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within 300 s:\n${child.output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  return { ...child, url, stop: () => stopChild(child) };
}

/** SIGTERM (graceful shutdown), SIGKILL after 20 s. */
export async function stopChild(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 20_000);
  await child.exited;
  clearTimeout(timer);
}

/** VmRSS (now) and VmHWM (peak since start) of a process, in MB. */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Samples VmRSS every 200 ms until stopped; returns the highest value seen. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = 0;
  const take = () => {
    try {
      peak = Math.max(peak, memoryOf(pid).rssMb);
    } catch {
      /* exited */
    }
  };
  take();
  const timer = setInterval(take, 200);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
