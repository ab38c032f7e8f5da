/**
 * Restoring `saved-searches.json`: the backup's searches are added to the library's, by id (a search the
 * library already has keeps the library's copy). A file from a newer Offprint, on either side, is refused and
 * left as it is (store/saved-searches.ts reads and writes both).
 */
import type { SavedSearch } from '../../../common/saved-search';
import { readSavedSearches, writeSavedSearches } from '../store/saved-searches';

/** Adds `restored` to the library's saved searches; returns how many were new. The caller holds the lock. */
export async function mergeSavedSearches(
  libraryDir: string,
  restored: readonly SavedSearch[],
): Promise<number> {
  const current = await readSavedSearches(libraryDir);
  const ids = new Set(current.map((s) => s.id));
  const added = restored.filter((s) => !ids.has(s.id));
  if (added.length === 0) return 0;
  await writeSavedSearches(libraryDir, [...current, ...added]);
  return added.length;
}
