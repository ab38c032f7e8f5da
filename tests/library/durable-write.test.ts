/**
 * A staged file is on disk before anything names it: writeTempSynced writes and fsyncs the temporary file
 * (the rename into place comes later, at commit). The fsync is watched on the FileHandle it goes through.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeTempSynced } from '../../main/library/store/durable-write';
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
