/** Saved searches' names and ids: the rules every change to saved-searches.json follows. */
import { randomBytes } from 'node:crypto';
import { cleanLine } from '../../common/clean-text';
import { OffprintError } from '../../common/errors';
import type { SavedSearch } from '../../common/saved-search';

const NAME_LIMIT = 200;

/** A name cleaned to one line, not empty, and not another search's name in any case. */
export function savedSearchName(value: string, searches: readonly SavedSearch[], except?: string): string {
  const name = cleanLine(value, NAME_LIMIT);
  if (!name) throw new OffprintError('invalid-argument', 'name is empty: a saved search needs a name.');
  const taken = searches.find((s) => s.id !== except && s.name.toLowerCase() === name.toLowerCase());
  if (taken)
    throw new OffprintError(
      'invalid-argument',
      `A saved search named "${taken.name}" exists already (names differ by more than case).`,
    );
  return name;
}

export function savedSearchIndex(searches: readonly SavedSearch[], id: string): number {
  const at = searches.findIndex((s) => s.id === id);
  if (at === -1) throw new OffprintError('not-found', `No saved search with id ${id}.`);
  return at;
}

export function newSavedSearchId(searches: readonly SavedSearch[]): string {
  let id: string;
  do id = randomBytes(8).toString('hex');
  while (searches.some((s) => s.id === id));
  return id;
}
