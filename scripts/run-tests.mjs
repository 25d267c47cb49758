#!/usr/bin/env node
// The whole test suite: type-check, build the widget and the dashboard, run every test on the embedded
// database, then again on PostgreSQL when TEST_DATABASE_URL names a server.
import { spawnSync } from 'node:child_process';

const run = (cmd, args, env = {}) => {
  console.log(`\n> ${[cmd, ...args].join(' ')}${Object.keys(env).length ? `  (${Object.entries(env).map(([k, v]) => `${k}=${v || '(unset)'}`).join(' ')})` : ''}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) process.exit(res.status ?? 1);
};

const pgUrl = process.env.TEST_DATABASE_URL;
run('npx', ['tsc', '--noEmit', '-p', '.']);
run('npx', ['tsc', '--noEmit', '-p', 'web']);
run('npx', ['tsc', '--noEmit', '-p', 'widget']);
run('node', ['scripts/build-widget.mjs']);
run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
run('npx', ['vitest', 'run'], { TEST_DATABASE_URL: '' });
if (pgUrl) {
  // Browser tests drive the same server code; the database-facing suites run again on PostgreSQL.
  run('npx', ['vitest', 'run', '--exclude', 'web/**'], { TEST_DATABASE_URL: pgUrl });
} else {
  console.log('\nTEST_DATABASE_URL is not set: skipped the PostgreSQL pass (CI runs it).');
}
