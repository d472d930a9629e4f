import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (Node: core, data, engine, spectra) and `e2e` (builds the app and drives
 * Debian's Chromium through playwright-core). `npm test` runs both.
 */
export default defineConfig({
  test: {
    // Says which CIFAR-10 folder the tests read (or stops with the command that provides one).
    globalSetup: ['test/globalSetup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One production build for all e2e files (test/e2e/buildSite.ts).
          globalSetup: ['test/e2e/buildSite.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
