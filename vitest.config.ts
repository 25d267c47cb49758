import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BrowserFirstSequencer } from './scripts/test-sequencer.js';

const BROWSER_TESTS = ['web/e2e/**/*.test.ts', 'widget/**/*.browser.test.ts'];

export default defineConfig({
  // Web and widget tests import the contracts by the name the dashboard and the widget use.
  resolve: { alias: { '@feedloop/contracts': fileURLToPath(new URL('src/contracts', import.meta.url)) } },
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    sequence: { sequencer: BrowserFirstSequencer },
    projects: [
      // Each browser file gets a fresh process: it drives Chromium against its own server.
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS } },
      // The others share their worker's loaded modules from file to file instead of importing the
      // whole server again for each (half the suite's time went to imports). No test mocks a
      // module or changes globals, and each opens its own database, so nothing carries over.
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
