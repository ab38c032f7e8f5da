import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests run the built command: build it first if it is missing or stale.
    globalSetup: ['tests/helpers/build-cli.ts'],
    environment: 'node',
    // Corpus imports and browser tests do real work on a 2-core machine: generous, never a speed assertion.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // The JSON report lets .ci/run print one closing "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest-report.json' },
  },
});
