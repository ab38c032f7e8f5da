/**
 * A Vitest reporter for mutation runs only (vitest.mutate.config.ts). StrykerJS's Vitest runner (9.5.1) builds a
 * mutant's result from the tests it collected, and a test file whose import throws collects none: a static
 * mutant that makes a module throw while loading (a table built from `() => undefined`) was scored Survived
 * though every test of the file failed with it (stryker-js issue 6150). This gives each test file that failed
 * with no test in it one failed test carrying its load error, so such a mutant counts as killed; a file that
 * loaded is left as it is.
 */
import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

export default class LoadFailureAsTest implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state === 'fail' && file.tasks.length === 0) file.tasks.push(loadFailure(file));
    }
  }
}

/** A finished, failed test standing for the file's load error (only its result and place are ever read). */
function loadFailure(file: RunnerTestFile): RunnerTestCase {
  return {
    type: 'test',
    id: `${file.id}_load`,
    name: 'loads',
    mode: 'run',
    file,
    suite: file,
    meta: {},
    result: { state: 'fail', errors: file.result?.errors ?? [] },
  } as unknown as RunnerTestCase;
}
