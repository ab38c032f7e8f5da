import { useEffect, useState } from 'react';
import type { LibraryInfo } from '../../common/api';
import { api } from '../api/client';

export interface LibraryInfoState {
  info: LibraryInfo | null;
  error: unknown;
}

/** The open library's path and size; asked again whenever `reloadKey` changes (after imports, library switches). */
export function useLibraryInfo(reloadKey: number): LibraryInfoState {
  const [state, setState] = useState<LibraryInfoState>({ info: null, error: null });
  useEffect(() => {
    let current = true;
    api.libraryInfo({}).then(
      (info) => current && setState({ info, error: null }),
      (error: unknown) => current && setState((previous) => ({ info: previous.info, error })),
    );
    return () => {
      current = false;
    };
  }, [reloadKey]);
  return state;
}
