/** The search contract: a Lunr query plus filters, answered with hits, facets and timing. */

export type SortOrder = 'relevance' | 'date';
export type ReadFilter = 'all' | 'read' | 'unread';

export interface SearchRequest {
  /** Lunr syntax (field scoping, `*`, `~`, `+`/`-`); empty lists everything, newest first. */
  query: string;
  /**
   * Tags to filter by; `anyTag` switches from all-of to any-of. Tags match case-insensitively, and a tag
   * matches its descendants too: `region` matches `region/middle-east`.
   */
  tags: string[];
  anyTag: boolean;
  /** None-of: articles carrying any of these tags (or their descendants) are left out. */
  notTags: string[];
  /** Reading state filter. */
  readState: ReadFilter;
  /** Only starred articles. */
  starred: boolean;
  /** Inclusive bounds on the published date, `YYYY-MM-DD` or full ISO; articles without a date are excluded when set. */
  from: string | null;
  to: string | null;
  sort: SortOrder;
  /** Page of hits to return; `total` always counts all of them. */
  offset: number;
  limit: number;
}

export interface SearchHit {
  id: string;
  title: string;
  score: number;
  /**
   * The best matching passage, HTML-escaped, with the matched words wrapped in `<mark>…</mark>`.
   * Nothing else in it is markup, so a client may split on those two tags instead of parsing HTML.
   */
  snippet: string;
  published: string | null;
  site: string | null;
  tags: string[];
  read: boolean;
  starred: boolean;
  /** Highlights in the article, and whether it has an article note. */
  highlights: number;
  hasNote: boolean;
  /**
   * When the query matched a highlight or a note: that passage, escaped and marked as `snippet` is; else null.
   */
  annotationSnippet: string | null;
}

/**
 * One facet. Tags that differ only by case are one facet, shown in their most common spelling; every
 * ancestor of a hierarchical tag (`region` of `region/middle-east`) is a facet too, counting the hits that
 * carry it or any descendant.
 */
export interface TagCount {
  tag: string;
  count: number;
}

export interface SearchResponse {
  total: number;
  tookMs: number;
  hits: SearchHit[];
  /** Tag counts over all hits (not only this page), most frequent first. */
  tags: TagCount[];
  /** Set when the query could not be read as Lunr syntax and was searched as plain words. */
  notice: string | null;
  /** The stemmed terms that matched, for highlighting in the reader. */
  terms: string[];
}

export const DEFAULT_SEARCH: SearchRequest = {
  query: '',
  tags: [],
  anyTag: false,
  notTags: [],
  readState: 'all',
  starred: false,
  from: null,
  to: null,
  sort: 'relevance',
  offset: 0,
  limit: 50,
};
