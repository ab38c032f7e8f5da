/**
 * One article folder as found on disk (`articles/<aa>/<id>/`): a whole article, a write a crash cut short, or
 * damage and why. The store's reconcile and `offprint doctor` look at every folder through this.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoredArticle } from '../../../common/article';
import { checkArticleVersion } from './catalog';
import { FileVersionError } from './file-versions';

const ID_LENGTH = 20;

/** Ids are derived from content, so the same bytes always get the same id. */
export function articleId(original: Uint8Array): string {
  return createHash('sha256').update(original).digest('hex').slice(0, ID_LENGTH);
}

export type Inspected =
  | { kind: 'article'; article: StoredArticle; temps: string[] }
  | { kind: 'cut-short'; temps: string[] }
  | { kind: 'damaged'; reason: string; temps: string[] };

/** What one article folder holds: a whole article, a write a crash cut short, or damage (and why). */
export async function inspectArticle(dir: string, verify: boolean): Promise<Inspected> {
  const names = await readdirOrEmpty(dir);
  const temps = names.filter((n) => n.endsWith('.tmp')).map((n) => path.join(dir, n));
  if (names.includes('resources'))
    for (const n of await readdirOrEmpty(path.join(dir, 'resources')))
      if (n.endsWith('.tmp')) temps.push(path.join(dir, 'resources', n));
  const id = path.basename(dir);
  if (!names.includes('article.json')) {
    // article.json is renamed into place last: without it, the article was never committed.
    const onlyTemps = names.every((n) => n.endsWith('.tmp') || n === 'resources');
    if (onlyTemps || temps.length > 0) return { kind: 'cut-short', temps };
    return { kind: 'damaged', reason: 'its article.json is missing', temps };
  }
  const file = path.join(dir, 'article.json');
  let article: StoredArticle;
  try {
    article = checkArticleVersion(JSON.parse(await fs.readFile(file, 'utf8')), file);
  } catch (error) {
    if (error instanceof FileVersionError && error.reason === 'newer') throw error;
    const why = error instanceof SyntaxError ? 'not valid JSON' : 'not an Offprint article';
    return { kind: 'damaged', reason: `its article.json is damaged (${why})`, temps };
  }
  if (article.id !== id)
    return { kind: 'damaged', reason: `its article.json names another id (${article.id})`, temps };
  const original = typeof article.original === 'string' ? path.basename(article.original) : '';
  if (!original || !names.includes(original))
    return { kind: 'damaged', reason: `its original (${original || 'unnamed'}) is missing`, temps };
  if (verify) {
    const bytes = await fs.readFile(path.join(dir, original));
    if (articleId(bytes) !== id)
      return {
        kind: 'damaged',
        reason: `its original (${original}) does not match its id (changed or damaged)`,
        temps,
      };
  }
  return { kind: 'article', article, temps };
}

/** A folder's names; none when it is missing (or not a folder), as a cut-short batch may leave it. */
export async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}
