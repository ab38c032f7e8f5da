/**
 * ArchiveBox snapshots. The folder walk hands over a snapshot folder (`archive/<timestamp>/`) as its `index.json`
 * alone (walk-inputs.ts), and this importer makes ONE article of it: the body from the best output the folder
 * holds — `singlefile.html`, then `readability/content.html`, then `output.html` (the DOM dump), then
 * `mercury/content.html`, then the wget copy — and the metadata from index.json (url, title, tags as a comma
 * separated string) over what the page declares. Readability and Mercury outputs are already-extracted fragments
 * and are not run through Readability again. The bookmarked date is only a fallback date, as a WARC capture date
 * is. Without a readable output (or without the folder, e.g. an index.json inside a zip) the snapshot is a
 * link-only article. The original is the output the body came from, else the index.json.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { type ArchiveBoxIndex, parseArchiveBoxIndex } from '../archivebox-index';
import { UTC_RULE } from '../../../../common/zone-rule';
import { normalizeDate } from '../dates';
import { decodeHtml } from '../decode-html';
import { htmlFragmentText } from '../html-fragment';
import type { ArticleResourceFile, Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { MAX_FILE_BYTES, makeArticle, SOURCE_SEPARATOR } from '../importer';
import { LocalImagePlan } from '../local-images';
import { dedupeTags } from '../html-metadata';
import { readHtmlPage } from '../html-page-reader';
import { httpUrl, stringField } from '../json-fields';

type Json = Record<string, unknown>;

/** An output's file inside the snapshot, and whether it is a whole page or an extracted fragment. */
interface OutputCandidate {
  file: string;
  kind: 'page' | 'fragment';
  /** Readability/Mercury write their metadata beside the fragment. */
  metadataFile?: string;
}

function indexTags(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === 'string');
  return typeof value === 'string' ? value.split(',') : [];
}

/** The date the link was bookmarked: `bookmarked_date` ("2023-11-02 19:00"), else the timestamp (unix seconds). */
function bookmarked(index: ArchiveBoxIndex): string | null {
  const fromTimestamp = Number(index.timestamp);
  return (
    normalizeDate(index.bookmarked_date, UTC_RULE) ??
    (Number.isFinite(fromTimestamp) ? normalizeDate(fromTimestamp, UTC_RULE) : null)
  );
}

function wgetPath(index: ArchiveBoxIndex): string | null {
  const canonical = index.canonical as Json | undefined;
  const latest = index.latest as Json | undefined;
  return stringField(canonical?.wget_path) ?? stringField(latest?.wget) ?? null;
}

function candidates(index: ArchiveBoxIndex): OutputCandidate[] {
  const list: OutputCandidate[] = [
    { file: 'singlefile.html', kind: 'page' },
    { file: 'readability/content.html', kind: 'fragment', metadataFile: 'readability/article.json' },
    { file: 'output.html', kind: 'page' },
    { file: 'mercury/content.html', kind: 'fragment', metadataFile: 'mercury/article.json' },
  ];
  const wget = wgetPath(index);
  if (wget && !/^[a-z]+:/i.test(wget)) list.push({ file: wget, kind: 'page' });
  return list;
}

/** Reads a file of the snapshot when it exists and stays inside the snapshot folder; null otherwise. */
async function readInside(folder: string, relative: string, maxBytes: number): Promise<Buffer | null> {
  try {
    const realFolder = await fs.realpath(folder);
    const real = await fs.realpath(path.resolve(folder, relative));
    const inside = path.relative(realFolder, real);
    if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
    const stat = await fs.stat(real);
    if (!stat.isFile() || stat.size === 0 || stat.size > maxBytes) return null;
    return await fs.readFile(real);
  } catch {
    return null;
  }
}

async function readJson(folder: string, relative: string): Promise<Json> {
  const bytes = await readInside(folder, relative, 4 * 1024 * 1024);
  if (!bytes) return {};
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : {};
  } catch {
    return {};
  }
}

