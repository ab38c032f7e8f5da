/**
 * `articles/<id>/user.json`: what the reader added to an article (common/user-data.ts). Absent until the
 * first change, so an article without one reads as unread, unstarred, without highlights or note. Written
 * atomically (temp, fsync, rename); a file from a newer Offprint is refused, never overwritten.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OffprintError } from '../../../common/errors';
import {
  EMPTY_USER_DATA,
  USER_DATA_FORMAT,
  USER_DATA_FORMAT_VERSION,
  type UserData,
  type UserDataFile,
} from '../../../common/user-data';
import { writeFileDurable } from './durable-write';
import { FileVersionError, upgrade } from './file-versions';

export const USER_DATA_FILE = 'user.json';

export function userDataPath(articleDir: string): string {
  return path.join(articleDir, USER_DATA_FILE);
}

/** Reads an article's user data; the empty state when it has none. Throws for a newer or damaged file. */
export async function readUserData(articleDir: string): Promise<UserData> {
  const file = userDataPath(articleDir);
  let raw: string;
  try {
    raw = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY_USER_DATA);
    throw error;
  }
  return parseUserData(raw, file);
}

/** The same, synchronously: the index worker reads article files that way (see analyzer.ts). */
export function readUserDataSync(articleDir: string): UserData {
  const file = userDataPath(articleDir);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY_USER_DATA);
    throw error;
  }
  return parseUserData(raw, file);
}

export function parseUserData(raw: string, file: string): UserData {
  let parsed: Partial<UserDataFile>;
  try {
    parsed = JSON.parse(raw) as Partial<UserDataFile>;
  } catch {
    throw new OffprintError('failed', `${file} is damaged (not valid JSON).`);
  }
  if (parsed?.format !== USER_DATA_FORMAT)
    throw new OffprintError('failed', `${file} is damaged (not Offprint user data).`);
  try {
    parsed = upgrade<Partial<UserDataFile>>('user-data', parsed, file).value;
  } catch (error) {
    if (error instanceof FileVersionError && error.reason === 'damaged')
      throw new OffprintError('failed', `${file} is damaged (not Offprint user data).`);
    throw error;
  }
  const reading = { ...EMPTY_USER_DATA.reading, ...parsed.reading };
  return {
    reading,
    note: typeof parsed.note === 'string' ? parsed.note : '',
    highlights: Array.isArray(parsed.highlights) ? parsed.highlights : [],
  };
}

export async function writeUserData(articleDir: string, data: UserData): Promise<void> {
  const file: UserDataFile = { format: USER_DATA_FORMAT, formatVersion: USER_DATA_FORMAT_VERSION, ...data };
  await writeFileDurable(userDataPath(articleDir), JSON.stringify(file, null, 1));
}

/**
 * What the catalog keeps of an article's user data: the list shows `read` and `starred`; `userStamp` changes
 * whenever what search indexes of it (note, highlights) changes, so a catalog rebuilt after a crash gives such
 * an article a new revision and the index takes it again (see ArticleStore.reconcile). '' when there is none.
 */
export interface UserFlags {
  read: boolean;
  starred: boolean;
  userStamp: string;
}

export const NO_USER_FLAGS: UserFlags = { read: false, starred: false, userStamp: '' };

export function userFlags(data: UserData): UserFlags {
  const annotated = data.note !== '' || data.highlights.length > 0;
  const userStamp = annotated
    ? createHash('sha1')
        .update(JSON.stringify([data.note, data.highlights]))
        .digest('hex')
        .slice(0, 16)
    : '';
  return { read: data.reading.read, starred: data.reading.starred, userStamp };
}

/** True when the change is one search sees (read, starred, note, highlights): the article is indexed again. */
export function searchSeesChange(before: UserData, after: UserData): boolean {
  return (
    before.reading.read !== after.reading.read ||
    before.reading.starred !== after.reading.starred ||
    before.note !== after.note ||
    JSON.stringify(before.highlights) !== JSON.stringify(after.highlights)
  );
}

/**
 * The flags of an article's user.json for a catalog rebuilt from the article files. A file from a newer
 * Offprint or a damaged one counts as none here: the rebuild must not fail for it, and it stays untouched
 * (changing that article's user data then fails with the reason).
 */
export async function readUserFlagsLenient(articleDir: string): Promise<UserFlags> {
  try {
    return userFlags(await readUserData(articleDir));
  } catch {
    return NO_USER_FLAGS;
  }
}
