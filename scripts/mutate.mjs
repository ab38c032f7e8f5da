// Runs StrykerJS over one named group: the files to mutate and the tests that claim to guard them, so a run fits
// a 2-core machine (a whole-suite test set makes each mutant re-run dozens of slow tests). Usage:
//   node scripts/mutate.mjs GROUP [more stryker options]     e.g.  nice node scripts/mutate.mjs sanitizer
//   node scripts/mutate.mjs --list                           the groups, their files and tests
//   node scripts/mutate.mjs GROUP --sample 0.1 [--seed 1]    a seeded random tenth of the group's code
//                                                            (scripts/mutate-sample.mjs), recorded as GROUP-sample
// Each group keeps its own incremental file (bench/results/stryker-incremental-GROUP.json), so a later run
// re-tests only mutants whose code or tests changed, and its own JSON report (test-artifacts/mutation/GROUP.json)
// listing every survivor. Results are written up in bench/results/mutation.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPS } from './mutate-groups.mjs';
import { samplePatterns } from './mutate-sample.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [name, ...rest] = process.argv.slice(2);
/** Takes `--flag value` out of the options passed on to Stryker. */
function option(flag) {
  const at = rest.indexOf(flag);
  return at < 0 ? undefined : rest.splice(at, 2)[1];
}
const fraction = option('--sample');
const seed = Number(option('--seed') ?? 1);
const extra = rest;

if (name === undefined || name === '--list' || !(name in GROUPS)) {
  for (const [group, { mutate, tests }] of Object.entries(GROUPS))
    console.log(`${group}\n  mutate: ${mutate.join(' ')}\n  tests:  ${tests.join(' ')}`);
  process.exit(name === '--list' ? 0 : 2);
}

const { mutate, tests } = GROUPS[name];
const run = fraction === undefined ? name : `${name}-sample`;
const patterns = fraction === undefined ? mutate : samplePatterns(root, mutate, Number(fraction), seed);
const args = [
  'run',
  '--mutate',
  patterns.join(','),
  // A full test suite may be running beside it: one test process, so the run never starves it.
  '--concurrency',
  '1',
  // Each group's sandbox apart (under the ignored .stryker-tmp/), so two groups can run at once.
  ...(extra.includes('--tempDirName') ? [] : ['--tempDirName', path.join('.stryker-tmp', run)]),
  ...extra,
];
const stryker = path.join(root, 'node_modules', '.bin', 'stryker');
const result = spawnSync(stryker, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OFFPRINT_MUTATE_GROUP: run, OFFPRINT_MUTATE_TESTS: tests.join(',') },
});
process.exit(result.status ?? 1);
