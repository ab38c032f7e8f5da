/**
 * A lock file that keeps two processes from writing one library at once. Created with O_EXCL; it holds
 * the owner's pid and host so a lock left behind by a crashed process on this machine can be taken over.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OffprintError } from '../../../common/errors';

export const LOCK_FILE = 'offprint.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export class LibraryLock {
  private constructor(private readonly file: string) {}

  /** Takes the lock or throws a `locked` error naming the process that holds it. */
  static async acquire(libraryDir: string): Promise<LibraryLock> {
    const file = path.join(libraryDir, LOCK_FILE);
    const me: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.writeFile(file, JSON.stringify(me), { flag: 'wx' });
        return new LibraryLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = await readOwner(file);
        if (owner && isAlive(owner)) {
          throw new OffprintError(
            'locked',
            `The library ${libraryDir} is being changed by another Offprint process (pid ${owner.pid} on ${owner.host}, since ${owner.since}). Try again when it has finished.`,
          );
        }
        // The owner died without unlocking (or the file is unreadable): remove the stale lock and retry once.
        await fs.rm(file, { force: true });
      }
    }
    throw new OffprintError('locked', `Could not lock the library ${libraryDir}.`);
  }

  async release(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? 'unknown') };
  } catch {
    return null;
  }
}

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
