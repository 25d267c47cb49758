#!/usr/bin/env node
// The whole test suite: lint and format check (Biome), type-check, build the widget and the dashboard, run every test on the embedded
// database and, when TEST_DATABASE_URL names a server, the database suites again on PostgreSQL at the same time.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const describe = (cmd, args, env) =>
  `${[cmd, ...args].join(' ')}${
    Object.keys(env).length
      ? `  (${Object.entries(env)
          .map(([k, v]) => `${k}=${v || '(unset)'}`)
          .join(' ')})`
      : ''
  }`;
const seconds = (started) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** Background steps still running: stopped if a step fails, so nothing outlives the run. */
const background = new Set();
const fail = (status) => {
  // Each background step leads its own process group: its workers and browsers stop with it.
  for (const child of background) process.kill(-child.pid, 'SIGTERM');
  process.exit(status || 1);
};

const run = (cmd, args, env = {}) => {
  console.log(`\n> ${describe(cmd, args, env)}`);
  const started = performance.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`(${seconds(started)})`);
  if (res.status !== 0) fail(res.status);
};

/**
 * Starts a step beside the others, its output kept in a file; `finish()` waits for it, prints
 * its output and its time, and stops the run if it failed.
 */
const runBeside = (cmd, args, env = {}) => {
  console.log(`\n> started beside the next step: ${describe(cmd, args, env)}`);
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-test-')), 'output.log');
  const out = fs.openSync(log, 'w');
  const started = performance.now();
  const child = spawn(cmd, args, {
    stdio: ['ignore', out, out],
    detached: true,
    env: { ...process.env, ...env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
  });
  background.add(child);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return async () => {
    const status = await exited;
    background.delete(child);
    fs.closeSync(out);
    console.log(`\n> ${describe(cmd, args, env)}`);
    process.stdout.write(fs.readFileSync(log));
    console.log(`(${seconds(started)}, beside the step before)`);
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
    if (status !== 0) fail(status);
  };
};

const pgUrl = process.env.TEST_DATABASE_URL;
// A test touches the database through the test app, a database client, or the server URL itself.
const TOUCHES_DATABASE = /\/testing\/|TEST_DATABASE_URL|db\/client/;

function listTestFiles(dirs) {
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
      .map((entry) => `${entry.parentPath}/${entry.name}`),
  );
}
run('npx', ['biome', 'ci', '--max-diagnostics=50']);
run('npx', ['tsc', '--noEmit', '-p', '.']);
run('npx', ['tsc', '--noEmit', '-p', 'web']);
run('npx', ['tsc', '--noEmit', '-p', 'widget']);
run('node', ['scripts/build-widget.mjs']);
run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
let postgresPass;
if (pgUrl) {
  // Browser tests drive the same server code; the suites that touch a database run again on
  // PostgreSQL (the others — the model, the tokenizers, the widget — would only repeat themselves).
  // They run in one worker beside the embedded pass rather than after it: the browser tests and
  // the tests that spawn servers spend much of their time waiting (pages settling, schedules,
  // child processes), and this pass fills those gaps; its files take about a sixth of the
  // embedded pass's time, so one worker finishes before it.
  const databaseSuites = listTestFiles(['src', 'scripts']).filter((file) => TOUCHES_DATABASE.test(fs.readFileSync(file, 'utf8')));
  postgresPass = runBeside('npx', ['vitest', 'run', ...databaseSuites], { TEST_DATABASE_URL: pgUrl, TEST_WORKERS: '1' });
}
run('npx', ['vitest', 'run'], { TEST_DATABASE_URL: '' });
if (postgresPass) await postgresPass();
else console.log('\nTEST_DATABASE_URL is not set: skipped the PostgreSQL pass (CI runs it).');
