/**
 * A staged file is on disk before anything names it: writeTempSynced writes and fsyncs the temporary file
 * (the rename into place comes later, at commit). The fsync is watched on the FileHandle it goes through.
 * writeFileDurable's whole order (temp written and fsynced, renamed, folder fsynced) is watched the same way,
 * in process (each fsync's file named through /proc/self/fd), beside the strace test of a real child
 * (durable-write-order.test.ts); and a failed write leaves no temporary file and the target as it was.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fsyncDirectory,
  fsyncFile,
  writeFileDurable,
  writeTemp,
  writeTempSynced,
} from '../../main/library/store/durable-write';
import { removeDir, tempDir } from '../helpers/fixtures-and-shared';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => removeDir(dir));

describe('writeTempSynced', () => {
  it('fsyncs the temporary file once its data is all written, and leaves the target alone', async () => {
    const probe = await fs.open(path.join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
    await probe.close();
    const seen: string[] = [];
    const spy = vi.spyOn(proto, 'sync').mockImplementation(async function (this: { fd: number }) {
      // What the file holds at the moment of the fsync.
      const temps = (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));
      for (const name of temps) seen.push(await fs.readFile(path.join(dir, name), 'utf8'));
    });
    try {
      const target = path.join(dir, 'article.json');
      const data = 'x'.repeat(200_000);
      const temp = await writeTempSynced(target, data);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(seen).toEqual([data]);
      expect(path.dirname(temp)).toBe(dir);
      expect(temp).not.toBe(target);
      await expect(fs.access(target)).rejects.toThrow();
    } finally {
      spy.mockRestore();
    }
  });
});

/** Runs `act` with every FileHandle.sync recorded as [the synced path, the target's content at that moment]. */
async function watchSyncs(target: string, act: () => Promise<void>): Promise<[string, string | null][]> {
  const probe = await fs.open(path.join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
  await probe.close();
  const seen: [string, string | null][] = [];
  const real = proto.sync;
  const spy = vi.spyOn(proto, 'sync').mockImplementation(async function (this: { fd: number }) {
    const synced = await fs.readlink(`/proc/self/fd/${this.fd}`);
    seen.push([synced, await fs.readFile(target, 'utf8').catch(() => null)]);
    return real.call(this);
  });
  try {
    await act();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

const temps = async (folder: string) => (await fs.readdir(folder)).filter((n) => n.endsWith('.tmp'));

describe.skipIf(process.platform !== 'linux')('writeFileDurable', () => {
  it('writes a temporary file, fsyncs it, renames it over the target, then fsyncs the folder', async () => {
    const folder = path.join(dir, 'order');
    await fs.mkdir(folder);
    const target = path.join(folder, 'catalog.json');
    await fs.writeFile(target, 'old');
    const seen = await watchSyncs(target, () => writeFileDurable(target, 'new'));
    expect(seen).toHaveLength(2);
    // The temporary file is fsynced while the target still holds the old bytes...
    expect(seen[0]![0]).toMatch(new RegExp(`^${folder}/catalog\\.json\\.[0-9a-f]{12}\\.tmp$`));
    expect(seen[0]![1]).toBe('old');
    // ...and the folder after the rename made the new bytes the target's.
    expect(seen[1]).toEqual([folder, 'new']);
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    expect(await temps(folder)).toEqual([]);
  });

  it('leaves no temporary file and the target as it was when the rename fails', async () => {
    const folder = path.join(dir, 'rename-fails');
    const target = path.join(folder, 'taken');
    // A folder in the target's place: renaming a file over it fails (EISDIR).
    await fs.mkdir(path.join(target, 'inside'), { recursive: true });
    await expect(writeFileDurable(target, 'data')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(await temps(folder)).toEqual([]);
    expect(await fs.readdir(target)).toEqual(['inside']);
  });

  it('fails with the reason, creating nothing, when the folder does not exist', async () => {
    const target = path.join(dir, 'missing', 'file.json');
    await expect(writeFileDurable(target, 'data')).rejects.toThrow(/ENOENT/);
    await expect(writeTempSynced(target, 'data')).rejects.toThrow(/ENOENT/);
    await expect(fs.access(path.join(dir, 'missing'))).rejects.toThrow();
  });
});

describe('writeTemp and writeTempSynced', () => {
  it('write beside the target under a fresh name, readable by all and writable by the owner only', async () => {
    const folder = path.join(dir, 'modes');
    await fs.mkdir(folder);
    const target = path.join(folder, 'a.json');
    // With no umask, the mode given is the mode the file gets. A worker thread (Stryker's runner) cannot set
    // one: there the file gets the mode less the process's umask.
    const settable = isMainThread;
    const umask = settable ? process.umask(0) : process.umask();
    try {
      const names = [
        await writeTemp(target, 'one'),
        await writeTemp(target, 'two'),
        await writeTempSynced(target, 'three'),
      ];
      for (const name of names) {
        expect(name).toMatch(/\/a\.json\.[0-9a-f]{12}\.tmp$/);
        expect((await fs.stat(name)).mode & 0o777).toBe(0o644 & ~(settable ? 0 : umask));
      }
      expect(new Set(names).size).toBe(3);
      expect(await Promise.all(names.map((n) => fs.readFile(n, 'utf8')))).toEqual(['one', 'two', 'three']);
      await expect(fs.access(target)).rejects.toThrow();
    } finally {
      if (settable) process.umask(umask);
    }
  });

  it('fsync a file and a folder that exist, and fail on one that does not', async () => {
    const file = path.join(dir, 'synced');
    await fs.writeFile(file, 'x');
    const seen = await watchSyncs(file, async () => {
      await fsyncFile(file);
      await fsyncDirectory(dir);
    });
    expect(seen.map(([p]) => p)).toEqual([file, dir]);
    await expect(fsyncFile(path.join(dir, 'absent'))).rejects.toThrow(/ENOENT/);
    await expect(fsyncDirectory(path.join(dir, 'absent'))).rejects.toThrow(/ENOENT/);
  });
});

/** The files under `folder` this process still has open (read through /proc/self/fd). */
async function openUnder(folder: string): Promise<string[]> {
  const targets = await Promise.all(
    (await fs.readdir('/proc/self/fd')).map((fd) => fs.readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  );
  return targets.filter((t) => t === folder || t.startsWith(`${folder}/`));
}

describe.skipIf(process.platform !== 'linux')('what a write leaves behind', () => {
  it('closes every file and folder it opened, whether it succeeds or fails', async () => {
    const folder = path.join(dir, 'handles');
    await fs.mkdir(folder);
    const target = path.join(folder, 'a.json');
    await writeFileDurable(target, 'one');
    await writeTempSynced(target, 'two');
    await fsyncFile(target);
    await fsyncDirectory(folder);
    await expect(writeTempSynced(target, 42 as unknown as string)).rejects.toThrow(TypeError);
    expect(await openUnder(folder)).toEqual([]);
  });

  it('reports the data it could not write as it is, leaving no temporary file', async () => {
    const folder = path.join(dir, 'bad-data');
    await fs.mkdir(folder);
    const target = path.join(folder, 'a.json');
    // Refused before anything is created: the clean-up must not replace the reason with its own failure.
    await expect(writeTemp(target, 42 as unknown as string)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARG_TYPE',
    });
    await expect(writeFileDurable(target, 42 as unknown as string)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARG_TYPE',
    });
    expect(await fs.readdir(folder)).toEqual([]);
  });
});
