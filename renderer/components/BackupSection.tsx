import { useCallback, useId } from 'react';
import { describeError } from '../api/client';
import { fetchBackup } from '../api/http-transport';
import { downloadBlob } from '../dom/download';
import { useAction } from '../hooks/useAction';

/**
 * Browser mode: the whole library as one zip, downloaded from the server (the desktop app has File ▸ Back Up
 * Library… instead, which writes where the user chooses). Importing the zip restores it.
 */
export function BackupSection() {
  const id = useId();
  const backup = useAction(
    useCallback(async () => {
      const { blob, name } = await fetchBackup();
      downloadBlob(blob, name);
    }, []),
  );
  return (
    <section className="filter-section" aria-labelledby={`${id}-heading`}>
      <div className="filter-heading">
        <h3 id={`${id}-heading`}>Library</h3>
      </div>
      <button type="button" className="button" disabled={backup.busy} onClick={() => void backup.run()}>
        {backup.busy ? 'Backing up…' : 'Back up library'}
      </button>
      <p className="muted small">
        One zip with every article, original, tag, highlight, note and saved search. Import it to restore.
      </p>
      {backup.error !== null && (
        <p className="dialog-error" role="alert">
          {describeError(backup.error)}
        </p>
      )}
    </section>
  );
}
