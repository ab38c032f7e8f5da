/**
 * Citation keys (`smith2021drone`): the first author's family name (or an organisation's or the site's first
 * word), the year published and the title's first significant word, in lower-case ASCII. Stable: the same
 * article gets the same key; within one call, a repeated key gets `a`, `b`, … as BibTeX users expect.
 */
import { parseAuthors } from './author-names';
import type { CitedArticle } from './csl-item';

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'at', 'to', 'for', 'and', 'or', 'is', 'by']);

export function citationKey(article: CitedArticle): string {
  const first = parseAuthors(article.author)[0];
  const who = first ? ('family' in first ? first.family : first.literal) : (article.site ?? 'anon');
  const year = article.published ? String(new Date(article.published).getUTCFullYear()) : 'nd';
  const word = words(article.title).find((w) => !STOP_WORDS.has(w)) ?? '';
  return `${words(who)[0] ?? 'anon'}${Number.isNaN(Number(year)) ? 'nd' : year}${word}`;
}

export function citationKeys(articles: readonly CitedArticle[]): string[] {
  const keys = articles.map(citationKey);
  const seen = new Map<string, number>();
  const repeated = new Set(keys.filter((k, i) => keys.indexOf(k) !== i));
  return keys.map((key) => {
    if (!repeated.has(key)) return key;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${key}${suffix(n)}`;
  });
}

/** a … z, then aa, ab, … */
function suffix(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : `${suffix(Math.floor(n / 26) - 1)}${letter}`;
}

/** Lower-case ASCII words: accents are dropped (é → e), everything else separates words. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
