/**
 * Omnivore export zips: `metadata_*.json` (arrays of {id, slug, title, author, url, description, savedAt,
 * publishedAt, labels}), `content/<slug>.html` (Omnivore's extracted article) and `highlights/<slug>.md`,
 * possibly under one top folder. Recognised from the zip's directory before anything is unpacked; any other zip
 * goes to the plain zip importer. One article per metadata entry: the metadata gives title, author, URL, date and
 * tags (labels); the content gives the body, read without a second Readability pass; the highlights are appended
 * as a final "Highlights" section. `savedAt` is when the link was saved, not a publication date. An entry without
 * content is a link-only article. Other files in the zip (content nobody names, stray notes) are imported as
 * ordinary zip entries. The original of each article is a JSON bundle of its metadata entry, content and
 * highlights as exported, so nothing of the export is lost and each entry gets its own id.
 */
import MarkdownIt from 'markdown-it';
import type { Entry } from 'yauzl';
import { UTC_RULE } from '../../../../common/zone-rule';
import { normalizeDate } from '../dates';
import { ExpansionBudget } from '../expansion-budget';
import { htmlFragmentText } from '../html-fragment';
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { MAX_FILE_BYTES, makeArticle, SOURCE_SEPARATOR } from '../importer';
import { LimitExceeded } from '../limits';
import { zipEntryNames } from '../zip-directory';
import { httpUrl, labelList, stringField } from '../json-fields';
import {
  ZIP_LIMITS,
  entryName,
  isJunk,
  nextEntry,
  openWithinLimits,
  readEntryBytes,
  unsafeEntryName,
} from '../zip-entries';

const METADATA = /^(.*?)metadata_[^/]*\.json$/;
const markdown = new MarkdownIt({ html: false });

/** The folder prefix the export lives under ('' at the root), or null when this is not an Omnivore export. */
function omnivorePrefix(names: string[]): string | null {
  for (const name of names) {
    const m = METADATA.exec(name);
    if (!m) continue;
    const prefix = m[1]!;
    if (prefix && !prefix.endsWith('/')) continue;
    if (names.some((n) => n.startsWith(`${prefix}content/`) && n.endsWith('.html'))) return prefix;
  }
  return null;
}

export function looksLikeOmnivore(bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes);
  return names !== null && omnivorePrefix(names) !== null;
}

type Json = Record<string, unknown>;

/** Omnivore highlight links (`[⤴️](https://omnivore.app/…)`) point at the service, which is gone. */
function cleanHighlights(md: string): string {
  return md.replace(/\s*\[⤴️?\]\([^)]*\)/gu, '');
}

function article(
  meta: Json,
  content: string | null,
  highlights: string | null,
): ReturnType<typeof makeArticle> {
  const url = httpUrl(meta.url) ?? httpUrl(meta.originalArticleUrl);
  const title = stringField(meta.title) ?? url ?? stringField(meta.slug) ?? 'Untitled';
  const body = content ? htmlFragmentText(content) : null;
  let text = body?.text ?? '';
  let html = body?.html ?? null;
  const notes = highlights ? cleanHighlights(highlights).trim() : '';
  if (notes) {
    const rendered = markdown.render(notes);
    const section = htmlFragmentText(rendered);
    if (section) {
      text = [text, 'Highlights', section.text].filter(Boolean).join('\n\n');
      html = `${html ?? ''}<h2>Highlights</h2>${section.html}`;
    }
  }
  return makeArticle({
    title,
    subtitle: stringField(meta.description),
    author: stringField(meta.author),
    site: stringField(meta.siteName),
    url,
    published: normalizeDate(meta.publishedAt, UTC_RULE),
    tags: labelList(meta.labels, 'name'),
    text,
    html,
    linkOnly: body === null,
  });
}

