/**
 * The query and filters that define "the current list". Typing changes `query` at once (the box must not lag);
 * the search itself waits for the debounced value.
 */
import { DEFAULT_SEARCH, type SearchRequest, type SortOrder } from '../../common/search';

/** A search request without its paging; `from`/`to` are `YYYY-MM-DD`, as date inputs give them, or null. */
export type Filters = Omit<SearchRequest, 'offset' | 'limit'>;

export const INITIAL_FILTERS: Filters = (({ offset: _offset, limit: _limit, ...filters }) => filters)(
  DEFAULT_SEARCH,
);

export type FiltersAction =
  | { type: 'set-query'; query: string }
  | { type: 'toggle-tag'; tag: string }
  | { type: 'set-any-tag'; anyTag: boolean }
  | { type: 'clear-tags' }
  | { type: 'set-from'; date: string | null }
  | { type: 'set-to'; date: string | null }
  | { type: 'clear-dates' }
  | { type: 'set-sort'; sort: SortOrder }
  /** Back to the whole library; the sort order is a preference, not a filter, so it stays. */
  | { type: 'clear-all' };

export function filtersReducer(state: Filters, action: FiltersAction): Filters {
  switch (action.type) {
    case 'set-query':
      return { ...state, query: action.query };
    case 'toggle-tag':
      return {
        ...state,
        tags: state.tags.includes(action.tag)
          ? state.tags.filter((tag) => tag !== action.tag)
          : [...state.tags, action.tag],
      };
    case 'set-any-tag':
      return { ...state, anyTag: action.anyTag };
    case 'clear-tags':
      return { ...state, tags: [] };
    case 'set-from':
      return { ...state, from: action.date || null };
    case 'set-to':
      return { ...state, to: action.date || null };
    case 'clear-dates':
      return { ...state, from: null, to: null };
    case 'set-sort':
      return { ...state, sort: action.sort };
    case 'clear-all':
      return { ...INITIAL_FILTERS, sort: state.sort };
  }
}

/** True when something narrows the list, so an empty result means "nothing matches", not "empty library". */
export function isFiltered(filters: Filters): boolean {
  return (
    filters.query.trim() !== '' || filters.tags.length > 0 || filters.from !== null || filters.to !== null
  );
}
