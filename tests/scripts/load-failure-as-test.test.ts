/**
 * The mutation runs' reporter (tests/helpers/load-failure-as-test.ts): a real Vitest run, through Vitest's Node
 * API, over two test files written for the test, one that cannot load and one that loads and passes. Stryker
 * reads the run's files and the tests they hold; the file that cannot load must hold one failed test carrying its
 * load error, and the file that loaded must be left as it was.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import LoadFailureAsTest from '../helpers/load-failure-as-test';
import { removeDir, tempDir } from '../helpers/fixtures-and-shared';

describe('the load-failure reporter of mutation runs', () => {
  let root: string;
  beforeAll(async () => {
    root = await tempDir();
    await fs.writeFile(
      path.join(root, 'broken-module.mjs'),
      'export const table = new Map([undefined]);\n', // what a static mutant may leave: throws on import
    );
    await fs.writeFile(
      path.join(root, 'broken.test.mjs'),
      "import { it } from 'vitest';\nimport { table } from './broken-module.mjs';\nit('reads', () => table.get(1));\n",
    );
    await fs.writeFile(
      path.join(root, 'fine.test.mjs'),
      "import { expect, it } from 'vitest';\nit('adds', () => expect(1 + 1).toBe(2));\n",
    );
  });
  afterAll(async () => {
    await removeDir(root);
  });

  it('gives a test file that cannot load one failed test with its error, and leaves a loaded one alone', async () => {
    const vitest = await createVitest(
      'test',
      { root, config: false, watch: false, include: ['*.test.mjs'], reporters: [new LoadFailureAsTest()] },
      {},
    );
    try {
      await vitest.start();
      const files = new Map(vitest.state.getFiles().map((file) => [path.basename(file.filepath), file]));
      const broken = files.get('broken.test.mjs')!;
      expect(broken.result?.state).toBe('fail');
      expect(broken.tasks.map((task) => [task.type, task.name, task.result?.state])).toEqual([
        ['test', 'loads', 'fail'],
      ]);
      expect(broken.tasks[0]!.result?.errors?.[0]?.message).toContain('is not an entry object');
      const fine = files.get('fine.test.mjs')!;
      expect(fine.tasks.map((task) => [task.type, task.name, task.result?.state])).toEqual([
        ['test', 'adds', 'pass'],
      ]);
    } finally {
      await vitest.close();
    }
  });
});
