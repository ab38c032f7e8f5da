import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant. By default those that call the library in this process; tests
// that run the built CLI, a browser or a child process under strace exercise another process, where no mutant
// is active, so they could only slow the run; the BBC corpus test is the slowest and adds no coverage.
// OFFPRINT_MUTATE_TESTS (comma-separated globs, set by scripts/mutate.mjs for a named group) narrows the set to
// the tests that claim to guard the files being mutated: every mutant re-runs each test that covers it, so a
// whole-suite set makes even one file's run take hours on 2 cores.
const chosen = process.env['OFFPRINT_MUTATE_TESTS']
  ?.split(',')
  .map((glob) => glob.trim())
  .filter((glob) => glob !== '');

export default defineConfig({
  test: {
    include:
      chosen && chosen.length > 0
        ? chosen
        : ['tests/library/**/*.test.ts', 'tests/common/**/*.test.ts', 'tests/renderer/dom/**/*.test.ts'],
    exclude: ['tests/library/bbc-corpus.test.ts', 'tests/library/durable-write-order.test.ts'],
    // Stryker runs in a copy of the project (.stryker-tmp/sandbox-*) that has no dist/: the few tests here that
    // run the `offprint` command need it built there (from the sandbox's instrumented sources, where no mutant is
    // active: those tests still guard the in-process code they also call).
    globalSetup: ['tests/helpers/build-cli.ts'],
    // The library's import worker and search threads run in threads of their own: this mirrors the active
    // mutant into the environment they inherit, so a mutant is active there too.
    setupFiles: ['tests/helpers/mutant-in-threads.ts'],
    // A test file that cannot even load (a static mutant broke a module) counts as a failed test, not as none.
    reporters: ['default', './tests/helpers/load-failure-as-test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
