/**
 * The catalog, `catalog.json`: every article's metadata (everything but the body) in one versioned file,
 * so opening a library reads one file instead of one per article. It is derived data: the article files
 * are the truth, and `rebuildCatalog` recreates it from them after a crash or damage.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoredArticle } from '../../../common/article';
import { ARTICLE_FORMAT_VERSION } from '../../../common/article';
import { OffprintError } from '../../../common/errors';
import { writeFileDurable } from './durable-write';

export const CATALOG_FILE = 'catalog.json';
export const CATALOG_FORMAT = 'offprint-catalog';
export const CATALOG_FORMAT_VERSION = 1;

export type CatalogEntry = Omit<StoredArticle, 'text' | 'html'>;

export interface CatalogFile {
  format: typeof CATALOG_FORMAT;
  version: number;
  /** Bumped on every change; part of the search index fingerprint. */
  revision: number;
  articles: CatalogEntry[];
}

export function toCatalogEntry(article: StoredArticle): CatalogEntry {
  const { text: _text, html: _html, ...entry } = article;
  return entry;
}

/** Reads the catalog; null when it is missing or damaged (the caller rebuilds it from the article files). */
export async function readCatalog(dir: string): Promise<CatalogFile | null> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, CATALOG_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: Partial<CatalogFile>;
  try {
    parsed = JSON.parse(raw) as Partial<CatalogFile>;
  } catch {
    return null;
  }
  if (parsed.format !== CATALOG_FORMAT || !Array.isArray(parsed.articles)) return null;
  if (typeof parsed.version !== 'number' || parsed.version > CATALOG_FORMAT_VERSION) {
    throw new OffprintError(
      'failed',
      `The catalog in ${dir} was written by a newer Offprint (format ${String(parsed.version)}). Update Offprint to open this library.`,
    );
  }
  return parsed as CatalogFile;
}

export async function writeCatalog(
  dir: string,
  revision: number,
  articles: Iterable<CatalogEntry>,
): Promise<void> {
  const file: CatalogFile = {
    format: CATALOG_FORMAT,
    version: CATALOG_FORMAT_VERSION,
    revision,
    articles: [...articles],
  };
  await writeFileDurable(path.join(dir, CATALOG_FILE), JSON.stringify(file));
}

/** Checks a parsed article.json; refuses files from a newer article format with a clear message. */
export function checkArticleVersion(article: Partial<StoredArticle>, file: string): StoredArticle {
  if (typeof article.formatVersion !== 'number' || typeof article.id !== 'string') {
    throw new OffprintError('failed', `${file} is not an Offprint article.`);
  }
  if (article.formatVersion > ARTICLE_FORMAT_VERSION) {
    throw new OffprintError(
      'failed',
      `${file} was written by a newer Offprint (article format ${article.formatVersion}). Update Offprint to read it.`,
    );
  }
  return article as StoredArticle;
}
