/**
 * Reading never needs to write, and a full disk loses nothing: a library on a read-only or a full file system
 * (a small tmpfs mounted for the test, as root) is listed, searched and read; an import that runs out of
 * space fails with a reason in words and leaves the library as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';

let root: string;
let pristine: string;
const mounts: string[] = [];
let canMount = false;

beforeAll(async () => {
  root = await tempDir('offprint-disk-');
  const probe = path.join(root, 'probe');
  await fs.mkdir(probe);
  canMount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (canMount) execFileSync('umount', [probe]);
  else
    console.log('skipped: the read-only and full-disk cases need to mount a tmpfs (root), not possible here');
  const inputs = path.join(root, 'inputs');
  await fs.mkdir(inputs);
  for (const word of ['zqxalpha', 'zqxbravo', 'zqxcharlie'])
    await fs.writeFile(path.join(inputs, `${word}.txt`), `Note ${word}\n\nThe harbour wall and ${word}.\n`);
  pristine = path.join(root, 'pristine');
  expect((await runCli(['import', '--library', pristine, inputs])).code).toBe(0);
});
afterAll(async () => {
  for (const m of mounts) spawnSync('umount', [m]);
  await removeDir(root);
});

/** The library copied onto a fresh tmpfs of `size`, with a stale journal beside it (a crash's). */
async function onTmpfs(name: string, size: string): Promise<string> {
  const mount = path.join(root, name);
  await fs.mkdir(mount);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount]);
  mounts.push(mount);
  const lib = path.join(mount, 'lib');
  await fs.cp(pristine, lib, { recursive: true });
  await fs.writeFile(path.join(lib, 'import.journal'), 'stale');
  return lib;
}

const cli = (lib: string, ...args: string[]) => runCli([...args, '--library', lib]);

async function readsWork(lib: string): Promise<void> {
  const list = await cli(lib, 'list', '--json');
  expect(list.stderr).toBe('');
  expect(list.code).toBe(0);
  const ids = (JSON.parse(list.stdout) as Array<{ id: string }>).map((a) => a.id);
  expect(ids).toHaveLength(3);
  const search = await cli(lib, 'search', 'zqxbravo', '--json');
  expect(search.code, search.stderr).toBe(0);
  expect(JSON.parse(search.stdout).total).toBe(1);
  const show = await cli(lib, 'show', ids[0]!);
  expect(show.code, show.stderr).toBe(0);
  expect(show.stdout).toContain('harbour');
}

describe('a library that cannot be written', () => {
  it('read-only, with a stale journal: list, search and show work (before: EROFS)', async () => {
    if (!canMount) return;
    const lib = await onTmpfs('ro', '4m');
    execFileSync('mount', ['-o', 'remount,ro', path.dirname(lib)]);
    await readsWork(lib);
    // Nothing could be tidied: the journal is still there for the next writer.
    expect(await fs.readdir(lib)).toContain('import.journal');
  });

  it('full, with a stale journal: list, search and show work (before: ENOSPC)', async () => {
    if (!canMount) return;
    const lib = await onTmpfs('full', '4m');
    await fill(path.dirname(lib), 0);
    await readsWork(lib);
  });

  it('an import that fills the disk fails in words and leaves the library as it was', async () => {
    if (!canMount) return;
    const lib = await onTmpfs('filling', '4m');
    await fs.rm(path.join(lib, 'import.journal'));
    const before = await snapshot(lib);
    const big = path.join(root, 'big.txt');
    await fs.writeFile(big, `Big note\n\n${'The harbour wall holds. '.repeat(20_000)}\n`);
    // Room for the lock and the journal, not for the article.
    await fill(path.dirname(lib), 24 * 1024);
    const r = await cli(lib, 'import', big);
    expect(r.code).toBe(1);
    const said = r.stdout + r.stderr;
    expect(said).toMatch(/the disk is full/);
    expect(said).not.toMatch(/ENOSPC|no space left/);
    expect(await snapshot(lib)).toEqual(before);
    await fs.rm(path.join(path.dirname(lib), 'filler'));
    expect((await cli(lib, 'list', '--json')).stdout).not.toContain('Big note');
  });
});

/** Fills the file system at `mount` but for `leave` bytes. */
async function fill(mount: string, leave: number): Promise<void> {
  const stat = await fs.statfs(mount);
  const free = stat.bavail * stat.bsize;
  const handle = await fs.open(path.join(mount, 'filler'), 'w');
  try {
    const chunk = Buffer.alloc(64 * 1024, 1);
    for (let left = free - leave; left > 0; left -= chunk.length) {
      const ok = await handle.write(chunk, 0, Math.min(chunk.length, left)).then(
        () => true,
        () => false,
      );
      if (!ok) break;
    }
  } finally {
    await handle.close();
  }
}

/** Every file of the library but the search index's own (a catch-up may redo it) and their contents. */
async function snapshot(lib: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else out[path.relative(lib, p)] = await fs.readFile(p, 'utf8');
    }
  };
  await walk(lib);
  return out;
}
