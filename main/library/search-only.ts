/**
 * A search of a library without loading its catalog, for one-shot processes (`offprint search`): when the index
 * covers the catalog's current revision exactly, the segments alone know which articles exist and their dates,
 * tags and titles, and the few hits on the page are read from their article files. At 100,000 articles this
 * skips parsing some 60 MB of catalog. Whenever the index is behind, damaged or a batch was cut short, it
 * answers null and the caller opens the whole library (which also repairs what needs repairing).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArgsOf } from '../../common/api';
import type { StoredArticle } from '../../common/article';
import type { SearchResponse } from '../../common/search';
import { SegmentedIndex } from './search/engine/segmented-index';
import { search } from './search/search-service';
import { JOURNAL_FILE, exists } from './store/article-store';
import { checkArticleVersion, readCatalogRevision } from './store/catalog';
import { openDescriptor } from './store/descriptor';

export interface SearchOnly {
  search(request: ArgsOf<'search'>): Promise<SearchResponse>;
  close(): Promise<void>;
}

export async function openSearchOnly(dir: string): Promise<SearchOnly | null> {
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
        hitSource: async (id) => {
          const file = path.join(absolute, 'articles', id.slice(0, 2), id, 'article.json');
          return checkArticleVersion(
            JSON.parse(await fs.readFile(file, 'utf8')) as Partial<StoredArticle>,
            file,
          );
        },
      }),
    close: async () => index.close(),
  };
}
