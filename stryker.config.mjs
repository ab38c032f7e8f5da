// Mutation testing (issue 9): StrykerJS with its Vitest runner over the library and both sanitizing layers.
// `npm run mutate` runs it all (hours on 2 cores: not part of CI); `npm run mutate -- --mutate FILE` runs one
// file. The incremental file in bench/results/ lets a later run re-test only mutants whose code or tests changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'main/library/**/*.ts',
    'common/sanitize-policy.ts',
    'renderer/dom/sanitize-article.ts',
    // Thread and process entry points run outside the test process, where no mutant is ever active.
    '!main/library/worker.ts',
    '!main/library/search/search-thread.ts',
  ],
  ignorePatterns: ['release', 'test-artifacts', 'coverage', '.stryker-tmp', 'bench/results'],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'test-artifacts/mutation/mutation.json' },
  htmlReporter: { fileName: 'test-artifacts/mutation/mutation.html' },
  incremental: true,
  incrementalFile: 'bench/results/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  thresholds: { high: 85, low: 70, break: null },
};
