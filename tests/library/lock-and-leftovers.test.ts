/**
 * The library lock, the leftovers a crash leaves, and the bounded concurrency of the store's file work, called
 * directly on a real folder in this process. Another live process is this one's parent (it outlives the test);
 * a dead one is a pid above Linux's largest. library-lock.test.ts races real processes for the lock.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OffprintError } from '../../common/errors';
import { hasLeftovers, removeLeftovers } from '../../main/library/store/leftovers';
import {
  hasStaleLock,
  isLockLeftover,
  LibraryLock,
  LOCK_FILE,
  lockHeldByAnotherProcess,
  removeLockLeftovers,
} from '../../main/library/store/library-lock';
import { mapLimited, settleLimited } from '../../main/library/store/limited';
import { removeDir, tempDir } from '../helpers/fixtures-and-shared';

let dir: string;
let lock: string;
beforeEach(async () => {
  dir = await tempDir();
  lock = path.join(dir, LOCK_FILE);
});
afterEach(() => removeDir(dir));

const HOST = os.hostname();
/** Above pid_max (2^22 at most on Linux): no process has it. */
const DEAD = 2 ** 22 + 4321;
const ALIVE = process.ppid;

const owner = (pid: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ pid, host: HOST, since: '2024-01-02T03:04:05Z', nonce: 'abc123', ...extra });

/** Sets a file's times a minute back: older than the grace a lock being written gets. */
async function age(file: string): Promise<void> {
  const old = new Date(Date.now() - 60_000);
  await fs.utimes(file, old, old);
}

async function rejection(promise: Promise<unknown>): Promise<OffprintError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OffprintError);
  return error as OffprintError;
}

const held = (who = '') =>
  `The library ${dir} is being changed by another Offprint process${who}. Try again when it has finished.`;

