// Whether dist/cli holds a build of the current sources, checked at every start of `offprint` (a few dozen
// stats: cheap). The build records when it started and which source files went into the CLI and its workers
// (dist/cli/build-inputs.json); a source changed since then makes the build stale. Sources that are not there
// (an installed package ships only the build) are not compared.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const CLI_ENTRY = path.join('dist', 'cli', 'offprint.js');
export const CLI_BUILD_INPUTS = path.join('dist', 'cli', 'build-inputs.json');

/** Null when `root`'s CLI build is there and current; otherwise what is wrong with it, in a few words. */
export function cliBuildProblem(root) {
  let record;
  try {
    statSync(path.join(root, CLI_ENTRY));
    record = JSON.parse(readFileSync(path.join(root, CLI_BUILD_INPUTS), 'utf8'));
  } catch {
    return 'the build is missing';
  }
  for (const input of record.inputs ?? []) {
    let modified;
    try {
      modified = statSync(path.join(root, input)).mtimeMs;
    } catch {
      continue;
    }
    if (!(modified <= record.builtAt)) return `the build is older than ${input}`;
  }
  return null;
}
