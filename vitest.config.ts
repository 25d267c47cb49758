import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BrowserFirstSequencer } from './scripts/test-sequencer.js';

export default defineConfig({
  // Web and widget tests import the contracts by the name the dashboard and the widget use.
  resolve: { alias: { '@feedloop/contracts': fileURLToPath(new URL('src/contracts', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts', 'web/e2e/**/*.test.ts', 'widget/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    sequence: { sequencer: BrowserFirstSequencer },
  },
});
