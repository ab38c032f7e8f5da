/**
 * A search of a library without loading its catalog, for one-shot processes (`offprint search`): when the index
 * covers the catalog's current revision exactly, the segments alone know which articles exist and their dates,
 * tags and titles, and the few hits on the page are read from their article files. At 100,000 articles this
 * skips parsing some 60 MB of catalog. Whenever the index is behind, damaged or a batch was cut short, it
 * answers null and the caller opens the whole library (which also repairs what needs repairing).
 */
import path from 'node:path';
import type { ArgsOf } from '../../common/api';
import type { SearchResponse } from '../../common/search';
import { SegmentedIndex } from './search/engine/segmented-index';
import { readHitSource } from './search/hit-file';
import { search } from './search/search-service';
import { JOURNAL_FILE, exists } from './store/article-store';
import { readCatalogRevision } from './store/catalog';
import { openDescriptor } from './store/descriptor';

export interface SearchOnly {
  search(request: ArgsOf<'search'>): Promise<SearchResponse>;
  close(): Promise<void>;
}

/** `deadlineMs` bounds each query as in the library's search threads (this one runs where it is called). */
export async function openSearchOnly(dir: string, deadlineMs?: number): Promise<SearchOnly | null> {
  const absolute = path.resolve(dir);
  await openDescriptor(absolute);
  if (await exists(path.join(absolute, JOURNAL_FILE))) return null;
  const revision = await readCatalogRevision(absolute);
  if (revision === null) return null;
  const index = new SegmentedIndex(absolute);
  await index.refresh();
  const view = index.problems.length ? null : index.currentWithoutCatalog(revision);
  if (!view) {
    index.close();
    return null;
  }
  return {
    search: (request) =>
      search(request, {
        ...view,
        lag: null,
        ...(deadlineMs === undefined ? {} : { deadlineMs }),
        hitSource: (id) => readHitSource(absolute, id),
      }),
    close: async () => index.close(),
  };
}
