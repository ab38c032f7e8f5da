import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Highlight } from '../../common/user-data';
import { selectorsOfRange } from '../dom/anchor-dom';
import { drawHighlights, HIGHLIGHT_MARK } from '../dom/highlight-marks';
import { boxInScroller, boxInWindow, type Box } from '../dom/window-rect';
import type { TextSelectors } from '../lib/anchoring';

/** Text selected in the body, ready to highlight; `box` is where it is in the scroller's content. */
export interface PendingSelection {
  selectors: TextSelectors;
  box: Box;
}

export interface ShownBody {
  articleId: string;
  /** The element whose text nodes are the article's text (in the app's document or the frame's). */
  container: HTMLElement;
  /** Changes each time the body was rebuilt, so highlights are drawn again. */
  version: number;
}

const NO_ORPHANS = new Set<string>();

/** What is selected inside `container` now, placed in the scroller; null when nothing (or nothing there) is. */
function selectionIn(container: HTMLElement, view: HTMLElement | null): PendingSelection | null {
  const doc = container.ownerDocument;
  const chosen = doc.getSelection();
  const range = chosen && chosen.rangeCount > 0 && !chosen.isCollapsed ? chosen.getRangeAt(0) : null;
  const selectors = range && range.intersectsNode(container) ? selectorsOfRange(container, range) : null;
  if (!range || !selectors || !view) return null;
  return { selectors, box: boxInScroller(boxInWindow(range.getBoundingClientRect(), doc), view) };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}

/**
 * The reader's highlights on the shown body: draws them (and answers which were not found), follows the
 * selection in the body's document (the frame's own, for a rich body), and reports clicks on a drawn highlight.
 */
export function useHighlightLayer(
  body: ShownBody | null,
  highlights: readonly Highlight[],
  scroller: RefObject<HTMLElement | null>,
  onOpenHighlight: (highlightId: string) => void,
): {
  orphans: ReadonlySet<string>;
  selection: PendingSelection | null;
  /** The body's selection as it is now: a key may come before `selectionchange` has updated `selection`. */
  currentSelection(): PendingSelection | null;
  clearSelection(): void;
} {
  const [orphans, setOrphans] = useState<ReadonlySet<string>>(NO_ORPHANS);
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  const open = useRef(onOpenHighlight);
  useEffect(() => {
    open.current = onOpenHighlight;
  });

  const container = body?.container ?? null;
  const version = body?.version ?? 0;
  useLayoutEffect(() => {
    const found = container ? drawHighlights(container, highlights) : NO_ORPHANS;
    setOrphans((shown) => (sameSet(shown, found) ? shown : found));
  }, [container, version, highlights]);

  useEffect(() => {
    setSelection(null);
    if (!container) return;
    const doc = container.ownerDocument;
    let pointerDown = false;
    const evaluate = () => setSelection(selectionIn(container, scroller.current));
    // While the mouse is down the selection is still being made: the toolbar waits for the button's release.
    const onDown = () => {
      pointerDown = true;
    };
    const onUp = () => {
      pointerDown = false;
      evaluate();
    };
    const onChange = () => {
      if (!pointerDown) evaluate();
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target as Partial<Element> | null;
      const mark = typeof target?.closest === 'function' ? target.closest(HIGHLIGHT_MARK) : null;
      if (!mark || !container.contains(mark) || !doc.getSelection()?.isCollapsed) return;
      const id = mark.getAttribute('data-highlight-id');
      if (id) open.current(id);
    };
    doc.addEventListener('mousedown', onDown);
    doc.addEventListener('mouseup', onUp);
    doc.addEventListener('selectionchange', onChange);
    doc.addEventListener('click', onClick);
    return () => {
      doc.removeEventListener('mousedown', onDown);
      doc.removeEventListener('mouseup', onUp);
      doc.removeEventListener('selectionchange', onChange);
      doc.removeEventListener('click', onClick);
    };
  }, [container, scroller]);

  const currentSelection = () => (container ? selectionIn(container, scroller.current) : null);

  const clearSelection = () => {
    container?.ownerDocument.getSelection()?.removeAllRanges();
    setSelection(null);
  };

  return { orphans, selection, currentSelection, clearSelection };
}
