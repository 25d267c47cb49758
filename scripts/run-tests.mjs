#!/usr/bin/env node
// The whole test suite: lint and format check (Biome), type-check, build the widget and the dashboard, run every test on the embedded
// database, then again on PostgreSQL when TEST_DATABASE_URL names a server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd, args, env = {}) => {
  console.log(
    `\n> ${[cmd, ...args].join(' ')}${
      Object.keys(env).length
        ? `  (${Object.entries(env)
            .map(([k, v]) => `${k}=${v || '(unset)'}`)
            .join(' ')})`
        : ''
    }`,
  );
  const started = performance.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (res.status !== 0) process.exit(res.status ?? 1);
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
run('npx', ['vitest', 'run'], { TEST_DATABASE_URL: '' });
if (pgUrl) {
  // Browser tests drive the same server code; the suites that touch a database run again on
  // PostgreSQL (the others — the model, the tokenizers, the widget — would only repeat themselves).
  const databaseSuites = listTestFiles(['src', 'scripts']).filter((file) => TOUCHES_DATABASE.test(fs.readFileSync(file, 'utf8')));
  run('npx', ['vitest', 'run', ...databaseSuites], { TEST_DATABASE_URL: pgUrl });
} else {
  console.log('\nTEST_DATABASE_URL is not set: skipped the PostgreSQL pass (CI runs it).');
}
