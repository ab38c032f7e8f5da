import { useEffect, useRef, type RefObject } from 'react';

/** An article whose end is on screen is read once it has been open this long (it fits, or was opened there). */
export const FITS_READ_AFTER_MS = 4_000;
/** Smaller moves are not worth a write. */
const MIN_STEP = 0.002;

interface ReadingPositionOptions {
  articleId: string | null;
  /** The article whose body has been laid out (its height known), null while none is. */
  bodyReadyFor: string | null;
  /** Where the reader was, 0 (top) to 1 (end). */
  saved: number;
  /** The query marked words in the article: showing the first of them wins over the saved position. */
  hasHits(): boolean;
  read: boolean;
  /** Whether the end of the article's text is on screen (what follows it, notes and all, does not count). */
  endVisible(): boolean;
  onPosition(position: number): void;
  onReachedEnd(): void;
}

function fraction(scroller: HTMLElement): number {
  const range = scroller.scrollHeight - scroller.clientHeight;
  return range <= 0 ? 1 : Math.min(1, Math.max(0, scroller.scrollTop / range));
}

/**
 * Restores where the reader was in an article, records where it is as it scrolls, and tells when the article
 * has been read: scrolled to the end of its text by the reader, or open for a few seconds with that end on screen
 * (all of it fits).
 * Scrolling done here (the restore) neither counts as reading to the end nor is saved again.
 */
export function useReadingPosition(scroller: RefObject<HTMLElement | null>, options: ReadingPositionOptions) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { articleId, bodyReadyFor } = options;
  /** The article whose position was restored, and where that left the scroller. */
  const restored = useRef<{ id: string | null; at: number }>({ id: null, at: 0 });
  const reported = useRef<string | null>(null);

  useEffect(() => {
    const element = scroller.current;
    const { saved, hasHits } = latest.current;
    if (!element || articleId === null || bodyReadyFor !== articleId || restored.current.id === articleId)
      return;
    if (saved > 0 && !hasHits()) element.scrollTop = saved * (element.scrollHeight - element.clientHeight);
    restored.current = { id: articleId, at: fraction(element) };
  }, [scroller, articleId, bodyReadyFor]);

  useEffect(() => {
    const element = scroller.current;
    if (!element || articleId === null) return;
    const reachedEnd = () => {
      if (reported.current === articleId || latest.current.read) return;
      reported.current = articleId;
      latest.current.onReachedEnd();
    };
    const onScroll = () => {
      if (restored.current.id !== articleId) return;
      const at = fraction(element);
      if (Math.abs(at - restored.current.at) < MIN_STEP) return;
      restored.current = { id: articleId, at };
      latest.current.onPosition(at);
      if (latest.current.endVisible()) reachedEnd();
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const timer = setTimeout(() => {
      if (latest.current.endVisible()) reachedEnd();
    }, FITS_READ_AFTER_MS);
    return () => {
      element.removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    };
  }, [scroller, articleId]);

  // Another article, or this one again later: it may be read to its end again.
  useEffect(() => {
    if (reported.current !== articleId) reported.current = null;
  }, [articleId]);
}
