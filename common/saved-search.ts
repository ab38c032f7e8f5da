/**
 * A search kept under a name: the query and its filters. Stored in the library folder as
 * `saved-searches.json` (versioned), so it travels with the library and its backups.
 */
import type { SearchRequest } from './search';

export const SAVED_SEARCHES_FORMAT = 'offprint-saved-searches';
/** Bump when the stored shape changes; readers refuse a file written by a newer version. */
export const SAVED_SEARCHES_FORMAT_VERSION = 1;

/** What is saved of a request: everything but the page. */
export type SavedCriteria = Omit<SearchRequest, 'offset' | 'limit'>;

export interface SavedSearch {
  /** Random, 16 hexadecimal characters. */
  id: string;
  name: string;
  criteria: SavedCriteria;
  created: string;
}

/** `saved-searches.json` at the library root, as stored. */
export interface SavedSearchesFile {
  format: typeof SAVED_SEARCHES_FORMAT;
  formatVersion: number;
  searches: SavedSearch[];
}

export const SAVED_SEARCHES_FILE = 'saved-searches.json';
