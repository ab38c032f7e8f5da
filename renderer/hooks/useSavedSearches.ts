import { useCallback, useEffect, useState } from 'react';
import type { SavedSearch } from '../../common/saved-search';
import { api } from '../api/client';

export interface SavedSearches {
  list: SavedSearch[];
  error: unknown;
  refresh(): void;
}

/** The library's saved searches, read again when the library changes (`reloadKey`) or after an edit. */
export function useSavedSearches(reloadKey: number): SavedSearches {
  const [list, setList] = useState<SavedSearch[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    api.savedSearches({}).then(
      (searches) => {
        if (!current) return;
        setList(searches);
        setError(null);
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [reloadKey, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { list, error, refresh };
}
