/**
 * The messages between a library and its search threads. A thread opens the library's index itself (the
 * segments are immutable files named by the manifest, so reading them needs no lock and no coordination);
 * what only the library knows comes with each query: the catalog's revision and the ids the segments hold
 * that the catalog no longer lists, which together say which documents are live, as the library sees them.
 */
import type { ApiErrorShape } from '../../../common/api';
import type { SearchRequest, SearchResponse } from '../../../common/search';

export interface SearchJob {
  libraryDir: string;
  request: SearchRequest;
  /** The catalog revision the library answers for; the thread's view of the index is kept per revision. */
  revision: number;
  /** Ids in the index that the catalog no longer lists (usually none). */
  removed: string[];
  /** Articles the catalog lists, to say how many the index does not hold yet. */
  articles: number;
  deadlineMs: number;
}

export interface SearchMessage {
  seq: number;
  job: SearchJob;
}

export type SearchReply =
  | { seq: number; ok: true; response: SearchResponse; indexed: number }
  | { seq: number; ok: false; error: ApiErrorShape };
