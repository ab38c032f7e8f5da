// Runs StrykerJS over one named group: the files to mutate and the tests that claim to guard them, so a run fits
// a 2-core machine (a whole-suite test set makes each mutant re-run dozens of slow tests). Usage:
//   node scripts/mutate.mjs GROUP [more stryker options]     e.g.  nice node scripts/mutate.mjs sanitizer
//   node scripts/mutate.mjs --list                           the groups, their files and tests
// Each group keeps its own incremental file (bench/results/stryker-incremental-GROUP.json), so a later run
// re-tests only mutants whose code or tests changed, and its own JSON report (test-artifacts/mutation/GROUP.json)
// listing every survivor. Results are written up in bench/results/mutation.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPS } from './mutate-groups.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [name, ...extra] = process.argv.slice(2);

if (name === undefined || name === '--list' || !(name in GROUPS)) {
  for (const [group, { mutate, tests }] of Object.entries(GROUPS))
    console.log(`${group}\n  mutate: ${mutate.join(' ')}\n  tests:  ${tests.join(' ')}`);
  process.exit(name === '--list' ? 0 : 2);
}

const { mutate, tests } = GROUPS[name];
const args = [
  'run',
  '--mutate',
  mutate.join(','),
  // A full test suite may be running beside it: one test process, so the run never starves it.
  '--concurrency',
  '1',
  // Each group's sandbox apart (under the ignored .stryker-tmp/), so two groups can run at once.
  ...(extra.includes('--tempDirName') ? [] : ['--tempDirName', path.join('.stryker-tmp', name)]),
  ...extra,
];
const stryker = path.join(root, 'node_modules', '.bin', 'stryker');
const run = spawnSync(stryker, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OFFPRINT_MUTATE_GROUP: name, OFFPRINT_MUTATE_TESTS: tests.join(',') },
});
process.exit(run.status ?? 1);
