/**
 * A hit's article read straight from its `article.json`, for searches that run without the catalog (the
 * search thread, `offprint search`): the catalog entry is this file without text and html, so the hit shows
 * the same. Only what a hit shows is kept, so a cache of them holds no article's html.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoredArticle } from '../../../common/article';
import { OffprintError } from '../../../common/errors';
import { checkArticleVersion } from '../store/catalog';
import type { HitSource } from './search-service';

export async function readHitSource(libraryDir: string, id: string): Promise<HitSource> {
  const file = path.join(libraryDir, 'articles', id.slice(0, 2), id, 'article.json');
  let article: StoredArticle;
  try {
    article = checkArticleVersion(
      JSON.parse(await fs.readFile(file, 'utf8')) as Partial<StoredArticle>,
      file,
    );
  } catch (error) {
    // In words: the article went away since the index was read (removed, quarantined), or its file is damaged.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new OffprintError('not-found', `No article with id ${id} in this library (${file} is gone).`);
    if (error instanceof SyntaxError)
      throw new OffprintError('failed', `${file} is damaged: it is not complete JSON.`);
    throw error;
  }
  const { title, subtitle, published, site, tags, url, linkOnly, text } = article;
  return { id: article.id, title, subtitle, published, site, tags, url, linkOnly, text };
}
