/** Builds the search index from the article files of a library and saves it (runs in the worker). */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoredArticle } from '../../../common/article';
import { buildIndex, type IndexDocument } from './lunr-setup';
import { saveIndex } from './saved-index';

export function toIndexDocument(a: StoredArticle): IndexDocument {
  return {
    id: a.id,
    title: a.title,
    subtitle: a.subtitle ?? '',
    tags: a.tags.join(' '),
    author: a.author ?? '',
    site: a.site ?? '',
    body: a.text,
  };
}

export async function buildIndexFromLibrary(
  libraryDir: string,
  ids: string[],
  fingerprint: string,
): Promise<void> {
  const documents: IndexDocument[] = [];
  for (const id of ids) {
    const file = path.join(libraryDir, 'articles', id.slice(0, 2), id, 'article.json');
    documents.push(toIndexDocument(JSON.parse(await fs.readFile(file, 'utf8')) as StoredArticle));
  }
  await saveIndex(libraryDir, buildIndex(documents), fingerprint);
}
