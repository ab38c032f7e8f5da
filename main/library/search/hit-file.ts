/**
 * A hit's article read straight from its `article.json`, for searches that run without the catalog (the
 * search thread, `offprint search`): the catalog entry is this file without text and html, so the hit shows
 * the same. Only what a hit shows is kept, so a cache of them holds no article's html. The article's user.json is
 * read beside it (the same disk wait), for a snippet of the note or highlight the query matched.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoredArticle } from '../../../common/article';
import { OffprintError } from '../../../common/errors';
import { EMPTY_USER_DATA, type UserData } from '../../../common/user-data';
import { checkArticleVersion } from '../store/catalog';
import { readUserData } from '../store/user-data';
import type { HitSource } from './search-service';

export async function readHitSource(libraryDir: string, id: string): Promise<HitSource> {
  const dir = path.join(libraryDir, 'articles', id.slice(0, 2), id);
  const file = path.join(dir, 'article.json');
  let article: StoredArticle;
  const user = hitUserData(dir);
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
  return { id: article.id, title, subtitle, published, site, tags, url, linkOnly, text, user: await user };
}

/**
 * What a hit shows of the reader's data. A damaged user.json, or a newer one, must not fail the search: the hit
 * shows no annotation snippet, and the reader meets that file's error when opening the article.
 */
export async function hitUserData(articleDir: string): Promise<UserData> {
  try {
    return await readUserData(articleDir);
  } catch {
    return EMPTY_USER_DATA;
  }
}
