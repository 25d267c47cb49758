// Runs `feedloop serve` as a real child process (for crash and shutdown tests and benchmarks).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { packageRoot } from '../paths.js';

export interface ServerProcess {
  url: string;
  /** Where /metrics listens when METRICS_LISTEN is set. */
  metricsUrl?: string;
  proc: ChildProcess;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/**
 * `built`: the bundled server `npm start` runs (bin/feedloop.js → dist/server/, built beforehand by
 * scripts/build-server.mjs) instead of the sources under tsx.
 */
export async function spawnServer(env: Record<string, string>, options: { built?: boolean } = {}): Promise<ServerProcess> {
  const args = options.built
    ? [path.join(packageRoot, 'bin/feedloop.js'), 'serve']
    : ['--import', 'tsx', path.join(packageRoot, 'src/app/cli.ts'), 'serve'];
  const proc = spawn(process.execPath, args, {
    cwd: packageRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let stderr = '';
  proc.stderr!.on('data', (c) => {
    stderr += c;
  });
  let metricsUrl: string | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: proc.stdout! });
    // Creating the embedded database takes over a minute on a loaded machine.
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 240_000);
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.url) {
          clearTimeout(timer);
          metricsUrl = entry.metricsUrl;
          resolve(entry.url);
        }
      } catch {
        /* not a log line */
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${stderr}`));
    });
  });
  proc.stdout!.resume();
  return { url, metricsUrl, proc, exited };
}

/** First-run setup and an API key with every data scope, over HTTP. */
export async function setupOverHttp(url: string): Promise<string> {
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organizationName: 'Acme',
      workspaceName: 'Main',
      name: 'Owner',
      email: 'owner@example.com',
      password: 'correct horse battery',
      locale: 'en',
    }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers.get('set-cookie')!.split(';')[0];
  const key = await fetch(`${url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      name: 'test',
      scopes: ['feedback:read', 'feedback:write', 'customers:read', 'customers:write', 'events:write'],
    }),
  });
  return (await key.json()).key;
}
