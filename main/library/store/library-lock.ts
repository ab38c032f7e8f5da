/**
 * A lock file that keeps two processes from writing one library at once. It holds the owner's pid, host and
 * a random nonce, and appears atomically with that content (written aside, then hard-linked into place: a
 * link fails if the name exists). A lock left by a crashed process on this machine is taken over; a lock
 * that cannot be read yet is someone else's, in the middle of taking it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inWords, OffprintError } from '../../../common/errors';

export const LOCK_FILE = 'offprint.lock';
/** A lock file that has no readable owner after this long was abandoned mid-write. */
const UNREADABLE_GRACE_MS = 10_000;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  nonce: string;
}

export class LibraryLock {
  private constructor(
    private readonly file: string,
    private readonly nonce: string,
  ) {}

  /** Takes the lock or throws a `locked` error naming the process that holds it. */
  static async acquire(libraryDir: string): Promise<LibraryLock> {
    const file = path.join(libraryDir, LOCK_FILE);
    const me: LockOwner = {
      pid: process.pid,
      host: os.hostname(),
      since: new Date().toISOString(),
      nonce: randomBytes(8).toString('hex'),
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const created = await createExclusive(file, JSON.stringify(me), me.nonce).catch((error: unknown) => {
        // Read-only, full, not ours: said in words; callers that only wanted to tidy up go on reading.
        throw new OffprintError('failed', `Could not lock the library to change it: ${inWords(error)}`);
      });
      if (created) return new LibraryLock(file, me.nonce);
      const owner = await readOwner(file);
      if (owner === 'missing') continue; // released in the meantime: try again
      if (owner === 'unreadable') {
        if (Date.now() - (await mtimeOf(file)) < UNREADABLE_GRACE_MS) throw lockedBy(libraryDir, null);
        // Not a lock this app wrote (we only write files): never moved aside and deleted as a stale one.
        if ((await fs.lstat(file).catch(() => null))?.isDirectory())
          throw new OffprintError(
            'failed',
            `Could not lock the library to change it: ${file} is a folder, not Offprint's lock file. Move it out of the library, then try again.`,
          );
      } else if (isAlive(owner)) {
        throw lockedBy(libraryDir, owner);
      }
      await removeStale(file, owner === 'unreadable' ? null : owner.nonce, me.nonce);
    }
    throw new OffprintError(
      'locked',
      `Could not lock the library ${libraryDir}; another process keeps taking it.`,
    );
  }

  /** Removes the lock only if it is still ours (a lock taken over after we were presumed dead is not). */
  async release(): Promise<void> {
    const owner = await readOwner(this.file);
    if (typeof owner === 'object' && owner.nonce === this.nonce) await fs.rm(this.file, { force: true });
  }
}

/**
 * Creates `file` with `content` only if it does not exist, never visible half-written. The temporary file's
 * name holds this process's pid, so a holder of the lock can tell one a crashed contender left behind.
 */
async function createExclusive(file: string, content: string, nonce: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${nonce}.tmp`;
  await fs.writeFile(temp, content);
  try {
    await fs.link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // The holder cleared our temporary file as a leftover (see removeLockLeftovers): write it again.
    if (code === 'ENOENT') return createExclusive(file, content, nonce);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    // File systems without hard links (FAT): exclusive create; a reader may briefly see it empty (see grace).
    try {
      await fs.writeFile(file, content, { flag: 'wx' });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Moves a stale lock aside under a unique name, so two processes cannot both delete and retake it. */
async function removeStale(file: string, staleNonce: string | null, myNonce: string): Promise<void> {
  const aside = `${file}.${process.pid}.${myNonce}.stale`;
  try {
    await fs.rename(file, aside);
  } catch {
    return; // someone else moved or released it first
  }
  const moved = await readOwner(aside);
  if (typeof moved === 'object' && moved.nonce !== staleNonce) {
    // Between our look and the move another process took the lock: give it back.
    await fs.link(aside, file).catch(() => {});
  }
  await fs.rm(aside, { force: true });
}

function lockedBy(libraryDir: string, owner: LockOwner | null): OffprintError {
  const who = owner ? ` (pid ${owner.pid} on ${owner.host}, since ${owner.since})` : '';
  return new OffprintError(
    'locked',
    `The library ${libraryDir} is being changed by another Offprint process${who}. Try again when it has finished.`,
  );
}

async function readOwner(file: string): Promise<LockOwner | 'missing' | 'unreadable'> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return 'unreadable';
    return {
      pid: parsed.pid,
      host: parsed.host,
      since: String(parsed.since ?? 'unknown'),
      nonce: String(parsed.nonce ?? ''),
    };
  } catch {
    return 'unreadable';
  }
}

async function mtimeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Removes what crashed lock takers left: their temporary files (pid in the name, that process gone, or old)
 * and locks moved aside. The caller holds the lock, so no live process is between those steps but contenders
 * (whose temporary file, if removed, is written again).
 */
export async function removeLockLeftovers(libraryDir: string): Promise<string[]> {
  const names = await fs.readdir(libraryDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(`${LOCK_FILE}.`)) continue;
    const file = path.join(libraryDir, name);
    const leftover = /^offprint\.lock\.(?:(\d+)\.)?[0-9a-f]+\.(?:tmp|stale)$/.exec(name);
    if (!leftover) continue;
    const pid = leftover[1] ? Number(leftover[1]) : null;
    const abandoned =
      (pid !== null && !isAlive({ pid, host: os.hostname(), since: '', nonce: '' })) ||
      Date.now() - (await mtimeOf(file)) > UNREADABLE_GRACE_MS;
    if (!abandoned) continue;
    // Only files are ours: a folder that happens to have such a name is left where it is.
    const gone = await fs.rm(file, { force: true }).then(
      () => true,
      () => false,
    );
    if (gone) removed.push(file);
  }
  return removed;
}

/** True when the lock file is there and its owner, a process of this machine, is gone (a crash's). */
export async function hasStaleLock(libraryDir: string): Promise<boolean> {
  const owner = await readOwner(path.join(libraryDir, LOCK_FILE));
  return typeof owner === 'object' && !isAlive(owner);
}

/**
 * True when another live process holds the lock (one of another machine counts as live): it is writing now, so
 * an import journal beside it is its batch in progress, not a crash's.
 */
export async function lockHeldByAnotherProcess(libraryDir: string): Promise<boolean> {
  const owner = await readOwner(path.join(libraryDir, LOCK_FILE));
  if (typeof owner !== 'object') return false;
  if (owner.host === os.hostname() && owner.pid === process.pid) return false;
  return isAlive(owner);
}

/** True when a name in the library folder is one of the lock's own files in passing (temporary or aside). */
export const isLockLeftover = (name: string): boolean =>
  /^offprint\.lock\.(?:\d+\.)?[0-9a-f]+\.(?:tmp|stale)$/.test(name);

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (a library on a shared drive) cannot be checked: assume it is held.
  if (owner.host !== os.hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
