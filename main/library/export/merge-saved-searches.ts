/**
 * Restoring `saved-searches.json`: the backup's searches are added to the library's, by id (a search the
 * library already has keeps the library's copy). A file from a newer Offprint, on either side, is refused and
 * left as it is.
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
import { writeFileDurable } from '../store/durable-write';

export function parseSavedSearches(raw: string, source: string): SavedSearch[] {
  let parsed: Partial<SavedSearchesFile>;
  try {
    parsed = JSON.parse(raw) as Partial<SavedSearchesFile>;
  } catch {
    throw new OffprintError('failed', `${source} is damaged (not valid JSON).`);
  }
  if (
    parsed?.format !== SAVED_SEARCHES_FORMAT ||
    typeof parsed.formatVersion !== 'number' ||
    !Array.isArray(parsed.searches)
  )
    throw new OffprintError('failed', `${source} is not Offprint's saved searches.`);
  if (parsed.formatVersion > SAVED_SEARCHES_FORMAT_VERSION)
    throw new OffprintError(
      'failed',
      `${source} was written by a newer Offprint (saved searches format ${parsed.formatVersion}; this version reads up to ${SAVED_SEARCHES_FORMAT_VERSION}).`,
    );
  return parsed.searches.filter((s) => s && typeof s.id === 'string' && typeof s.name === 'string');
}

/** Adds `restored` to the library's saved searches; returns how many were new. The caller holds the lock. */
export async function mergeSavedSearches(
  libraryDir: string,
  restored: readonly SavedSearch[],
): Promise<number> {
  const file = path.join(libraryDir, SAVED_SEARCHES_FILE);
  const raw = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const current = raw === null ? [] : parseSavedSearches(raw, file);
  const ids = new Set(current.map((s) => s.id));
  const added = restored.filter((s) => !ids.has(s.id));
  if (added.length === 0) return 0;
  const out: SavedSearchesFile = {
    format: SAVED_SEARCHES_FORMAT,
    formatVersion: SAVED_SEARCHES_FORMAT_VERSION,
    searches: [...current, ...added],
  };
  await writeFileDurable(file, JSON.stringify(out, null, 1));
  return added.length;
}
