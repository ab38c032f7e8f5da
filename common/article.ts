import type { UserData } from './user-data';

/**
 * The article as every process sees it. Persisted on disk as `article.json` (see `ARTICLE_FORMAT_VERSION`)
 * and returned by `getArticle`.
 */

/** Bump when the stored article shape changes; readers refuse articles written by a newer version. */
export const ARTICLE_FORMAT_VERSION = 1;

/** A neighbour named by the source site ("Previous article …"); `id` is null while it is not in the library. */
export interface ArticleNeighbour {
  title: string;
  id: string | null;
}

/** What an importer extracts from one input; the store adds identity and provenance. */
export interface ExtractedArticle {
  title: string;
  subtitle: string | null;
  author: string | null;
  site: string | null;
  url: string | null;
  /** ISO-8601 UTC (`2021-11-07T19:14:16Z`) or null when the source gives no date. */
  published: string | null;
  category: string | null;
  tags: string[];
  /** The body as plain text: paragraphs separated by one blank line. */
  text: string;
  /** The body as HTML when the source had structure worth keeping; untrusted, sanitized before display. */
  html: string | null;
  /** Titles of the source site's own previous/next articles, when the source names them. */
  previousTitle: string | null;
  nextTitle: string | null;
  /** True for link-only entries (e.g. a Pocket export): there is no saved text. */
  linkOnly: boolean;
  /**
   * Present when the body was longer than the import limit: the text was cut to `keptChars` of its
   * `fullChars` characters (and the html likewise). The original file is kept whole.
   */
  truncated?: { fullChars: number; keptChars: number };
}

/** One article as stored: extracted fields plus identity and provenance. */
export interface StoredArticle extends ExtractedArticle {
  formatVersion: number;
  id: string;
  /** The file name the article was imported from (no directories: those may be private). */
  source: string;
  /** Which importer read it (`seed-text`, `plain-text`, ...). */
  importer: string;
  /** The character set the bytes were decoded with. */
  encoding: string;
  /** File name of the original bytes, kept verbatim, inside the article's folder. */
  original: string;
  importedAt: string;
  /** The id of the earlier article with the same canonical URL that this one is a new version of. */
  previousVersion: string | null;
  /** Local resources kept with the article (images of a saved page), by file name. */
  resources: string[];
}

/** What `getArticle` returns: the stored article with its neighbours resolved against the library. */
export type ArticleView = Omit<
  StoredArticle,
  'formatVersion' | 'encoding' | 'original' | 'previousTitle' | 'nextTitle'
> & {
  previous: ArticleNeighbour | null;
  next: ArticleNeighbour | null;
  /** Reading state, highlights and note (`articles/<id>/user.json`). */
  user: UserData;
};

/** One row of `list`. */
export interface ArticleSummary {
  id: string;
  title: string;
  published: string | null;
  tags: string[];
  site: string | null;
  read: boolean;
  starred: boolean;
}
