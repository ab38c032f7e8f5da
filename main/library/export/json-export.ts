/**
 * Articles as JSON: one array of `{ article, user }`, the article without the fields that only say how it is
 * stored (format version, encoding, the original's file name) and its user data (reading state, highlights,
 * note). Always one file, however many articles.
 */
import type { StoredArticle } from '../../../common/article';
import type { UserData } from '../../../common/user-data';

export type ExportedArticle = Omit<StoredArticle, 'formatVersion' | 'encoding' | 'original'>;

export function articlesJson(articles: ReadonlyArray<{ article: StoredArticle; user: UserData }>): string {
  const out = articles.map(({ article, user }) => {
    const { formatVersion: _v, encoding: _e, original: _o, ...shown } = article;
    return { article: shown satisfies ExportedArticle, user };
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
