// Mutation testing (issue 9): StrykerJS with its Vitest runner over the library and both sanitizing layers.
// `npm run mutate` runs it all (hours on 2 cores: not part of CI); `npm run mutate -- --mutate FILE` runs one
// file. The incremental file in bench/results/ lets a later run re-test only mutants whose code or tests changed.
// `node scripts/mutate.mjs GROUP` runs a named group (scripts/mutate-groups.mjs) with the tests that guard it; it
// sets OFFPRINT_MUTATE_GROUP, which gives the group its own incremental file and reports (one group's run must
// not overwrite another's results), and OFFPRINT_MUTATE_TESTS, which vitest.mutate.config.ts reads.
const group = process.env['OFFPRINT_MUTATE_GROUP'];
const suffix = group ? `-${group}` : '';
const report = group ?? 'mutation';

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
  ignorePatterns: ['release', 'test-artifacts', 'coverage', '.stryker-tmp*', 'bench/results'],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `test-artifacts/mutation/${report}.json` },
  htmlReporter: { fileName: `test-artifacts/mutation/${report}.html` },
  incremental: true,
  incrementalFile: `bench/results/stryker-incremental${suffix}.json`,
  concurrency: 2,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  thresholds: { high: 85, low: 70, break: null },
};
