import { useEffect, useState } from 'react';
import { DEFAULT_SEARCH, type TagCount } from '../../common/search';
import { api } from '../api/client';
import type { Filters } from '../state/filters';
import type { ResultsSummary } from '../state/result-pages';

/**
 * The counts the tag filter shows. With all-of, they are the counts over the current results: each click
 * narrows further. With any-of, they must ignore the tags already chosen (as a shop's "brand" facet does), or
 * choosing one tag would hide every tag its articles do not also carry, and a second could never be added.
 */
export function useTagCounts(
  criteria: Filters,
  summary: ResultsSummary | null,
  reloadKey: number,
): TagCount[] {
  const { query, tags, anyTag, notTags, readState, starred, from, to } = criteria;
  const disjunctive = anyTag && tags.length > 0;
  const [counts, setCounts] = useState<TagCount[] | null>(null);

  useEffect(() => {
    if (!disjunctive) return;
    let current = true;
    // No hits needed, only the facet: limit 0 (and the order does not matter).
    const request = { ...DEFAULT_SEARCH, query, notTags, readState, starred, from, to, offset: 0, limit: 0 };
    api.search(request).then(
      (response) => current && setCounts(response.tags),
      // The list shows search failures; the counts of the last good answer stay meanwhile.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [disjunctive, query, notTags, readState, starred, from, to, reloadKey]);

  return (disjunctive ? counts : null) ?? summary?.tags ?? [];
}
