/**
 * Vitest setup file for mutation runs only (vitest.mutate.config.ts). StrykerJS activates a mutant by setting
 * `globalThis.__stryker__.activeMutant` in the test process; the library's import worker and search threads
 * have a globalThis of their own, so a mutant in code they run would never be active there and could survive
 * for no reason but where the code ran. Stryker's instrumented code also reads the mutant from the environment
 * variable below when its namespace has none, and a worker thread starts with a copy of its parent's
 * environment: copying the active mutant there before each file's hooks run (after Stryker's own setup file,
 * which Stryker puts first) makes threads started by the tests run the same mutant.
 */
import { beforeAll } from 'vitest';

const ENV = '__STRYKER_ACTIVE_MUTANT__';

beforeAll(() => {
  const ns = (globalThis as { __stryker__?: { activeMutant?: string } }).__stryker__;
  const active = ns?.activeMutant;
  if (active === undefined) delete process.env[ENV];
  else process.env[ENV] = active;
});
