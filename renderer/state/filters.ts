/**
 * The query and filters that define "the current list". Typing changes `query` at once (the box must not lag);
 * the search itself waits for the debounced value. The shape is exactly a saved search's criteria
 * (`SavedCriteria`), so saving stores it as it is and applying one replaces it whole.
 */
import type { SavedCriteria } from '../../common/saved-search';
import { DEFAULT_SEARCH, type ReadFilter, type SortOrder } from '../../common/search';

/** A search request without its paging; `from`/`to` are `YYYY-MM-DD`, as date inputs give them, or null. */
export type Filters = SavedCriteria;

export const INITIAL_FILTERS: Filters = (({ offset: _offset, limit: _limit, ...filters }) => filters)(
  DEFAULT_SEARCH,
);

/** What a tag does to the list: required (all-of/any-of), excluded (none-of), or nothing. */
export type TagState = 'include' | 'exclude' | 'off';

export type FiltersAction =
  | { type: 'set-query'; query: string }
  | { type: 'toggle-tag'; tag: string }
  | { type: 'set-tag-state'; tag: string; state: TagState }
  | { type: 'set-any-tag'; anyTag: boolean }
  | { type: 'clear-tags' }
  | { type: 'set-read-state'; readState: ReadFilter }
  | { type: 'set-starred'; starred: boolean }
  | { type: 'set-from'; date: string | null }
  | { type: 'set-to'; date: string | null }
  | { type: 'clear-dates' }
  | { type: 'set-sort'; sort: SortOrder }
  /** A saved search: its query and filters replace the current ones. */
  | { type: 'apply'; criteria: SavedCriteria }
  /** A tag was renamed in the library: filters naming it (or its descendants) follow. */
  | { type: 'rename-tag'; from: string; to: string }
  /** Back to the whole library; the sort order is a preference, not a filter, so it stays. */
  | { type: 'clear-all' };

const lower = (tag: string) => tag.toLowerCase();
const has = (tags: readonly string[], tag: string) => tags.some((other) => lower(other) === lower(tag));
const without = (tags: readonly string[], tag: string) => tags.filter((other) => lower(other) !== lower(tag));

/** Tags match case-insensitively, as the engine matches them. */
export function tagStateOf(filters: Filters, tag: string): TagState {
  if (has(filters.tags, tag)) return 'include';
  if (has(filters.notTags, tag)) return 'exclude';
  return 'off';
}

/** The state a click on the tag's cycle button moves to: include → exclude → off. */
export function nextTagState(state: TagState): TagState {
  return state === 'off' ? 'include' : state === 'include' ? 'exclude' : 'off';
}

function withTagState(state: Filters, tag: string, next: TagState): Filters {
  const tags = without(state.tags, tag);
  const notTags = without(state.notTags, tag);
  if (next === 'include') tags.push(tag);
  if (next === 'exclude') notTags.push(tag);
  return { ...state, tags, notTags };
}

/** `region` → `area` renames `region` and `region/europe` alike; duplicates a merge makes are dropped. */
export function renameIn(tags: readonly string[], from: string, to: string): string[] {
  const prefix = `${lower(from)}/`;
  const out: string[] = [];
  for (const tag of tags) {
    const renamed =
      lower(tag) === lower(from) ? to : lower(tag).startsWith(prefix) ? to + tag.slice(from.length) : tag;
    if (!has(out, renamed)) out.push(renamed);
  }
  return out;
}

export function filtersReducer(state: Filters, action: FiltersAction): Filters {
  switch (action.type) {
    case 'set-query':
      return { ...state, query: action.query };
    case 'toggle-tag':
      return withTagState(state, action.tag, has(state.tags, action.tag) ? 'off' : 'include');
    case 'set-tag-state':
      return withTagState(state, action.tag, action.state);
    case 'set-any-tag':
      return { ...state, anyTag: action.anyTag };
    case 'clear-tags':
      return { ...state, tags: [], notTags: [] };
    case 'set-read-state':
      return { ...state, readState: action.readState };
    case 'set-starred':
      return { ...state, starred: action.starred };
    case 'set-from':
      return { ...state, from: action.date || null };
    case 'set-to':
      return { ...state, to: action.date || null };
    case 'clear-dates':
      return { ...state, from: null, to: null };
    case 'set-sort':
      return { ...state, sort: action.sort };
    case 'apply':
      return { ...INITIAL_FILTERS, ...action.criteria };
    case 'rename-tag':
      return {
        ...state,
        tags: renameIn(state.tags, action.from, action.to),
        notTags: renameIn(state.notTags, action.from, action.to),
      };
    case 'clear-all':
      return { ...INITIAL_FILTERS, sort: state.sort };
  }
}

/** True when something narrows the list, so an empty result means "nothing matches", not "empty library". */
export function isFiltered(filters: Filters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.tags.length > 0 ||
    filters.notTags.length > 0 ||
    filters.readState !== 'all' ||
    filters.starred ||
    filters.from !== null ||
    filters.to !== null
  );
}

/** How many filters are set, for the badge on the "Show filters" button. */
export function activeFilterCount(filters: Filters): number {
  return (
    filters.tags.length +
    filters.notTags.length +
    (filters.readState !== 'all' ? 1 : 0) +
    (filters.starred ? 1 : 0) +
    (filters.from || filters.to ? 1 : 0)
  );
}

/** A stable key for "which list": the criteria without the debounce's in-between states mattering. */
export function criteriaKey(filters: Filters): string {
  const { query, tags, anyTag, notTags, readState, starred, from, to, sort } = filters;
  return JSON.stringify([query, tags, anyTag, notTags, readState, starred, from, to, sort]);
}
