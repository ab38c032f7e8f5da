import { useCallback, useMemo, useState } from 'react';
import type { ResultPages } from '../state/result-pages';
import { EMPTY_SELECTION, selectAll, selectRange, toggle, type Selection } from '../state/selection';

export interface SelectionControls {
  selection: Selection;
  ids: ReadonlySet<string>;
  toggle(index: number, current: number | null): void;
  range(index: number, current: number | null): void;
  selectAll(): void;
  clear(): void;
}

/**
 * The list's multi-selection. It is kept by id across reloads of the same list (after an edit, the rows that
 * were selected stay selected) and cleared when the query or filters change (`listKey`): acting on articles no
 * longer shown would surprise.
 */
export function useSelection(pages: ResultPages | null, listKey: string): SelectionControls {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [seenKey, setSeenKey] = useState(listKey);
  const [seenPages, setSeenPages] = useState(pages);
  if (seenKey !== listKey) {
    setSeenKey(listKey);
    setSelection(EMPTY_SELECTION);
  }
  if (seenPages !== pages) {
    // Positions mean other rows in a reloaded list: the ids stay, the range's anchor does not.
    setSeenPages(pages);
    setSelection((current) => ({ ...current, anchor: null }));
  }
  const idAt = useCallback((index: number) => pages?.hitAt(index)?.id, [pages]);
  const ids = useMemo(() => new Set(selection.ids), [selection]);
  return {
    selection,
    ids,
    toggle: (index, current) => setSelection((s) => toggle(s, index, idAt, current)),
    range: (index, current) => setSelection((s) => selectRange(s, index, idAt, current)),
    selectAll: () => setSelection(selectAll(pages?.loadedHits().map((hit) => hit.id) ?? [])),
    clear: () => setSelection(EMPTY_SELECTION),
  };
}
