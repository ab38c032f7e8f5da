import { useEffect, useRef, useState } from 'react';
import { DEFAULT_SEARCH } from '../../common/search';
import { api } from '../api/client';
import type { Filters } from '../state/filters';
import { ResultPages, type ResultsSummary } from '../state/result-pages';

export interface SearchResults {
  /** The search on screen; it stays while a newer one runs, so the list never blanks between keystrokes. */
  pages: ResultPages | null;
  summary: ResultsSummary | null;
  /** A newer search is running. */
  pending: boolean;
  /** The newest search failed (shown in place of the list). */
  error: unknown;
}

/**
 * The current list for `criteria`, searched again when they change or `reloadKey` does. Each search gets a
 * sequence number; an answer that is not the newest is dropped, so a slow early query cannot overwrite a later one.
 */
export function useSearchResults(criteria: Filters, reloadKey: number): SearchResults {
  const [results, setResults] = useState<SearchResults & { answers: string | null }>({
    pages: null,
    summary: null,
    pending: true,
    error: null,
    answers: null,
  });
  const sequence = useRef(0);
  const shown = useRef<ResultPages | null>(null);
  const { query, tags, anyTag, notTags, readState, starred, from, to, sort } = criteria;
  // Which criteria the list on screen answers. The effect below only starts after React has committed the new
  // criteria, so without this there is one frame where the old list shows as the answer to the new query.
  const key = JSON.stringify([query, tags, anyTag, notTags, readState, starred, from, to, sort, reloadKey]);

  useEffect(() => {
    const mine = ++sequence.current;
    const pages = new ResultPages((offset, limit) =>
      api.search({
        ...DEFAULT_SEARCH,
        query,
        tags,
        anyTag,
        notTags,
        readState,
        starred,
        from,
        to,
        sort,
        offset,
        limit,
      }),
    );
    setResults((previous) => ({ ...previous, pending: true }));
    pages.start().then(
      (summary) => {
        if (mine !== sequence.current) return pages.close();
        shown.current?.close();
        shown.current = pages;
        setResults({ pages, summary, pending: false, error: null, answers: key });
      },
      (error: unknown) => {
        pages.close();
        if (mine === sequence.current)
          setResults((previous) => ({ ...previous, pending: false, error, answers: key }));
      },
    );
  }, [query, tags, anyTag, notTags, readState, starred, from, to, sort, reloadKey]);

  const { pages, summary, pending, error, answers } = results;
  return { pages, summary, error, pending: pending || answers !== key };
}
