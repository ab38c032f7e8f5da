/**
 * An article as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the
 * input every citation format is made from.
 *
 * The type: `article-newspaper` when the article names both its site and its publication date (a dated piece
 * from a named publication, which is what the importers find on news pages), otherwise `webpage`.
 * Dates are UTC date-parts: `issued` from the published date, `accessed` from the date it was imported.
 */
import type { StoredArticle } from '../../../common/article';
import { parseAuthors, type CslName } from './author-names';
import { citationKeys } from './citation-key';

export interface CslDate {
  'date-parts': [[number, number, number]];
}

export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
}

export type CitedArticle = Pick<
  StoredArticle,
  'title' | 'author' | 'site' | 'url' | 'published' | 'importedAt'
>;

/** The articles as CSL items, in the order given, each with a citation key unique among them. */
export function cslItems(articles: readonly CitedArticle[]): CslItem[] {
  const keys = citationKeys(articles);
  return articles.map((article, i) => cslItem(article, keys[i]!));
}

export function cslItem(article: CitedArticle, id: string): CslItem {
  const item: CslItem = {
    id,
    type: article.site && article.published ? 'article-newspaper' : 'webpage',
    title: article.title,
  };
  const authors = parseAuthors(article.author);
  if (authors.length) item.author = authors;
  if (article.site) item['container-title'] = article.site;
  const issued = dateParts(article.published);
  if (issued) item.issued = issued;
  const accessed = dateParts(article.importedAt);
  if (accessed) item.accessed = accessed;
  if (article.url) item.URL = article.url;
  return item;
}

export function dateParts(iso: string | null): CslDate | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}
