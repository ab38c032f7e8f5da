/**
 * `saved-searches.json` at the library root (common/saved-search.ts): versioned, refused (never overwritten)
 * when a newer Offprint wrote it, written atomically. Changes run under the library lock (the caller's).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { OffprintError } from '../../../common/errors';
import {
  SAVED_SEARCHES_FILE,
  SAVED_SEARCHES_FORMAT,
  SAVED_SEARCHES_FORMAT_VERSION,
  type SavedSearch,
  type SavedSearchesFile,
} from '../../../common/saved-search';
import { writeFileDurable } from './durable-write';
import { FileVersionError, upgrade } from './file-versions';

export function savedSearchesPath(libraryDir: string): string {
  return path.join(libraryDir, SAVED_SEARCHES_FILE);
}

/** The saved searches, in the order they were saved; none when the file does not exist yet. */
export async function readSavedSearches(libraryDir: string): Promise<SavedSearch[]> {
  const file = savedSearchesPath(libraryDir);
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseSavedSearches(raw, file);
}

/**
 * The searches of a saved-searches file (the library's, or one restored from a backup, named by `source`);
 * damaged and newer files are refused with a message, and the file is left as it is.
 */
export function parseSavedSearches(raw: string, source: string): SavedSearch[] {
  let parsed: Partial<SavedSearchesFile>;
  try {
    parsed = JSON.parse(raw) as Partial<SavedSearchesFile>;
  } catch {
    throw new OffprintError('failed', `${source} is damaged (not valid JSON); it was left as it is.`);
  }
  const notOurs = () =>
    new OffprintError('failed', `${source} is damaged (not Offprint saved searches); it was left as it is.`);
  if (parsed?.format !== SAVED_SEARCHES_FORMAT) throw notOurs();
  try {
    parsed = upgrade<Partial<SavedSearchesFile>>('saved-searches', parsed, source).value;
  } catch (error) {
    if (error instanceof FileVersionError && error.reason === 'damaged') throw notOurs();
    throw error;
  }
  if (!Array.isArray(parsed.searches))
    throw new OffprintError(
      'failed',
      `${source} is damaged (it has no list of searches); it was left as it is.`,
    );
  return parsed.searches.filter((s) => s && typeof s.id === 'string' && typeof s.name === 'string');
}

export async function writeSavedSearches(libraryDir: string, searches: SavedSearch[]): Promise<void> {
  const file: SavedSearchesFile = {
    format: SAVED_SEARCHES_FORMAT,
    formatVersion: SAVED_SEARCHES_FORMAT_VERSION,
    searches,
  };
  await writeFileDurable(savedSearchesPath(libraryDir), JSON.stringify(file, null, 1));
}
