/** The search contract: a Lunr query plus filters, answered with hits, facets and timing. */

export type SortOrder = 'relevance' | 'date';

export interface SearchRequest {
  /** Lunr syntax (field scoping, `*`, `~`, `+`/`-`); empty lists everything, newest first. */
  query: string;
  /** Tags to filter by; `anyTag` switches from all-of to any-of. */
  tags: string[];
  anyTag: boolean;
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
}

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
  from: null,
  to: null,
  sort: 'relevance',
  offset: 0,
  limit: 50,
};
