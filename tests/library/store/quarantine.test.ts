/**
 * Quarantine, called directly on a real library folder: a damaged article's folder moved whole with its reason
 * written first, a second one of the same id kept beside the first, and the list read back oldest first, with
 * what is missing said. damage.test.ts checks the same through whole libraries.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listQuarantine, moveToQuarantine, QUARANTINE_DIR } from '../../../main/library/store/quarantine';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';

let lib: string;
beforeEach(async () => {
  lib = await tempDir();
});
afterEach(async () => {
  await removeDir(lib);
});

async function article(id: string): Promise<string> {
  const dir = path.join(lib, 'articles', id.slice(0, 2), id);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'article.json'), '{"id":');
  await fs.writeFile(path.join(dir, 'original.txt'), 'the original');
  return dir;
}

describe('quarantine', () => {
  it('moves the folder whole, with its reason, where it came from and when', async () => {
    expect(await listQuarantine(lib)).toEqual([]);
    const dir = await article('ab12');
    const before = new Date().toISOString();
    const target = await moveToQuarantine(lib, dir, 'article ab12: article.json is not complete JSON');
    expect(target).toBe(path.join(lib, QUARANTINE_DIR, 'ab12'));
    await expect(fs.access(dir)).rejects.toThrow();
    expect((await fs.readdir(target)).sort()).toEqual(['article.json', 'original.txt', 'reason.txt']);
    expect(await fs.readFile(path.join(target, 'original.txt'), 'utf8')).toBe('the original');
    const [reason, found, from, end] = (await fs.readFile(path.join(target, 'reason.txt'), 'utf8')).split(
      '\n',
    );
    expect(reason).toBe('article ab12: article.json is not complete JSON');
    expect(found!.replace(/^found: /, '') >= before).toBe(true);
    expect(found).toMatch(/^found: \d{4}-\d\d-\d\dT/);
    expect(from).toBe(`from: ${path.join('articles', 'ab', 'ab12')}`);
    expect(end).toBe('');
    const listed = await listQuarantine(lib);
    expect(listed).toEqual([
      {
        id: 'ab12',
        folder: target,
        reason: 'article ab12: article.json is not complete JSON',
        at: found!.slice(7),
      },
    ]);
  });

  it('keeps a second article of the same id beside the first, and lists both under the id', async () => {
    const first = await moveToQuarantine(lib, await article('ab12'), 'first');
    const second = await moveToQuarantine(lib, await article('ab12'), 'second');
    const third = await moveToQuarantine(lib, await article('ab12'), 'third');
    expect([first, second, third].map((f) => path.basename(f))).toEqual(['ab12', 'ab12-2', 'ab12-3']);
    const listed = await listQuarantine(lib);
    expect(listed.map((q) => [q.id, q.reason])).toEqual([
      ['ab12', 'first'],
      ['ab12', 'second'],
      ['ab12', 'third'],
    ]);
  });

  it('lists oldest first, and says when a folder has no reason', async () => {
    const root = path.join(lib, QUARANTINE_DIR);
    for (const [name, at] of [
      ['cc', '2024-03-01T00:00:00.000Z'],
      ['aa', '2024-01-01T00:00:00.000Z'],
      ['bb', '2024-02-01T00:00:00.000Z'],
    ]) {
      await fs.mkdir(path.join(root, name!), { recursive: true });
      await fs.writeFile(path.join(root, name!, 'reason.txt'), `damaged ${name}\nfound: ${at}\nfrom: x\n`);
    }
    await fs.mkdir(path.join(root, 'zz'));
    const listed = await listQuarantine(lib);
    expect(listed.map((q) => [q.id, q.reason, q.at])).toEqual([
      ['zz', 'no reason recorded', ''],
      ['aa', 'damaged aa', '2024-01-01T00:00:00.000Z'],
      ['bb', 'damaged bb', '2024-02-01T00:00:00.000Z'],
      ['cc', 'damaged cc', '2024-03-01T00:00:00.000Z'],
    ]);
  });
});