export async function readArchiveBox(input: ImportInput, index: ArchiveBoxIndex): Promise<ImportOutcome[]> {
  const url = httpUrl(index.url);
  const indexTitle = stringField(index.title);
  const fallbackDate = bookmarked(index);
  const folder = input.path ? path.dirname(input.path) : null;
  const snapshot = folder ? path.basename(folder) : input.name;

  for (const candidate of folder ? candidates(index) : []) {
    const bytes = await readInside(folder!, candidate.file, MAX_FILE_BYTES);
    if (!bytes) continue;
    let extracted: ReturnType<typeof makeArticle> | null = null;
    let encoding = 'utf-8';
    let resources: ArticleResourceFile[] = [];
    if (candidate.kind === 'page') {
      const pageFolder = path.dirname(path.resolve(folder!, candidate.file));
      // An ArchiveBox snapshot is one archive: its output's own folder is where its images are.
      const plan = new LocalImagePlan(pageFolder, [pageFolder]);
      const result = readHtmlPage(bytes, candidate.file, {
        url,
        publishedFallback: fallbackDate,
        imageReference: (src) => plan.reference(src),
      });
      if (result) {
        extracted = result.article;
        encoding = result.encoding;
        resources = await plan.read(result.usedResources);
        const missing = [...result.usedResources].filter((n) => !resources.some((r) => r.name === n));
        for (const name of missing)
          if (extracted.html) extracted.html = extracted.html.replaceAll(`resource:${name}`, '');
      }
    } else {
      const decoded = decodeHtml(bytes);
      const body = htmlFragmentText(decoded.text);
      if (body) {
        const meta = candidate.metadataFile ? await readJson(folder!, candidate.metadataFile) : {};
        encoding = decoded.encoding;
        extracted = makeArticle({
          title: stringField(meta.title) ?? indexTitle ?? url ?? snapshot,
          subtitle: stringField(meta.excerpt),
          author: stringField(meta.byline) ?? stringField(meta.author),
          site: stringField(meta.siteName) ?? stringField(meta.domain),
          url,
          published:
            normalizeDate(meta.publishedTime, UTC_RULE) ??
            normalizeDate(meta.date_published, UTC_RULE) ??
            fallbackDate,
          text: body.text,
          html: body.html,
        });
      }
    }
    if (!extracted) continue;
    // index.json is what the person saved and named: its url, title and tags win.
    extracted.url = url ?? extracted.url;
    extracted.title = indexTitle ?? extracted.title;
    extracted.tags = dedupeTags([...indexTags(index.tags), ...extracted.tags]);
    return [
      {
        kind: 'article',
        source: `${snapshot}${SOURCE_SEPARATOR}${candidate.file}`,
        original: bytes,
        originalName: path.basename(candidate.file),
        encoding,
        importer: 'archivebox',
        article: extracted,
        resources,
      },
    ];
  }

  const title = indexTitle ?? url;
  if (!title)
    return [
      { kind: 'failed', source: input.name, reason: 'the snapshot has no readable output, title or URL' },
    ];
  return [
    {
      kind: 'article',
      source: `${snapshot}${SOURCE_SEPARATOR}index.json`,
      original: input.bytes,
      originalName: 'index.json',
      encoding: 'utf-8',
      importer: 'archivebox',
      article: makeArticle({
        title,
        url,
        published: null,
        tags: dedupeTags(indexTags(index.tags)),
        text: '',
        linkOnly: true,
      }),
      resources: [],
    },
  ];
}

export const archiveBoxImporter: Importer = {
  name: 'archivebox',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    return (
      sniffed.text !== null && sniffed.extension === 'json' && parseArchiveBoxIndex(sniffed.text) !== null
    );
  },
  async read(input: ImportInput, sniffed: SniffedContent): Promise<ImportOutcome[]> {
    const index = parseArchiveBoxIndex(sniffed.text ?? '');
    if (!index) return [{ kind: 'failed', source: input.name, reason: 'not an ArchiveBox snapshot index' }];
    return readArchiveBox(input, index);
  },
};
