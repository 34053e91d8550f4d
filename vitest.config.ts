import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two at a time, whatever the project: the machines this runs on have two cores.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A compile of a fixture deck subsets the font once (seconds) and may draw in Chromium.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // One build of the deck and one static server for every browser test.
          globalSetup: ['tests/browser/setup/serve-built-deck.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two files at a time: a browser test mostly waits (on pages, servers, exports), and
          // one file alone kept the two cores half idle.
          fileParallelism: true,
        },
      },
      {
        test: {
          name: 'live',
          include: ['tests/live/**/*.test.ts'],
          environment: 'node',
          // Real server processes and redis-server on two cores: one file at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
