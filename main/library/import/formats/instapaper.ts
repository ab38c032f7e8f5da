/**
 * Instapaper CSV exports (`URL,Title,Selection,Folder,Timestamp`, newer ones with a `Tags` column), which hold
 * links only. Recognised by the header row. Each row becomes a link-only article: title (the URL when there is
 * none), URL, the selection as its summary, and the folder as a tag unless it is one of Instapaper's own
 * `Unread`/`Archive`; tags from the `Tags` column (a JSON list or comma separated). The timestamp is when the link
 * was saved, not a publication date.
 */
import { csvHeader, csvLine, parseCsv } from '../csv';
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { linkOutcome } from '../link-entry';

const SERVICE_FOLDERS = new Set(['unread', 'archive']);

export function looksLikeInstapaperCsv(text: string): boolean {
  const header = csvHeader(text);
  return ['url', 'title', 'selection', 'folder'].every((k) => header.includes(k));
}

function tagColumn(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(trimmed);
      if (Array.isArray(list))
        return list
          .map((t) =>
            typeof t === 'string' ? t : t && typeof t === 'object' ? (t as { name?: unknown }).name : null,
          )
          .filter((t): t is string => typeof t === 'string');
    } catch {
      // Not JSON after all: read it as a comma separated list.
    }
  }
  return trimmed
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

export function readInstapaperCsv(input: ImportInput, text: string): ImportOutcome[] {
  const [header = [], ...rows] = parseCsv(text);
  const column = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const get = (row: string[], key: string): string => row[column.get(key) ?? -1] ?? '';
  if (rows.length === 0)
    return [{ kind: 'failed', source: input.name, reason: 'the Instapaper export holds no links' }];
  return rows.map((row) => {
    const folder = get(row, 'folder').trim();
    const tags = [
      ...(folder && !SERVICE_FOLDERS.has(folder.toLowerCase()) ? [folder] : []),
      ...tagColumn(get(row, 'tags')),
    ];
    return linkOutcome(
      input.name,
      'instapaper',
      { url: get(row, 'url'), title: get(row, 'title'), tags, summary: get(row, 'selection') },
      `${csvLine(header)}\r\n${csvLine(row)}\r\n`,
      'instapaper-link.csv',
    );
  });
}

export const instapaperImporter: Importer = {
  name: 'instapaper',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    return sniffed.text !== null && looksLikeInstapaperCsv(sniffed.text);
  },
  async read(input: ImportInput, sniffed: SniffedContent): Promise<ImportOutcome[]> {
    return readInstapaperCsv(input, sniffed.text ?? '');
  },
};
