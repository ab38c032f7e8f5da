// The `offprint` command runs the build (dist/cli), not the TypeScript sources: proved by running it from a copy
// laid out as an installed package is (bin/, dist/cli/, package.json, the production dependencies), where there
// is no TypeScript source and no tsx to load one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, REPO, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';

let root: string;

beforeAll(async () => {
  root = await tempDir();
});
afterAll(() => removeDir(root));

/** `dir` made into an installed `offprint`: its production dependencies linked, nothing else (no tsx). */
async function installedCopy(dir: string): Promise<string> {
  await fs.cp(path.join(REPO, 'bin'), path.join(dir, 'bin'), { recursive: true });
  await fs.cp(path.join(REPO, 'dist', 'cli'), path.join(dir, 'dist', 'cli'), { recursive: true });
  await fs.copyFile(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
  const pkg = JSON.parse(await fs.readFile(path.join(REPO, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(pkg.dependencies)) {
    const link = path.join(dir, 'node_modules', name);
    await fs.mkdir(path.dirname(link), { recursive: true });
    await fs.symlink(path.join(REPO, 'node_modules', name), link, 'junction');
  }
  return path.join(dir, 'bin', 'offprint.mjs');
}

describe('the offprint command', () => {
  it('runs the compiled build, with no TypeScript sources and no tsx', async () => {
    const bin = await installedCopy(path.join(root, 'installed'));
    // The copy really cannot load tsx (so it cannot be running .ts files through it).
    const tsx = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('tsx/esm/api')"], {
      cwd: path.dirname(bin),
      encoding: 'utf8',
    });
    expect(tsx.status).not.toBe(0);
    expect(tsx.stderr).toMatch(/Cannot find package 'tsx'/);

    const inputs = path.join(root, 'inputs');
    const lib = path.join(root, 'lib');
    await writeFixtures(inputs);
    // Importing runs the library's worker thread, which must sit beside the build (dist/cli/library-worker.js).
    const imported = await runCli(['import', '--library', lib, '--json', inputs], {}, bin);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).imported).toHaveLength(5);

    const search = await runCli(['search', '--library', lib, 'dock', 'workers'], {}, bin);
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/^1 article \(\d+(\.\d+)? ms\)$/m);
    expect(search.stdout).toContain('Harbour cranes return to the old port after ten years');
  });

  it('says in one line when the build is stale or missing, and runs nothing', async () => {
    const bin = await installedCopy(path.join(root, 'stale'));
    const dir = path.dirname(path.dirname(bin));
    // A source edited after the build (an installed package has none: only sources present are compared).
    const source = path.join(dir, 'main', 'cli', 'main.ts');
    await fs.mkdir(path.dirname(source), { recursive: true });
    await fs.writeFile(source, '// edited\n');
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(source, later, later);
    const stale = await runCli(['list', '--library', path.join(root, 'never')], {}, bin);
    expect(stale).toEqual({
      code: 1,
      stdout: '',
      stderr: 'offprint: the build is older than main/cli/main.ts; run `npm run build`\n',
    });

    await fs.rm(path.join(dir, 'dist'), { recursive: true });
    const missing = await runCli(['list', '--library', path.join(root, 'never')], {}, bin);
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: 'offprint: the build is missing; run `npm run build`\n',
    });
    await expect(fs.access(path.join(root, 'never'))).rejects.toThrow();
  });
});
