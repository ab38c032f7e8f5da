/**
 * Pocket exports, which hold links only: the classic `ril_export.html` (titled "Pocket Export": `<ul>` lists of
 * `<a href time_added tags="a,b">title</a>` under "Unread" and "Read Archive") and the newer CSV
 * (`title,url,time_added,tags,status`, tags separated by `|`). Recognised by content. Each link becomes a
 * link-only article: title (the URL when there is none), URL and tags; time added is not a publication date.
 */
import { parseHTML } from 'linkedom';
import { csvHeader, csvLine, parseCsv } from '../csv';
import { checkHtmlShape } from '../html-shape';
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { linkOutcome } from '../link-entry';
import { importLimits } from '../limits';

const POCKET_TITLE = /<title>\s*Pocket Export\s*<\/title>/i;

export function looksLikePocketHtml(text: string): boolean {
  return POCKET_TITLE.test(text.slice(0, 4096));
}

export function looksLikePocketCsv(text: string): boolean {
  const header = csvHeader(text);
  return ['title', 'url', 'time_added'].every((k) => header.includes(k));
}

function splitTags(value: string | null | undefined, separator: RegExp): string[] {
  return (value ?? '')
    .split(separator)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function readPocketHtml(input: ImportInput, text: string): ImportOutcome[] {
  // Only the depth: an export of many links is long by nature, and flat (no Readability runs on it).
  checkHtmlShape(text, { maxNestingDepth: importLimits().maxNestingDepth, maxElements: Infinity });
  const { document } = parseHTML(text);
  const links = Array.from((document as unknown as Document).querySelectorAll('a[href]'));
  if (links.length === 0)
    return [{ kind: 'failed', source: input.name, reason: 'the Pocket export holds no links' }];
  return links.map((a) =>
    linkOutcome(
      input.name,
      'pocket',
      {
        url: a.getAttribute('href') ?? '',
        title: a.textContent,
        tags: splitTags(a.getAttribute('tags'), /,/),
      },
      a.outerHTML,
      'pocket-link.html',
    ),
  );
}

export function readPocketCsv(input: ImportInput, text: string): ImportOutcome[] {
  const [header = [], ...rows] = parseCsv(text);
  const column = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const get = (row: string[], key: string): string => row[column.get(key) ?? -1] ?? '';
  if (rows.length === 0)
    return [{ kind: 'failed', source: input.name, reason: 'the Pocket export holds no links' }];
  return rows.map((row) =>
    linkOutcome(
      input.name,
      'pocket',
      { url: get(row, 'url'), title: get(row, 'title'), tags: splitTags(get(row, 'tags'), /\|/) },
      `${csvLine(header)}\r\n${csvLine(row)}\r\n`,
      'pocket-link.csv',
    ),
  );
}

export const pocketImporter: Importer = {
  name: 'pocket',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    if (sniffed.text === null) return false;
    return looksLikePocketHtml(sniffed.text) || looksLikePocketCsv(sniffed.text);
  },
  async read(input: ImportInput, sniffed: SniffedContent): Promise<ImportOutcome[]> {
    const text = sniffed.text ?? '';
    return looksLikePocketHtml(text) ? readPocketHtml(input, text) : readPocketCsv(input, text);
  },
};
