import { useCallback, useId, useState } from 'react';
import type { SavedCriteria, SavedSearch } from '../../common/saved-search';
import { api, describeError } from '../api/client';
import { useAction } from '../hooks/useAction';
import type { SavedSearches } from '../hooks/useSavedSearches';
import { describeCriteria } from '../lib/describe-criteria';
import { Dialog } from './Dialog';

interface SavedSearchListProps {
  saved: SavedSearches;
  /** The query and filters on screen, which "Save search…" stores. */
  current: SavedCriteria;
  onApply(search: SavedSearch): void;
}

type Editing =
  { kind: 'save' } | { kind: 'rename'; search: SavedSearch } | { kind: 'delete'; search: SavedSearch };

/** Saved searches in the sidebar: apply with a click, save the current one, rename or delete each. */
export function SavedSearchList({ saved, current, onApply }: SavedSearchListProps) {
  const id = useId();
  const [editing, setEditing] = useState<Editing | null>(null);
  const close = useCallback(() => setEditing(null), []);
  const done = useCallback(() => {
    setEditing(null);
    saved.refresh();
  }, [saved]);
  return (
    <section className="filter-section" aria-labelledby={`${id}-heading`}>
      <div className="filter-heading">
        <h3 id={`${id}-heading`}>Saved searches</h3>
        <button type="button" className="text-button" onClick={() => setEditing({ kind: 'save' })}>
          Save search…
        </button>
      </div>
      {saved.error !== null && <p className="muted small">{describeError(saved.error)}</p>}
      {saved.list.length === 0 ? (
        <p className="muted small">None yet: set a query or filters, then “Save search…”.</p>
      ) : (
        <ul className="saved-list" aria-label="Saved searches">
          {saved.list.map((search) => (
            <li key={search.id} className="saved-row">
              <button
                type="button"
                className="saved-apply"
                title={describeCriteria(search.criteria)}
                onClick={() => onApply(search)}
              >
                {search.name}
              </button>
              <button
                type="button"
                className="tag-action"
                aria-label={`Rename saved search ${search.name}`}
                title="Rename"
                onClick={() => setEditing({ kind: 'rename', search })}
              >
                <span aria-hidden="true">✎</span>
              </button>
              <button
                type="button"
                className="tag-action"
                aria-label={`Delete saved search ${search.name}`}
                title="Delete"
                onClick={() => setEditing({ kind: 'delete', search })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing?.kind === 'save' && (
        <NameDialog
          title="Save search"
          initial=""
          submitLabel="Save"
          hint={`Saves ${describeCriteria(current)}.`}
          work={(name) => api.saveSearch({ name, criteria: current })}
          onDone={done}
          onClose={close}
        />
      )}
      {editing?.kind === 'rename' && (
        <NameDialog
          title={`Rename saved search “${editing.search.name}”`}
          initial={editing.search.name}
          submitLabel="Rename"
          work={(name) => api.renameSavedSearch({ id: editing.search.id, name })}
          onDone={done}
          onClose={close}
        />
      )}
      {editing?.kind === 'delete' && <DeleteDialog search={editing.search} onDone={done} onClose={close} />}
    </section>
  );
}

interface NameDialogProps {
  title: string;
  initial: string;
  submitLabel: string;
  hint?: string;
  work(name: string): Promise<unknown>;
  onDone(): void;
  onClose(): void;
}

function NameDialog({ title, initial, submitLabel, hint, work, onDone, onClose }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const action = useAction(
    useCallback(async () => {
      await work(name.trim());
      onDone();
    }, [work, name, onDone]),
  );
  return (
    <Dialog
      title={title}
      submitLabel={submitLabel}
      submitDisabled={name.trim() === ''}
      busy={action.busy}
      onSubmit={() => void action.run()}
      onClose={onClose}
    >
      <label className="field">
        <span>Name</span>
        <input type="text" value={name} autoFocus onChange={(event) => setName(event.target.value)} />
      </label>
      {hint && <p className="muted small">{hint}</p>}
      {action.error !== null && (
        <p className="dialog-error" role="alert">
          {describeError(action.error)}
        </p>
      )}
    </Dialog>
  );
}

function DeleteDialog({ search, onDone, onClose }: { search: SavedSearch; onDone(): void; onClose(): void }) {
  const action = useAction(
    useCallback(async () => {
      await api.deleteSavedSearch({ id: search.id });
      onDone();
    }, [search.id, onDone]),
  );
  return (
    <Dialog
      title={`Delete saved search “${search.name}”?`}
      submitLabel="Delete"
      busy={action.busy}
      onSubmit={() => void action.run()}
      onClose={onClose}
    >
      <p className="muted small">The articles are not touched; only the saved search goes.</p>
      {action.error !== null && (
        <p className="dialog-error" role="alert">
          {describeError(action.error)}
        </p>
      )}
    </Dialog>
  );
}
