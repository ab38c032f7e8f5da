/** Errors the library raises on purpose, with a kind that survives every transport. */
import type { ApiErrorShape } from './api';

export class OffprintError extends Error {
  constructor(
    readonly kind: ApiErrorShape['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'OffprintError';
  }
}

/** Maps any thrown value to the wire shape; unexpected errors keep their message but not their stack. */
export function toApiError(error: unknown): ApiErrorShape {
  // By class and kind, never by name: an InvalidArgument is an OffprintError of kind `invalid-argument`.
  if (error instanceof OffprintError) return { kind: error.kind, message: error.message };
  return { kind: 'failed', message: inWords(error) };
}

/** What a system error code means, in words a person reads (never `EACCES`). */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  ENOENT: 'it does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk reported a read or write error',
  EBUSY: 'it is in use',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'it is a loop of symbolic links',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
  EXDEV: 'it is on another disk',
};
const WRITES = new Set([
  'write',
  'rename',
  'mkdir',
  'unlink',
  'rmdir',
  'link',
  'symlink',
  'fsync',
  'fdatasync',
  'ftruncate',
  'copyfile',
  'rm',
  'utime',
  'futime',
  'chmod',
]);

/**
 * A system error (`EACCES: permission denied, open '/x'`) as a sentence: "cannot read /x: permission denied".
 * Anything else keeps its message.
 */
export function inWords(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !(e.code in REASONS))
    return error instanceof Error ? error.message : String(error);
  const writing =
    WRITES.has(e.syscall ?? '') || e.code === 'ENOSPC' || e.code === 'EROFS' || e.code === 'EDQUOT';
  // Opening is both (a file opened to be written): say only what is known.
  const verb = writing ? 'write' : e.syscall === 'open' ? 'open' : 'read';
  const what = e.path ?? (e as { dest?: string }).dest;
  return `cannot ${verb}${what ? ` ${what}` : ''}: ${REASONS[e.code]}`;
}

/** True for errors that mean "this library cannot be written now" (read-only, full, not ours to change). */
export function cannotWrite(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EROFS' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EACCES' || code === 'EPERM';
}
