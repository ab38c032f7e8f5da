import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { rowIndexOf } from '../dom/focus';
import { keyTargetOf } from '../dom/key-target';
import { commandForKey, moveSelection, selectionCommandForKey } from '../lib/keyboard';
import type { ResultPages } from '../state/result-pages';
import { ResultRow, type RowClick } from './ResultRow';

/** What the list asks of the multi-selection (`useSelection`); `current` is the focused or open row. */
export interface ListSelection {
  ids: ReadonlySet<string>;
  toggle(index: number, current: number | null): void;
  range(index: number, current: number | null): void;
  selectAll(): void;
  clear(): void;
}

interface ResultListProps {
  pages: ResultPages;
  /** Which query and filters this list answers: a new one starts at the top, a reload of it stays in place. */
  listKey: string;
  selected: number | null;
  openIndex: number | null;
  marked: ListSelection;
  onSelect(index: number): void;
  onOpen(index: number): void;
}

/** Rows have a fixed height (title, meta, two lines of snippet) in rem, so they follow the user's font size. */
const ROW_HEIGHT_REM = 7;

function rootFontSize(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * The current list, virtualized: only the rows on screen exist, so 100,000 hits scroll as smoothly as 100.
 * Rows whose page has not arrived yet show a placeholder and ask `pages` for it.
 */
export function ResultList(props: ResultListProps) {
  const { pages, listKey, selected, openIndex, marked, onSelect, onOpen } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [rowHeight] = useState(() => Math.round(ROW_HEIGHT_REM * rootFontSize()));
  // Render again whenever a page of hits arrives.
  useSyncExternalStore(pages.subscribe, () => pages.revision);
  const total = pages.total;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index;
  const last = items[items.length - 1]?.index;

  useEffect(() => {
    if (first !== undefined && last !== undefined) pages.show(first, last);
  }, [pages, first, last]);

  // A new search starts at the top, with its best hits; the same one reloaded (after an edit) stays where it was.
  useLayoutEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [listKey, virtualizer]);

  // The selection stays in view, also when it moves from the reader (previous/next).
  useLayoutEffect(() => {
    if (selected !== null) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);

  // After a keyboard move, focus follows the selection once its row exists (it may still be loading).
  const focusPending = useRef(false);
  useLayoutEffect(() => {
    if (!focusPending.current || selected === null) return;
    const link = scroller.current?.querySelector<HTMLElement>(`[data-index="${selected}"] .row-title`);
    if (link) {
      link.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const current = selected ?? openIndex;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = keyTargetOf(event.target);
    const selecting = selectionCommandForKey(event, target);
    // The row with keyboard focus is where selection keys act (focus may sit on a row other than the cursor's).
    const focused = event.target instanceof Element ? rowIndexOf(event.target) : null;
    const here = focused ?? current;
    if (selecting === 'clear-selection' && marked.ids.size === 0) {
      // Nothing to clear: Esc keeps its window-wide meaning (back from the reader).
    } else if (selecting !== null) {
      event.preventDefault();
      if (selecting === 'select-all') marked.selectAll();
      else if (selecting === 'clear-selection') marked.clear();
      else if (selecting === 'toggle-selection') {
        if (here !== null) marked.toggle(here, null);
      } else {
        const next = moveSelection(
          here,
          selecting === 'extend-next' ? 'select-next' : 'select-previous',
          total,
          1,
        );
        if (next === null) return;
        marked.range(next, here ?? next);
        focusPending.current = true;
        onSelect(next);
      }
      return;
    }
    const command = commandForKey(event, target, false);
    if (command === null || !command.startsWith('select-')) return;
    const visibleRows = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight) - 1,
    );
    const next = moveSelection(selected, command, total, visibleRows);
    if (next === null) return;
    event.preventDefault();
    focusPending.current = true;
    onSelect(next);
  };

  const onRowClick = (index: number, kind: RowClick) => {
    if (kind === 'toggle') marked.toggle(index, current);
    else if (kind === 'range') marked.range(index, current);
    if (kind !== 'open') {
      onSelect(index);
      return;
    }
    marked.clear();
    onOpen(index);
  };

  const rendered = new Set(items.map((item) => item.index));
  const tabbable = selected !== null && rendered.has(selected) ? selected : first;

  return (
    <div ref={scroller} className="result-scroller" data-keys="list" onKeyDown={onKeyDown}>
      <ul className="result-list" aria-label="Articles" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <li
            key={item.key}
            data-index={item.index}
            aria-setsize={total}
            aria-posinset={item.index + 1}
            className="result-item"
            style={{ height: item.size, transform: `translateY(${item.start}px)` }}
          >
            <ResultRow
              hit={pages.hitAt(item.index)}
              state={pages.rowState(item.index)}
              selected={item.index === selected}
              marked={marked.ids.has(pages.hitAt(item.index)?.id ?? '')}
              isOpen={item.index === openIndex}
              tabbable={item.index === tabbable}
              onClick={(kind) => onRowClick(item.index, kind)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