/** The same zip-bomb limits as the plain zip importer, per entry; the reason to refuse, or null. */
function refusal(entry: Entry, maxFileBytes: number): string | null {
  if (entry.uncompressedSize > maxFileBytes)
    return `too large to be an article (${Math.round(entry.uncompressedSize / 1048576)} MB)`;
  if (
    entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes &&
    entry.uncompressedSize > entry.compressedSize * ZIP_LIMITS.maxRatio
  )
    return `entry refused: compressed more than ${ZIP_LIMITS.maxRatio}:1 (a zip bomb?)`;
  return null;
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export async function* readOmnivore(input: ImportInput): AsyncGenerator<ImportOutcome> {
  const prefix = omnivorePrefix(zipEntryNames(input.bytes) ?? []) ?? '';
  const opened = await openWithinLimits(input.bytes, false);
  if ('reason' in opened) {
    yield { kind: 'failed', source: input.name, reason: opened.reason };
    return;
  }
  const { zip } = opened;
  // Inflated bytes are counted as they come out (as for any zip), whatever the entries declare.
  const budget = input.budget ?? new ExpansionBudget(input.bytes.length);
  let total = 0;
  try {
    // Pass 1: the listing. Metadata is small and read now; content and highlights are only located.
    const metadata: Array<{ file: string; entries: unknown[] }> = [];
    const bySlug = { content: new Map<string, Entry>(), highlights: new Map<string, Entry>() };
    const others: Array<{ name: string; entry: Entry }> = [];
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = entryName(entry);
      if (name.endsWith('/') || isJunk(name)) continue;
      const refused = refusal(entry, MAX_FILE_BYTES);
      total += entry.uncompressedSize;
      if (refused || total > ZIP_LIMITS.maxTotalBytes) {
        yield {
          kind: 'failed',
          source: `${input.name}${SOURCE_SEPARATOR}${name}`,
          reason: refused ?? 'the archive uncompresses to more than 1 GiB; this entry was not read',
        };
        continue;
      }
      if (unsafeEntryName(name) || !name.startsWith(prefix)) {
        others.push({ name, entry });
        continue;
      }
      const inner = name.slice(prefix.length);
      const content = /^content\/(.+)\.html$/.exec(inner);
      const highlight = /^highlights\/(.+)\.md$/.exec(inner);
      if (METADATA.test(inner) && !inner.includes('/')) {
        try {
          const parsed: unknown = JSON.parse(utf8(await readEntryBytes(zip, entry, budget)));
          if (!Array.isArray(parsed)) throw new Error('not a list of entries');
          metadata.push({ file: name, entries: parsed });
        } catch (error) {
          yield {
            kind: 'failed',
            source: `${input.name}${SOURCE_SEPARATOR}${name}`,
            reason: `the metadata file cannot be read: ${(error as Error).message}`,
          };
        }
      } else if (content) bySlug.content.set(content[1]!, entry);
      else if (highlight) bySlug.highlights.set(highlight[1]!, entry);
      else others.push({ name, entry });
    }

    // Pass 2: one article per metadata entry, its files read one at a time.
    const used = new Set<string>();
    for (const { file, entries } of metadata) {
      for (const [i, raw] of entries.entries()) {
        if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
          yield {
            kind: 'failed',
            source: `${input.name}${SOURCE_SEPARATOR}${file} entry ${i + 1}`,
            reason: 'the entry is not an object',
          };
          continue;
        }
        const meta = raw as Json;
        const slug = typeof meta.slug === 'string' ? meta.slug : null;
        const contentEntry = slug ? bySlug.content.get(slug) : undefined;
        const highlightEntry = slug ? bySlug.highlights.get(slug) : undefined;
        if (slug) used.add(slug);
        const content = contentEntry ? utf8(await readEntryBytes(zip, contentEntry, budget)) : null;
        const highlights = highlightEntry ? utf8(await readEntryBytes(zip, highlightEntry, budget)) : null;
        const extracted = article(meta, content, highlights);
        const original = JSON.stringify({
          format: 'omnivore-export-entry',
          metadata: meta,
          content,
          highlights,
        });
        yield {
          kind: 'article',
          source: `${input.name}${SOURCE_SEPARATOR}${extracted.title}`,
          original: new TextEncoder().encode(original),
          originalName: `${(slug ?? 'entry').replace(/[^\w-]/g, '_').slice(0, 80)}.omnivore.json`,
          encoding: 'utf-8',
          importer: 'omnivore',
          article: extracted,
          resources: [],
        };
      }
    }

    // Content no metadata names, and any other file: imported as a plain zip would.
    for (const [slug, entry] of bySlug.content) {
      if (!used.has(slug)) others.push({ name: entryName(entry), entry });
    }
    for (const { name, entry } of others) {
      const source = `${input.name}${SOURCE_SEPARATOR}${name}`;
      const unsafe = unsafeEntryName(name);
      if (unsafe) {
        yield { kind: 'failed', source, reason: `entry refused: ${unsafe}` };
        continue;
      }
      yield* input.extractEntry(source, await readEntryBytes(zip, entry, budget), {
        alive: input.alive,
        budget,
      });
    }
  } catch (error) {
    yield {
      kind: 'failed',
      source: input.name,
      reason:
        error instanceof LimitExceeded
          ? `${error.message}; the rest was not read`
          : `the archive is damaged: ${(error as Error).message}`,
    };
  } finally {
    zip.close();
  }
}

export const omnivoreImporter: Importer = {
  name: 'omnivore',
  accepts(input: ImportInput, sniffed: SniffedContent) {
    return sniffed.binaryKind === 'zip archive' && looksLikeOmnivore(input.bytes);
  },
  read(input: ImportInput): AsyncIterable<ImportOutcome> {
    return readOmnivore(input);
  },
};
