/**
 * Wallabag JSON exports: an array of entries (`title`, `url`, `content` as already-extracted HTML, `tags` as
 * strings or `{label}` objects, `published_at`, `published_by`, `domain_name`, `reading_time`, …), recognised by
 * content. Each entry becomes one article. Its content is not run through Readability again (it is Wallabag's
 * extraction already, and a second pass drops short articles); it becomes text through the same HTML-to-text
 * path as saved pages, and is kept as the article's html. `created_at` is when the entry was saved, not when the
 * article was published, so it is not used as the date; a `published_at` that cannot be read leaves the article
 * without a date and says so in a note. An entry without content (or with Wallabag's "can't
 * retrieve contents" placeholder) is a link-only entry. The original of each article is that entry as JSON, so
 * every entry has its own id.
 */
import { UTC_RULE } from '../../../../common/zone-rule';
import { normalizeDate } from '../dates';
import { htmlFragmentText } from '../html-fragment';
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { makeArticle, SOURCE_SEPARATOR } from '../importer';
import { httpUrl, labelList, stringField } from '../json-fields';

type Entry = Record<string, unknown>;

/** Keys only a Wallabag export has together; two of them plus `url` make the guess safe. */
const WALLABAG_KEYS = [
  'domain_name',
  'reading_time',
  'is_archived',
  'is_starred',
  'published_by',
  'preview_picture',
  'given_url',
  'mimetype',
  'annotations',
];

export function looksLikeWallabag(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('[')) return false;
  const sample = head.slice(0, 65536);
  if (!/"url"\s*:/.test(sample)) return false;
  return WALLABAG_KEYS.filter((k) => sample.includes(`"${k}"`)).length >= 2;
}

/** Wallabag's own text when it could not fetch a page: not article content. */
const FETCH_FAILED = /wallabag can(?:'|’|no)t retrieve contents for this article/i;

function authors(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map(stringField).filter((n): n is string => !!n);
  return names.length ? [...new Set(names)].join(', ') : null;
}

/** The entry's HTML to text and kept html; null when there is no content to speak of. */
function content(html: unknown): { text: string; html: string } | null {
  if (typeof html !== 'string' || FETCH_FAILED.test(html)) return null;
  return htmlFragmentText(html);
}

function readEntry(entry: Entry, exportName: string, index: number): ImportOutcome {
  const url = httpUrl(entry.url) ?? httpUrl(entry.given_url) ?? httpUrl(entry.origin_url);
  const title = stringField(entry.title) ?? url;
  if (!title) {
    return {
      kind: 'failed',
      source: `${exportName}${SOURCE_SEPARATOR}entry ${index + 1}`,
      reason: 'the entry has neither a title nor a URL',
    };
  }
  const body = content(entry.content);
  const published = normalizeDate(entry.published_at, UTC_RULE);
  const notes: string[] = [];
  if (
    published === null &&
    entry.published_at !== null &&
    entry.published_at !== undefined &&
    entry.published_at !== ''
  )
    notes.push(`its date ${describeValue(entry.published_at)} could not be read, so it has none`);
  const article = makeArticle({
    title,
    subtitle: stringField(entry.description),
    author: authors(entry.published_by),
    site: stringField(entry.domain_name),
    url,
    published,
    tags: labelList(entry.tags, 'label'),
    text: body?.text ?? '',
    html: body?.html ?? null,
    linkOnly: body === null,
  });
  const id =
    typeof entry.id === 'number' || typeof entry.id === 'string' ? String(entry.id) : String(index + 1);
  return {
    kind: 'article',
    source: `${exportName}${SOURCE_SEPARATOR}${title}`,
    original: new TextEncoder().encode(JSON.stringify(entry)),
    originalName: `wallabag-${id.replace(/[^\w-]/g, '_')}.json`,
    encoding: 'utf-8',
    importer: 'wallabag',
    article,
    resources: [],
    ...(notes.length ? { notes } : {}),
  };
}

/** A value from the export, short enough to quote in a note. */
function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}

/** One entry that breaks the reader fails alone: the rest of the export imports. */
function readEntrySafely(entry: Entry, exportName: string, index: number): ImportOutcome {
  try {
    return readEntry(entry, exportName, index);
  } catch (error) {
    return {
      kind: 'failed',
      source: `${exportName}${SOURCE_SEPARATOR}entry ${index + 1}`,
      reason: `the entry could not be read: ${(error as Error).message}`,
    };
  }
}

export function readWallabag(input: ImportInput, sniffed: SniffedContent): ImportOutcome[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse((sniffed.text ?? '').replace(/^\uFEFF/, ''));
  } catch (error) {
    return [{ kind: 'failed', source: input.name, reason: `not valid JSON: ${(error as Error).message}` }];
  }
  if (!Array.isArray(parsed)) {
    return [{ kind: 'failed', source: input.name, reason: 'not a Wallabag export (not a list of entries)' }];
  }
  if (parsed.length === 0)
    return [{ kind: 'failed', source: input.name, reason: 'the export holds no entries' }];
  return parsed.map((entry, i) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? readEntrySafely(entry as Entry, input.name, i)
      : {
          kind: 'failed' as const,
          source: `${input.name}${SOURCE_SEPARATOR}entry ${i + 1}`,
          reason: 'the entry is not an object',
        },
  );
}

export const wallabagImporter: Importer = {
  name: 'wallabag',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    return sniffed.text !== null && looksLikeWallabag(sniffed.text);
  },
  async read(input: ImportInput, sniffed: SniffedContent): Promise<ImportOutcome[]> {
    return readWallabag(input, sniffed);
  },
};
