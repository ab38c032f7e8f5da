import type { ImportView } from '../import/import-session';
import { formatCount, plural } from '../lib/format';
import { Icon } from './Icon';
import { ImportReport } from './ImportReport';

interface ImportPanelProps {
  view: ImportView;
  onCancel(): void;
  onDismiss(): void;
}

const HEADINGS: Record<ImportView['state'], string> = {
  running: 'Importing…',
  done: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import failed',
};

/** Progress while an import runs, then its report; it stays until dismissed so the report can be read. */
export function ImportPanel({ view, onCancel, onDismiss }: ImportPanelProps) {
  const running = view.state === 'running';
  const counts = `${plural(view.imported, 'imported', 'imported')} · ${plural(view.duplicates, 'duplicate')} · ${plural(view.failed, 'failed', 'failed')}`;
  return (
    <section className={`import-panel is-${view.state}`} aria-label="Import">
      <div className="import-header">
        <h2 id="import-heading">{HEADINGS[view.state]}</h2>
        {!running && (
          <button
            type="button"
            className="icon-button"
            aria-label="Close report"
            title="Close"
            onClick={onDismiss}
          >
            <Icon name="close" />
          </button>
        )}
      </div>
      {running && (
        <>
          <progress
            className="import-progress"
            aria-label="Import progress"
            max={Math.max(view.total, 1)}
            // Without a total yet (the server is still walking folders) the bar is indeterminate.
            value={view.total > 0 ? view.done : undefined}
          />
          <p className="import-counts">
            <strong>
              {formatCount(view.done)} of {formatCount(view.total)}
            </strong>{' '}
            <span className="muted">· {counts}</span>
          </p>
          {view.current && (
            <p className="import-current muted small" title={view.current}>
              {view.current}
            </p>
          )}
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
      <p className="visually-hidden" role="status">
        {running ? '' : `${HEADINGS[view.state]}: ${counts}.`}
      </p>
      {!running && (
        <>
          {view.error && <p className="error-message">{view.error}</p>}
          <p className="import-counts">{counts}</p>
          <ImportReport report={view.report} />
        </>
      )}
    </section>
  );
}