describe('taking the lock', () => {
  it('writes who holds it, leaves nothing else, and releases it', async () => {
    const before = Date.now();
    const taken = await LibraryLock.acquire(dir);
    const stored = JSON.parse(await fs.readFile(lock, 'utf8'));
    expect(stored).toEqual({
      pid: process.pid,
      host: HOST,
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      nonce: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(Date.parse(stored.since)).toBeGreaterThanOrEqual(before - 1000);
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
    await taken.release();
    expect(await fs.readdir(dir)).toEqual([]);
    // Released twice, or after someone removed it: nothing to do.
    await taken.release();
  });

  it('is refused while it is held, by this process or a live one, naming the holder', async () => {
    const taken = await LibraryLock.acquire(dir);
    const again = await rejection(LibraryLock.acquire(dir));
    expect(again.kind).toBe('locked');
    expect(again.message).toMatch(new RegExp(`^The library .* \\(pid ${process.pid} on `));
    await taken.release();

    await fs.writeFile(lock, owner(ALIVE));
    expect(await rejection(LibraryLock.acquire(dir))).toMatchObject({
      kind: 'locked',
      message: held(` (pid ${ALIVE} on ${HOST}, since 2024-01-02T03:04:05Z)`),
    });
    // Written by an older Offprint, without a date or nonce.
    await fs.writeFile(lock, JSON.stringify({ pid: ALIVE, host: HOST }));
    expect((await rejection(LibraryLock.acquire(dir))).message).toBe(
      held(` (pid ${ALIVE} on ${HOST}, since unknown)`),
    );
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
  });

  it('counts a lock of another machine as held, whatever its pid', async () => {
    await fs.writeFile(lock, owner(DEAD, { host: 'elsewhere.example' }));
    expect((await rejection(LibraryLock.acquire(dir))).message).toBe(
      held(` (pid ${DEAD} on elsewhere.example, since 2024-01-02T03:04:05Z)`),
    );
  });

  it('takes over the lock of a dead process, leaving nothing of it', async () => {
    await fs.writeFile(lock, owner(DEAD));
    const taken = await LibraryLock.acquire(dir);
    expect(JSON.parse(await fs.readFile(lock, 'utf8')).pid).toBe(process.pid);
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
    await taken.release();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('treats an unreadable lock as one being written while fresh, and as abandoned once old', async () => {
    for (const content of ['', '{"pid":', JSON.stringify({ pid: '12', host: HOST }), '{"pid":12}']) {
      await fs.writeFile(lock, content);
      expect(await rejection(LibraryLock.acquire(dir))).toMatchObject({ kind: 'locked', message: held() });
      await age(lock);
      const taken = await LibraryLock.acquire(dir);
      expect(JSON.parse(await fs.readFile(lock, 'utf8')).pid).toBe(process.pid);
      expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
      await taken.release();
    }
  });

  it('treats a lock it cannot read for another reason than its absence as held', async () => {
    await fs.mkdir(lock);
    expect(await rejection(LibraryLock.acquire(dir))).toMatchObject({ kind: 'locked', message: held() });
  });

  it('gives up after three tries when the lock keeps being there and gone', async () => {
    // A link to nothing: the name exists (the hard link fails), but reading it finds no file.
    await fs.symlink(path.join(dir, 'nowhere'), lock);
    expect(await rejection(LibraryLock.acquire(dir))).toMatchObject({
      kind: 'locked',
      message: `Could not lock the library ${dir}; another process keeps taking it.`,
    });
    expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
  });

  it('says in words why it could not be taken at all', async () => {
    const missing = path.join(dir, 'missing');
    const error = await rejection(LibraryLock.acquire(missing));
    expect(error.kind).toBe('failed');
    expect(error.message).toMatch(
      /^Could not lock the library to change it: cannot (write|open) .*missing\/offprint\.lock\.\d+\.[0-9a-f]{16}\.tmp: it does not exist$/,
    );
  });

  it('takes it on a file system without hard links by creating it exclusively, and is refused the same', async () => {
    const realLink = fs.link;
    for (const code of ['EPERM', 'ENOTSUP', 'EXDEV']) {
      // What a FAT drive answers to a hard link. A fourth link goes through, so a retrying loop ends.
      let links = 0;
      const link = vi.spyOn(fs, 'link').mockImplementation(async (from, to) => {
        if (++links > 3) return realLink(from, to);
        throw Object.assign(new Error(`${code}: no hard links here, link '${String(from)}'`), {
          code,
          syscall: 'link',
        });
      });
      try {
        const taken = await LibraryLock.acquire(dir);
        expect([code, links]).toEqual([code, 1]);
        expect(JSON.parse(await fs.readFile(lock, 'utf8'))).toMatchObject({ pid: process.pid, host: HOST });
        expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
        await taken.release();
        await fs.writeFile(lock, owner(ALIVE));
        links = 0;
        expect(await rejection(LibraryLock.acquire(dir))).toMatchObject({
          kind: 'locked',
          message: held(` (pid ${ALIVE} on ${HOST}, since 2024-01-02T03:04:05Z)`),
        });
        expect([code, links, await fs.readFile(lock, 'utf8')]).toEqual([code, 1, owner(ALIVE)]);
        expect(await fs.readdir(dir)).toEqual([LOCK_FILE]);
        await fs.rm(lock);
      } finally {
        link.mockRestore();
      }
    }
  });

  it('says in words why a hard link failed for another reason, and creates nothing', async () => {
    const link = vi
      .spyOn(fs, 'link')
      .mockRejectedValue(
        Object.assign(new Error('EIO: i/o error, link'), { code: 'EIO', syscall: 'link', path: lock }),
      );
    try {
      expect(await rejection(LibraryLock.acquire(dir))).toMatchObject({
        kind: 'failed',
        message: `Could not lock the library to change it: cannot write ${lock}: the disk reported a read or write error`,
      });
      expect(link).toHaveBeenCalledTimes(1);
      expect(await fs.readdir(dir)).toEqual([]);
    } finally {
      link.mockRestore();
    }
  });

  it('releases only its own lock', async () => {
    const taken = await LibraryLock.acquire(dir);
    await fs.writeFile(lock, owner(process.pid, { nonce: 'someone-else' }));
    await taken.release();
    expect(JSON.parse(await fs.readFile(lock, 'utf8')).nonce).toBe('someone-else');
  });
});

describe('who holds the lock', () => {
  it('sees a stale lock only when its process of this machine is gone', async () => {
    expect(await hasStaleLock(dir)).toBe(false);
    await fs.writeFile(lock, owner(DEAD));
    expect(await hasStaleLock(dir)).toBe(true);
    await fs.writeFile(lock, owner(ALIVE));
    expect(await hasStaleLock(dir)).toBe(false);
    await fs.writeFile(lock, owner(DEAD, { host: 'elsewhere.example' }));
    expect(await hasStaleLock(dir)).toBe(false);
    await fs.writeFile(lock, 'not json');
    expect(await hasStaleLock(dir)).toBe(false);
  });

  it('sees another live process as the holder, never this one', async () => {
    expect(await lockHeldByAnotherProcess(dir)).toBe(false);
    await fs.writeFile(lock, owner(process.pid));
    expect(await lockHeldByAnotherProcess(dir)).toBe(false);
    await fs.writeFile(lock, owner(ALIVE));
    expect(await lockHeldByAnotherProcess(dir)).toBe(true);
    await fs.writeFile(lock, owner(DEAD));
    expect(await lockHeldByAnotherProcess(dir)).toBe(false);
    // This pid on another machine is another process.
    await fs.writeFile(lock, owner(process.pid, { host: 'elsewhere.example' }));
    expect(await lockHeldByAnotherProcess(dir)).toBe(true);
    await fs.writeFile(lock, '');
    expect(await lockHeldByAnotherProcess(dir)).toBe(false);
  });
});

describe('a folder where the lock file goes', () => {
  // Never written by this app (a sync tool's conflict, a person's mistake): it is refused in words, never moved
  // aside and deleted, and it does not keep a library from being opened to read.
  it('is refused, naming it, and left with what it holds', async () => {
    await fs.mkdir(lock);
    await fs.writeFile(path.join(lock, 'notes.txt'), 'mine');
    await age(lock);
    const error = await LibraryLock.acquire(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OffprintError);
    expect((error as OffprintError).kind).toBe('failed');
    expect((error as OffprintError).message).toBe(
      `Could not lock the library to change it: ${lock} is a folder, not Offprint's lock file. Move it out of the library, then try again.`,
    );
    expect(await fs.readFile(path.join(lock, 'notes.txt'), 'utf8')).toBe('mine');
    expect((await fs.readdir(dir)).filter((n) => n !== LOCK_FILE)).toEqual([]);
  });

  it('is not removed as a leftover when its name is one', async () => {
    const folder = path.join(dir, `offprint.lock.${DEAD}.ab12.stale`);
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'notes.txt'), 'mine');
    await fs.writeFile(path.join(dir, `offprint.lock.${DEAD}.cd34.tmp`), '');
    expect(await removeLockLeftovers(dir)).toEqual([path.join(dir, `offprint.lock.${DEAD}.cd34.tmp`)]);
    expect(await fs.readFile(path.join(folder, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe("the lock's leftovers", () => {
  it('knows its own temporary and aside names', () => {
    for (const name of [
      'offprint.lock.123.abc0.tmp',
      'offprint.lock.123.abc0.stale',
      'offprint.lock.abc0.tmp',
      'offprint.lock.ff.stale',
    ])
      expect([name, isLockLeftover(name)]).toEqual([name, true]);
    for (const name of [
      'offprint.lock',
      'offprint.lock.123.xyz.tmp',
      'offprint.lock.123.abc.tmpx',
      'offprint.lock.123.abc.stalex',
      'xoffprint.lock.123.abc.tmp',
      'offprint.lock..tmp',
      'offprint.lockx123.abc.tmp',
      'catalog.json.abc.tmp',
    ])
      expect([name, isLockLeftover(name)]).toEqual([name, false]);
  });

  it("removes those of dead processes and old ones, never a live contender's fresh one", async () => {
    const names = {
      dead: `offprint.lock.${DEAD}.ab12.tmp`,
      deadAside: `offprint.lock.${DEAD}.ab12.stale`,
      alive: `offprint.lock.${ALIVE}.cd34.tmp`,
      aliveOld: `offprint.lock.${ALIVE}.ef56.tmp`,
      noPid: 'offprint.lock.ab12.stale',
      noPidOld: 'offprint.lock.cd34.stale',
      notOurs: `offprint.lock.${DEAD}.xyz.tmp`,
      other: 'notes.tmp',
    };
    for (const name of Object.values(names)) await fs.writeFile(path.join(dir, name), '');
    await fs.writeFile(lock, owner(ALIVE));
    for (const name of [names.aliveOld, names.noPidOld, names.notOurs, names.other])
      await age(path.join(dir, name));
    // A link to nothing has no time: it counts as old.
    const dangling = 'offprint.lock.77.stale';
    await fs.symlink(path.join(dir, 'nowhere'), path.join(dir, dangling));

    const removed = await removeLockLeftovers(dir);
    expect(removed.sort()).toEqual(
      [names.dead, names.deadAside, names.aliveOld, names.noPidOld, dangling]
        .map((n) => path.join(dir, n))
        .sort(),
    );
    expect((await fs.readdir(dir)).sort()).toEqual(
      [LOCK_FILE, names.alive, names.noPid, names.notOurs, names.other].sort(),
    );
    expect(await removeLockLeftovers(path.join(dir, 'missing'))).toEqual([]);
  });
  it('leaves a name that only starts or ends like a leftover', async () => {
    const leftover = `offprint.lock.${DEAD}.ab12`;
    const names = [`offprint.lock.copy.${leftover}.tmp`, `${leftover}.tmp.bak`, `${leftover}.stale~`];
    for (const name of names) {
      await fs.writeFile(path.join(dir, name), '');
      await age(path.join(dir, name));
    }
    expect(await removeLockLeftovers(dir)).toEqual([]);
    expect((await fs.readdir(dir)).sort()).toEqual(names.sort());
  });
});

describe("a crash's leftovers in the library's own folders", () => {
  const folders = ['', 'index', path.join('index', 'catalog'), path.join('index', 'segments')];

  it('finds none in a clean library, nor in an article folder or a folder of its own', async () => {
    expect(await hasLeftovers(dir)).toBe(false);
    expect(await hasLeftovers(path.join(dir, 'missing'))).toBe(false);
    for (const folder of folders) await fs.mkdir(path.join(dir, folder), { recursive: true });
    await fs.mkdir(path.join(dir, 'articles', 'ab'), { recursive: true });
    await fs.writeFile(path.join(dir, 'articles', 'ab', 'article.json.1234.tmp'), '');
    await fs.mkdir(path.join(dir, 'index', 'other'));
    await fs.writeFile(path.join(dir, 'index', 'other', 'x.tmp'), '');
    await fs.writeFile(path.join(dir, 'catalog.json'), '{}');
    await fs.writeFile(path.join(dir, 'index', 'tmp'), '');
    // A lock that is held is not a leftover.
    await fs.writeFile(lock, owner(ALIVE));
    // A lock's name in a folder other than the root is nothing of the lock's.
    await fs.writeFile(path.join(dir, 'index', 'offprint.lock.ab.stale'), '');
    await fs.writeFile(path.join(dir, 'index', 'offprint.lock.12.ab.tmp'), '');
    expect(await hasLeftovers(dir)).toBe(false);
    expect(await removeLeftovers(dir)).toEqual([]);
    // A live contender's temporary file is worth a look (the check is a readdir), but it is not removed.
    const contender = `offprint.lock.${ALIVE}.ab.tmp`;
    await fs.writeFile(path.join(dir, contender), '');
    expect(await hasLeftovers(dir)).toBe(true);
    expect(await removeLeftovers(dir)).toEqual([]);
    expect(await fs.readdir(dir)).toContain(contender);
  });

  it('finds a temporary file in each of its folders, and removes them all', async () => {
    for (const folder of folders) {
      await fs.mkdir(path.join(dir, folder), { recursive: true });
      const file = path.join(dir, folder, 'head.json.1a2b.tmp');
      await fs.writeFile(file, '');
      expect([folder, await hasLeftovers(dir)]).toEqual([folder, true]);
      expect(await removeLeftovers(dir)).toEqual([file]);
      expect([folder, await hasLeftovers(dir)]).toEqual([folder, false]);
    }
    const files = folders.map((folder) => path.join(dir, folder, `f${folder.length}.tmp`));
    for (const file of files) await fs.writeFile(file, '');
    expect(await removeLeftovers(dir)).toEqual(files);
    expect(await hasLeftovers(dir)).toBe(false);
  });

  it("finds a dead process's lock and a lock moved aside, and removes what the lock leaves first", async () => {
    await fs.writeFile(lock, owner(DEAD));
    expect(await hasLeftovers(dir)).toBe(true);
    // Taking the lock over is the writer's job: the lock itself is not removed as a leftover.
    expect(await removeLeftovers(dir)).toEqual([]);
    await fs.writeFile(lock, owner(ALIVE));
    const aside = path.join(dir, 'offprint.lock.ab.stale');
    await fs.writeFile(aside, '');
    expect(await hasLeftovers(dir)).toBe(true);
    expect(await removeLeftovers(dir)).toEqual([]);
    await age(aside);
    const temp = path.join(dir, `offprint.lock.${DEAD}.cd.tmp`);
    await fs.writeFile(temp, '');
    await fs.writeFile(path.join(dir, 'descriptor.tmp'), '');
    const removed = await removeLeftovers(dir);
    expect(removed.slice(0, 2).sort()).toEqual([aside, temp].sort());
    expect(removed.slice(2)).toEqual([path.join(dir, 'descriptor.tmp')]);
    expect(await hasLeftovers(dir)).toBe(false);
  });
});

describe('bounded concurrency', () => {
  /** Runs `work` over `count` items, recording how many were in flight at most. */
  async function inFlight(count: number) {
    let now = 0;
    let most = 0;
    const seen: Array<[number, number]> = [];
    const results = await mapLimited(
      Array.from({ length: count }, (_, i) => i * 10),
      async (item, index) => {
        now++;
        most = Math.max(most, now);
        seen.push([item, index]);
        await new Promise((resolve) => setImmediate(resolve));
        now--;
        return item + 1;
      },
    );
    return { results, most, seen };
  }

  it('does the work on every item at most 16 at a time, results in order', async () => {
    const many = await inFlight(40);
    expect(many.most).toBe(16);
    expect(many.results).toEqual(Array.from({ length: 40 }, (_, i) => i * 10 + 1));
    expect(many.seen).toEqual(Array.from({ length: 40 }, (_, i) => [i * 10, i]));
    const few = await inFlight(5);
    expect(few.most).toBe(5);
    expect(few.results).toEqual([1, 11, 21, 31, 41]);
    expect(await mapLimited([], async () => 1)).toEqual([]);
  });

  it('rejects with the first error', async () => {
    await expect(
      mapLimited([1, 2, 3], async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
  });

  it('settles every item, keeping those done and the first error', async () => {
    const attempted: number[] = [];
    const settled = await settleLimited([0, 1, 2, 3, 4], async (n) => {
      attempted.push(n);
      if (n === 3) {
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('three');
      }
      if (n === 1) throw new Error('one');
    });
    expect(attempted).toEqual([0, 1, 2, 3, 4]);
    expect(settled.done).toEqual([0, 2, 4]);
    expect((settled.error as Error).message).toBe('one');
    expect(await settleLimited([5, 6], async () => {})).toEqual({ done: [5, 6], error: null });
    expect(await settleLimited([], async () => {})).toEqual({ done: [], error: null });
  });
});
