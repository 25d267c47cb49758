import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BrowserFirstSequencer } from './scripts/test-sequencer.js';

const BROWSER_TESTS = ['web/e2e/**/*.test.ts', 'widget/**/*.browser.test.ts'];

export default defineConfig({
  // Web and widget tests import the contracts by the name the dashboard and the widget use.
  resolve: { alias: { '@feedloop/contracts': fileURLToPath(new URL('src/contracts', import.meta.url)) } },
  test: {
    pool: 'forks',
    // Two by default (CI has two cores). The command line's --maxWorkers does not reach the
    // projects below, which take this value: TEST_WORKERS sets it instead (npm test runs the
    // PostgreSQL pass in one worker beside the embedded pass).
    maxWorkers: Number(process.env.TEST_WORKERS) || 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    sequence: { sequencer: BrowserFirstSequencer },
    projects: [
      // Every file shares its worker's loaded modules with the files run before it instead of
      // importing the whole server again (half the suite's time went to imports), and with them
      // the analysis models already loaded and, for browser files, the worker's Chromium. No test
      // mocks a module or changes globals, each opens its own database and each browser test its
      // own browser context, so nothing carries over.
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS, isolate: false } },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts', 'widget/**/*.test.ts'],
          exclude: BROWSER_TESTS,
          isolate: false,
        },
      },
    ],
  },
});
