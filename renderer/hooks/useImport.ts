import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../common/import';
import { api, describeError } from '../api/client';
import { ImportSession, type ImportBatch, type ImportView } from '../import/import-session';

export interface Importer {
  /** What the import panel shows; null when there is nothing to show. */
  view: ImportView | null;
  /** Adds batches to the running import, or starts one; a promise while dropped folders are still being read. */
  add(batches: ImportBatch[] | Promise<ImportBatch[]>): void;
  /** Follows a job started by the native menu. */
  follow(job: ImportProgress): void;
  cancel(): void;
  /** Hides the report of an import that has ended. */
  dismiss(): void;
}

function problem(message: string): ImportView {
  return {
    state: 'failed',
    total: 0,
    done: 0,
    imported: 0,
    duplicates: 0,
    failed: 0,
    current: null,
    report: { imported: [], duplicates: [], failed: [] },
    error: message,
  };
}

/** One import session at a time; what is dropped while it runs joins it, so there is one bar and one report. */
export function useImport(onLibraryChanged: () => void): Importer {
  const [view, setView] = useState<ImportView | null>(null);
  const session = useRef<ImportSession | null>(null);
  const changed = useRef(onLibraryChanged);
  useEffect(() => {
    changed.current = onLibraryChanged;
  });

  const running = useCallback((): ImportSession => {
    if (session.current === null || session.current.ended) {
      session.current = new ImportSession({ api, onUpdate: setView, onJobEnded: () => changed.current() });
    }
    return session.current;
  }, []);

  const add = useCallback(
    (batches: ImportBatch[] | Promise<ImportBatch[]>) => {
      Promise.resolve(batches).then(
        (ready) => {
          if (ready.length > 0) running().add(ready);
          else if (!session.current || session.current.ended)
            setView(problem('No files to import were found there.'));
        },
        (error: unknown) => setView(problem(`Could not read what was dropped: ${describeError(error)}`)),
      );
    },
    [running],
  );

  const follow = useCallback((job: ImportProgress) => running().follow(job), [running]);
  const cancel = useCallback(() => session.current?.cancel(), []);
  const dismiss = useCallback(() => {
    if (!session.current || session.current.ended) setView(null);
  }, []);

  return { view, add, follow, cancel, dismiss };
}
