import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleView } from '../../common/article';
import type { Highlight, HighlightColor, UserData } from '../../common/user-data';
import { api, describeError } from '../api/client';
import type { TextSelectors } from '../lib/anchoring';
import { forgetArticle, updateCachedUser } from './useArticle';
import { useDebouncedCall } from './useDebouncedCall';

/** Saving the note as it is typed: often enough that nothing is lost, rarely enough not to write every key. */
const NOTE_DEBOUNCE_MS = 600;
const POSITION_DEBOUNCE_MS = 800;

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface UserDataControls {
  /** The open article's user data as the reader has made it (saved, or being saved). */
  user: UserData | null;
  setRead(read: boolean): void;
  toggleStar(): void;
  savePosition(position: number): void;
  addHighlight(color: HighlightColor, selectors: TextSelectors): Promise<Highlight | null>;
  updateHighlight(highlightId: string, change: { color?: HighlightColor; note?: string }): void;
  removeHighlight(highlightId: string): void;
  setNote(note: string): void;
  noteStatus: SaveStatus;
  /** The last write that failed, to show; cleared by `dismissError`. */
  error: string | null;
  dismissError(): void;
}

const byPosition = (a: Highlight, b: Highlight) => a.position.start - b.position.start;

/**
 * The open article's reading state, highlights and note: shown at once as changed, written through the API,
 * put back with a message when a write fails. `onChanged` is told of changes that search sees (the list may show
 * them); the reading position is not one.
 */
export function useUserData(article: ArticleView | null, onChanged: () => void): UserDataControls {
  const id = article?.id ?? null;
  const [state, setState] = useState<{ id: string | null; user: UserData | null }>({ id: null, user: null });
  const user = state.id === id && id !== null ? state.user : (article?.user ?? null);
  const current = useRef({ id, user });
  current.current = { id, user };
  const [error, setError] = useState<string | null>(null);
  const [noteStatus, setNoteStatus] = useState<SaveStatus>('idle');
  const changed = useRef(onChanged);
  useEffect(() => {
    changed.current = onChanged;
  });

  // Another article: what was said about the last one's writes is not about this one.
  useEffect(() => {
    setNoteStatus('idle');
    setError(null);
  }, [id]);

  /** Shows `next` at once; `write` saves it. A failure puts back what was there before, with why. */
  const apply = useCallback(
    (next: (user: UserData) => UserData, write: () => Promise<unknown>, what: string, searched = true) => {
      const { id: articleId, user: before } = current.current;
      if (articleId === null || before === null) return Promise.resolve(false);
      const after = next(before);
      current.current = { id: articleId, user: after };
      setState({ id: articleId, user: after });
      updateCachedUser(articleId, next);
      return write().then(
        () => {
          if (searched) changed.current();
          return true;
        },
        (failure: unknown) => {
          setError(`${what} failed: ${describeError(failure)}`);
          setState((shown) => (shown.id === articleId ? { id: articleId, user: before } : shown));
          forgetArticle(articleId);
          return false;
        },
      );
    },
    [],
  );

  const setRead = useCallback(
    (read: boolean) => {
      const articleId = current.current.id;
      if (articleId === null) return;
      void apply(
        (u) => ({
          ...u,
          reading: { ...u.reading, read, readAt: read ? new Date().toISOString() : null },
        }),
        () => api.setReading({ ids: [articleId], read }),
        read ? 'Marking the article read' : 'Marking the article unread',
      );
    },
    [apply],
  );

  const toggleStar = useCallback(() => {
    const { id: articleId, user: u } = current.current;
    if (articleId === null || !u) return;
    const starred = !u.reading.starred;
    void apply(
      (v) => ({ ...v, reading: { ...v.reading, starred } }),
      () => api.setReading({ ids: [articleId], starred }),
      starred ? 'Starring the article' : 'Unstarring the article',
    );
  }, [apply]);

  const position = useDebouncedCall(({ articleId, at }: { articleId: string; at: number }) => {
    api.setPosition({ id: articleId, position: at }).catch((failure: unknown) => {
      setError(`Saving the reading position failed: ${describeError(failure)}`);
    });
  }, POSITION_DEBOUNCE_MS);

  const savePosition = useCallback(
    (at: number) => {
      const articleId = current.current.id;
      if (articleId === null) return;
      // Not shown anywhere, so not state: scrolling re-renders nothing. The cache has it for reopening.
      updateCachedUser(articleId, (u) => ({ ...u, reading: { ...u.reading, position: at } }));
      position.schedule({ articleId, at });
    },
    [position],
  );

  const note = useDebouncedCall(({ articleId, text }: { articleId: string; text: string }) => {
    api.setNote({ id: articleId, note: text }).then(
      () => {
        if (current.current.id === articleId) setNoteStatus('saved');
        changed.current();
      },
      (failure: unknown) => {
        if (current.current.id === articleId) setNoteStatus('failed');
        setError(`Saving the note failed: ${describeError(failure)}`);
      },
    );
  }, NOTE_DEBOUNCE_MS);

  const setNote = useCallback(
    (text: string) => {
      const { id: articleId, user: u } = current.current;
      if (articleId === null || !u) return;
      const next = { ...u, note: text };
      current.current = { id: articleId, user: next };
      setState({ id: articleId, user: next });
      updateCachedUser(articleId, (v) => ({ ...v, note: text }));
      setNoteStatus('saving');
      note.schedule({ articleId, text });
    },
    [note],
  );

  // Leaving an article saves what was typed or scrolled in it at once.
  useEffect(
    () => () => {
      note.flush();
      position.flush();
    },
    [id, note, position],
  );

  const addHighlight = useCallback(
    async (color: HighlightColor, selectors: TextSelectors): Promise<Highlight | null> => {
      const articleId = current.current.id;
      if (articleId === null) return null;
      try {
        const added = await api.addHighlight({ id: articleId, color, note: '', ...selectors });
        const now = current.current;
        const withAdded = (u: UserData) => ({ ...u, highlights: [...u.highlights, added].sort(byPosition) });
        if (now.id === articleId && now.user) {
          const next = withAdded(now.user);
          current.current = { id: articleId, user: next };
          setState({ id: articleId, user: next });
        }
        updateCachedUser(articleId, withAdded);
        changed.current();
        return added;
      } catch (failure) {
        setError(`Highlighting failed: ${describeError(failure)}`);
        return null;
      }
    },
    [],
  );

  const updateHighlight = useCallback(
    (highlightId: string, change: { color?: HighlightColor; note?: string }) => {
      const articleId = current.current.id;
      if (articleId === null) return;
      const modified = new Date().toISOString();
      void apply(
        (u) => ({
          ...u,
          highlights: u.highlights.map((h) => (h.id === highlightId ? { ...h, ...change, modified } : h)),
        }),
        () => api.updateHighlight({ id: articleId, highlightId, ...change }),
        change.note !== undefined ? 'Saving the highlight’s note' : 'Changing the highlight’s colour',
      );
    },
    [apply],
  );

  const removeHighlight = useCallback(
    (highlightId: string) => {
      const articleId = current.current.id;
      if (articleId === null) return;
      void apply(
        (u) => ({ ...u, highlights: u.highlights.filter((h) => h.id !== highlightId) }),
        () => api.removeHighlight({ id: articleId, highlightId }),
        'Deleting the highlight',
      );
    },
    [apply],
  );

  const dismissError = useCallback(() => setError(null), []);

  return {
    user,
    setRead,
    toggleStar,
    savePosition,
    addHighlight,
    updateHighlight,
    removeHighlight,
    setNote,
    noteStatus,
    error,
    dismissError,
  };
}
