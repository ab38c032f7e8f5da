import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant: those that call the library in this process. Tests that run
// the built CLI, a browser or a child process under strace exercise dist/ or another process, where no mutant
// is active, so they could only slow the run; the BBC corpus test is the slowest and adds no coverage.
export default defineConfig({
  test: {
    include: ['tests/library/**/*.test.ts', 'tests/common/**/*.test.ts', 'tests/renderer/dom/**/*.test.ts'],
    exclude: ['tests/library/bbc-corpus.test.ts', 'tests/library/durable-write-order.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
