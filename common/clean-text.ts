import type { ArticleView } from './article';

/**
 * One-line metadata from imported content (titles, tags, authors, site names) made safe to show: the import
 * stores it cleaned, and the CLI and the renderer clean it again when they show it, for libraries imported
 * before. Cleaning removes what makes a line lie about itself or act on the terminal:
 * - bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, the U+200E/U+200F
 *   marks and U+061C): a title `gnp.exe` behind a right-to-left override reads `exe.png`. Text in
 *   right-to-left scripts needs none of them to show right in one line;
 * - C0 and C1 control characters and DEL (`ESC ] 52 …` sets a terminal's clipboard), and the byte-order mark;
 * - line and paragraph breaks of any kind, tabs included: these are one-line fields, so they become spaces,
 *   and runs of white space become one.
 * It also caps the length, cutting at a character boundary and marking the cut with `…`.
 */

/** Bidi controls, C0/C1 controls, DEL and the BOM: removed. */
const INVISIBLE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** The same but for tab and line feed, which multi-line text keeps; a lone CR would rewrite a terminal line. */
const MULTILINE_INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Tab, line feed, vertical tab, form feed, carriage return, next line, line and paragraph separators. */
const BREAKS = /[\t\n\u000b\u000c\r\u0085\u2028\u2029]/g;

/**
 * Caps on the stored length of each field, in UTF-16 code units. Each is several times the longest real value
 * seen (BBC headlines under 100 characters, the web-page corpus's longest title about 250), so nothing real is
 * cut, while a hostile 100 KB title no longer weighs on the catalog (held in memory for every article), the
 * search index (a title counts ten times) and every row of a list.
 * - title 500: the longest headlines with a site suffix stay far below it;
 * - tag 100: a tag is a label in a filter list, and a folder name (folder tags) is at most 255;
 * - author 200: several names joined by commas ("A, B, C and D");
 * - site 200: a publication's name or a host name (at most 253);
 * - subtitle 1,000: a standfirst or meta description (search engines show about 160);
 * - category 200, neighbour titles 500: like site names and titles.
 */
export const FIELD_LIMITS = {
  title: 500,
  tag: 100,
  author: 200,
  site: 200,
  subtitle: 1000,
  category: 200,
} as const;

/** `text` cleaned for a one-line field and cut to `limit` characters (`…` included); may be ''. */
export function cleanLine(text: string, limit: number): string {
  let out = text.replace(BREAKS, ' ').replace(INVISIBLE, '');
  if (/\s{2}|^\s|\s$/.test(out)) out = out.replace(/\s+/g, ' ').trim();
  if (out.length > limit) out = cut(out, limit);
  return out;
}

/** Bidi controls and control characters (but tab and line feed) removed: for multi-line text in a terminal. */
export function stripControls(text: string): string {
  return text.replace(MULTILINE_INVISIBLE, '');
}

/** Cuts to at most `limit` code units ending in `…`, never between the two halves of a surrogate pair. */
function cut(text: string, limit: number): string {
  let end = Math.max(0, limit - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end).trimEnd() + '…';
}

/** A nullable field: null stays null, and a value that cleans to nothing becomes null. */
export function cleanOptional(text: string | null, limit: number): string | null {
  if (text === null) return null;
  return cleanLine(text, limit) || null;
}

/**
 * Tags cleaned and capped, empty ones dropped, duplicates (ignoring case) dropped, order kept. `/` makes a tag
 * hierarchical (`region/middle-east`): white space around each segment is trimmed and empty segments dropped,
 * so `region / middle-east`, `region//middle-east` and `/region/middle-east/` are all `region/middle-east`.
 */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const cleaned = cleanTag(tag);
    const key = cleaned.toLowerCase();
    if (!cleaned || seen.has(key)) continue;
    seen.add(key);
    out.push(cleaned);
  }
  return out;
}

/** One tag cleaned as `cleanTags` does; '' when nothing is left of it. */
export function cleanTag(tag: string): string {
  const line = cleanLine(tag, FIELD_LIMITS.tag);
  if (!line.includes('/')) return line;
  return line
    .split('/')
    .map((segment) => segment.trim())
    .filter(Boolean)
    .join('/');
}

/** Tag counts (a facet, the tag list) with each tag cleaned; one that cleans to nothing is left out. */
export function cleanTagCounts<T extends { tag: string }>(counts: readonly T[]): T[] {
  return counts.map((c) => ({ ...c, tag: cleanLine(c.tag, FIELD_LIMITS.tag) })).filter((c) => c.tag !== '');
}

/** A title never cleans to nothing: one made only of controls is shown as `Untitled`. */
export function cleanTitle(title: string): string {
  return cleanLine(title, FIELD_LIMITS.title) || 'Untitled';
}

/** The shown metadata of any article-like value (an article, a list row, a search hit), cleaned. */
export function cleanShownFields<
  T extends {
    title: string;
    tags: string[];
    site: string | null;
    author?: string | null;
    subtitle?: string | null;
    category?: string | null;
  },
>(value: T): T {
  const out: T = { ...value, title: cleanTitle(value.title), tags: cleanTags(value.tags) };
  out.site = cleanOptional(value.site, FIELD_LIMITS.site);
  if (value.author !== undefined) out.author = cleanOptional(value.author, FIELD_LIMITS.author);
  if (value.subtitle !== undefined) out.subtitle = cleanOptional(value.subtitle, FIELD_LIMITS.subtitle);
  if (value.category !== undefined) out.category = cleanOptional(value.category, FIELD_LIMITS.category);
  return out;
}

/** An article as shown: its one-line fields and its neighbours' titles cleaned. */
export function cleanShownArticle(article: ArticleView): ArticleView {
  const shown = cleanShownFields(article);
  shown.previous = article.previous && { ...article.previous, title: cleanTitle(article.previous.title) };
  shown.next = article.next && { ...article.next, title: cleanTitle(article.next.title) };
  return shown;
}
