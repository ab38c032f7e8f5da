import type { LibraryInfo } from '../../common/api';
import { describeError } from '../api/client';
import { plural } from '../lib/format';

/** Which library is open and how big it is, out of the way at the bottom. */
export function StatusBar({ info, error }: { info: LibraryInfo | null; error: unknown }) {
  return (
    <footer className="status-bar">
      {info ? (
        <>
          <span className="status-path" title={info.path}>
            {info.path}
          </span>
          <span>{plural(info.articles, 'article')}</span>
        </>
      ) : error ? (
        <span className="status-error">Library unavailable: {describeError(error)}</span>
      ) : (
        <span className="muted">Opening the library…</span>
      )}
    </footer>
  );
}
