/** Link-only entries (Pocket, Instapaper): a saved address with a title and tags but no saved text. */
import { makeArticle, SOURCE_SEPARATOR, type ImportOutcome } from './importer';
import { dedupeTags } from './html-metadata';
import { normalizeSpace } from './text-lines';

export interface LinkEntry {
  url: string;
  title: string | null;
  tags: string[];
  /** A summary the service kept (Instapaper's selection), or null. */
  summary?: string | null;
}

/** The URL when it is an absolute http(s) address, else null. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * One outcome per link. `original` is the entry's own bytes (its CSV row under the header, or its `<a>`), so
 * every link gets its own id and the same link exported twice is one article. Time added is not a publication
 * date, so `published` stays null.
 */
export function linkOutcome(
  exportName: string,
  importer: string,
  entry: LinkEntry,
  original: string,
  originalName: string,
): ImportOutcome {
  const url = httpUrl(entry.url);
  const title = normalizeSpace(entry.title ?? '') || url;
  if (!url || !title) {
    const shown = normalizeSpace(entry.title ?? '') || entry.url || 'an entry';
    return {
      kind: 'failed',
      source: `${exportName}${SOURCE_SEPARATOR}${shown}`,
      reason: `the link is not a web address (${JSON.stringify(entry.url.slice(0, 200))})`,
    };
  }
  return {
    kind: 'article',
    source: `${exportName}${SOURCE_SEPARATOR}${title}`,
    original: new TextEncoder().encode(original),
    originalName,
    encoding: 'utf-8',
    importer,
    article: makeArticle({
      title,
      subtitle: normalizeSpace(entry.summary ?? '') || null,
      url,
      tags: dedupeTags(entry.tags),
      text: '',
      html: null,
      linkOnly: true,
    }),
    resources: [],
  };
}
