import { useCallback, useState } from 'react';
import type { SearchHit, TagCount } from '../../common/search';
import { api, describeError } from '../api/client';
import { useAction } from '../hooks/useAction';
import { plural } from '../lib/format';
import { CiteDialog } from './CiteDialog';
import { ExportDialog } from './ExportDialog';
import { TagEditDialog } from './TagEditDialog';

interface ListActionsProps {
  /** The articles acted on: the selection, or the open article when nothing is selected. */
  ids: string[];
  /** True when `ids` is a multi-selection (not just the open article). */
  isSelection: boolean;
  /** The loaded hits of `ids` (their tags, to offer for removal). */
  hits: SearchHit[];
  tagCounts: TagCount[];
  onClear(): void;
  /** Something changed in the library: the list, facets and open article are read again. */
  onEdited(): void;
}

type Open = 'add-tag' | 'remove-tag' | 'cite' | 'export' | null;

/** What can be done to the selected articles (or the open one): tags, reading state, star, cite, export. */
export function ListActions({ ids, isSelection, hits, tagCounts, onClear, onEdited }: ListActionsProps) {
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const reading = useAction(
    useCallback(
      async (change: { read?: boolean; starred?: boolean }) => {
        await api.setReading({ ids, ...change });
        onEdited();
      },
      [ids, onEdited],
    ),
  );
  const edited = useCallback(() => {
    setOpen(null);
    onEdited();
  }, [onEdited]);
  const what = isSelection ? plural(ids.length, 'selected article') : 'this article';
  return (
    <div className="list-actions" role="toolbar" aria-label={`Act on ${what}`}>
      <span className="selection-count" role="status">
        {isSelection ? `${plural(ids.length, 'article')} selected` : 'Open article'}
      </span>
      {isSelection && (
        <button type="button" className="text-button" onClick={onClear} title="Esc in the list">
          Clear
        </button>
      )}
      <span className="toolbar-actions">
        <button type="button" className="small-button" onClick={() => setOpen('add-tag')}>
          Add tag…
        </button>
        <button type="button" className="small-button" onClick={() => setOpen('remove-tag')}>
          Remove tag…
        </button>
        <button
          type="button"
          className="small-button"
          disabled={reading.busy}
          onClick={() => void reading.run({ read: true })}
        >
          Mark read
        </button>
        <button
          type="button"
          className="small-button"
          disabled={reading.busy}
          onClick={() => void reading.run({ read: false })}
        >
          Mark unread
        </button>
        <button
          type="button"
          className="small-button"
          disabled={reading.busy}
          onClick={() => void reading.run({ starred: true })}
        >
          Star
        </button>
        <button
          type="button"
          className="small-button"
          disabled={reading.busy}
          onClick={() => void reading.run({ starred: false })}
        >
          Unstar
        </button>
        <button type="button" className="small-button" onClick={() => setOpen('cite')}>
          Cite…
        </button>
        <button type="button" className="small-button" onClick={() => setOpen('export')}>
          Export…
        </button>
      </span>
      {reading.error !== null && (
        <p className="dialog-error" role="alert">
          {describeError(reading.error)}
        </p>
      )}
      {(open === 'add-tag' || open === 'remove-tag') && (
        <TagEditDialog
          mode={open === 'add-tag' ? 'add' : 'remove'}
          ids={ids}
          what={what}
          hits={hits}
          tagCounts={tagCounts}
          onDone={edited}
          onClose={close}
        />
      )}
      {open === 'cite' && <CiteDialog ids={ids} what={what} onClose={close} />}
      {open === 'export' && <ExportDialog ids={ids} what={what} onClose={close} />}
    </div>
  );
}
