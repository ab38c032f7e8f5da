import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultPages } from '../state/result-pages';

interface OpenArticle {
  id: string;
  /** Its place in the current list, or null when it is not in it (opened from a source-site link, filtered out). */
  index: number | null;
}

export interface ListNavigation {
  /** The highlighted row of the list. */
  selected: number | null;
  openId: string | null;
  openIndex: number | null;
  /** On narrow windows only one of list and reader shows; this says which. */
  view: 'list' | 'reader';
  /** Changes each time opening should move keyboard focus into the reader. */
  focusReaderToken: number;
  select(index: number | null): void;
  open(index: number, options?: { focus?: boolean }): void;
  openById(id: string): void;
  /** Previous/next through the whole list, loading pages as needed; false when there is nowhere to go. */
  step(delta: 1 | -1): boolean;
  showList(): void;
  reset(): void;
}

/**
 * Selection, the open article and previous/next, as positions in the current list. A new list (another query,
 * an import) starts with nothing selected, at its top; the open article stays open and keeps its position in
 * the new list when it is in it, so previous/next go on from there.
 */
export function useListNavigation(pages: ResultPages | null): ListNavigation {
  const [selected, setSelected] = useState<number | null>(null);
  const [open, setOpen] = useState<OpenArticle | null>(null);
  const [view, setView] = useState<'list' | 'reader'>('list');
  const [focusReaderToken, setFocusReaderToken] = useState(0);
  const [seenPages, setSeenPages] = useState(pages);
  /**
   * Where the next step starts: the position last asked for, even before it has loaded, so pressing j three
   * times quickly walks three articles (the `open` state of this render would still say the first).
   */
  const cursor = useRef<number | null>(null);
  const sequence = useRef(0);

  if (seenPages !== pages) {
    // Adjusting state while rendering (not in an effect) keeps the old list's selection from flashing once.
    setSeenPages(pages);
    setSelected(null);
    if (open) setOpen({ id: open.id, index: pages?.indexOf(open.id) ?? null });
  }

  useEffect(() => {
    cursor.current = open?.index ?? null;
  }, [open]);

  // After a reload of the same list, the open article is often where it was, beyond the first page: look there.
  const previousIndex = useRef<number | null>(null);
  useEffect(() => {
    const hint = previousIndex.current;
    previousIndex.current = open?.index ?? hint;
    if (!pages || !open || open.index !== null || hint === null) return;
    const { id } = open;
    let current = true;
    pages.hitAtLoaded(hint).then(
      (hit) => current && hit?.id === id && setOpen({ id, index: hint }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [pages, open]);

  const goTo = useCallback(
    (index: number, focus: boolean) => {
      if (!pages) return;
      const mine = ++sequence.current;
      const before = cursor.current;
      cursor.current = index;
      pages.hitAtLoaded(index).then(
        (hit) => {
          if (mine !== sequence.current) return;
          if (!hit) {
            cursor.current = before;
            return;
          }
          setSelected(index);
          setOpen({ id: hit.id, index });
          setView('reader');
          if (focus) setFocusReaderToken((token) => token + 1);
        },
        () => {
          // The page did not load (the list shows why); the next step starts from where the reader still is.
          if (mine === sequence.current) cursor.current = before;
        },
      );
    },
    [pages],
  );

  const openAt = useCallback(
    (index: number, options: { focus?: boolean } = {}) => goTo(index, options.focus ?? false),
    [goTo],
  );

  const step = useCallback(
    (delta: 1 | -1): boolean => {
      if (!pages || open === null) return false;
      const from = cursor.current;
      // Outside the list (a source-site link), Next starts from the top and Previous has nowhere to go.
      const target = from === null ? (delta === 1 ? 0 : -1) : from + delta;
      if (target < 0 || target >= pages.total) return false;
      goTo(target, false);
      return true;
    },
    [pages, open, goTo],
  );

  const openById = useCallback(
    (id: string) => {
      sequence.current++;
      const index = pages?.indexOf(id) ?? null;
      setOpen({ id, index });
      if (index !== null) setSelected(index);
      setView('reader');
    },
    [pages],
  );

  const showList = useCallback(() => setView('list'), []);
  const reset = useCallback(() => {
    sequence.current++;
    setSelected(null);
    setOpen(null);
    setView('list');
  }, []);

  return {
    selected,
    openId: open?.id ?? null,
    openIndex: open?.index ?? null,
    view,
    focusReaderToken,
    select: setSelected,
    open: openAt,
    openById,
    step,
    showList,
    reset,
  };
}
