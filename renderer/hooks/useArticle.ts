import { useCallback, useEffect, useState } from 'react';
import type { ArticleView } from '../../common/article';
import type { UserData } from '../../common/user-data';
import { api } from '../api/client';
import { LruCache } from '../state/article-cache';

/** Loads in flight and loaded, by id: opening an article that was prefetched costs nothing. */
const cache = new LruCache<string, Promise<ArticleView>>(24);

function load(id: string): Promise<ArticleView> {
  const cached = cache.get(id);
  if (cached) return cached;
  const loading = api.getArticle({ id });
  cache.set(id, loading);
  // A failure is not remembered: the next attempt asks again.
  loading.catch(() => cache.delete(id));
  return loading;
}

/** Starts loading an article the reader is likely to open next (the next one in the list). */
export function prefetchArticle(id: string): void {
  load(id).catch(() => undefined);
}

/** After an import or a library switch, neighbours and tags may have changed. */
export function forgetArticles(): void {
  cache.clear();
}

/**
 * The reader changed an article's user data (read, starred, highlights, note, position): the cached copy
 * follows, so reopening it in this session shows what was saved without asking again.
 */
export function updateCachedUser(id: string, change: (user: UserData) => UserData): void {
  const cached = cache.get(id);
  if (cached)
    cache.set(
      id,
      cached.then((article) => ({ ...article, user: change(article.user) })),
    );
}

/** A write failed: the next open asks the library for what it holds. */
export function forgetArticle(id: string): void {
  cache.delete(id);
}

export interface ArticleState {
  /** The article asked for, or while it loads the one shown before (so stepping through the list does not flash). */
  article: ArticleView | null;
  loading: boolean;
  error: unknown;
  /** Asks again for an article that failed to load. */
  retry(): void;
}

export function useArticle(id: string | null, reloadKey: number): ArticleState {
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const [state, setState] = useState<{
    article: ArticleView | null;
    error: unknown;
    failedId: string | null;
  }>({
    article: null,
    error: null,
    failedId: null,
  });
  useEffect(() => {
    if (id === null) return;
    let current = true;
    load(id).then(
      (article) => current && setState({ article, error: null, failedId: null }),
      (error: unknown) => current && setState((previous) => ({ ...previous, error, failedId: id })),
    );
    return () => {
      current = false;
    };
  }, [id, reloadKey, attempt]);

  if (id === null) return { article: null, loading: false, error: null, retry };
  const failed = state.failedId === id;
  return {
    article: state.article,
    loading: !failed && state.article?.id !== id,
    error: failed ? state.error : null,
    retry,
  };
}
