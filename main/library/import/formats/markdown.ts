/**
 * Markdown clippings with optional YAML front matter: Obsidian Web Clipper (title, source, author as a string
 * or a list of `[[wikilinks]]`, published, created, description, tags), MarkDownload (title, source/url,
 * author, date, tags) and Joplin exports (title, source, author, tags; `created`/`updated` are clip times,
 * not publication dates, and are not used as such). Without front matter the title is the first `# heading`,
 * else the file name. HTML comes from markdown-it with raw HTML disabled.
 */
import path from 'node:path';
import { parseHTML } from 'linkedom';
import MarkdownIt from 'markdown-it';
import { offsetRule, UTC_RULE, zoneFromText, type ZoneRule } from '../../../../common/zone-rule';
import { normalizeDate } from '../dates';
import { splitFrontMatter } from '../front-matter';
import { htmlElementToText } from '../html-text';
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { makeArticle, singleArticle } from '../importer';
import { httpUrl } from '../json-fields';
import { normalizeSpace } from '../text-lines';
import { dedupeTags } from '../html-metadata';

export const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd', 'mkdn'];

const markdown = new MarkdownIt({ html: false });

type Data = Record<string, unknown>;

function pick(data: Data, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = data[key] ?? data[key.toLowerCase()] ?? data[key[0]!.toUpperCase() + key.slice(1)];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return normalizeSpace(value) || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/** `[[Jane Doe]]` → Jane Doe; `[[people/jane|Jane Doe]]` → Jane Doe. */
function unwikilink(value: string): string {
  return value.replace(
    /\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g,
    (_m, target: string, alias?: string) => alias ?? target.split('/').pop() ?? target,
  );
}

function people(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list
    .map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' ? asText((p as Data).name) : null))
    .filter((p): p is string => !!p)
    .map((p) => normalizeSpace(unwikilink(p)))
    .filter(Boolean);
}

function tagList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  return dedupeTags(list.filter((t): t is string => typeof t === 'string').map((t) => unwikilink(t)));
}

/**
 * The zone a note declares for its zone-less dates (`timezone: +05:30`, `-0800`, `UTC`), else UTC. YAML reads
 * `+0530` and `-8` as numbers: small ones are hours, larger ones hours and minutes run together.
 */
function declaredZone(value: unknown): ZoneRule {
  if (typeof value === 'string') return zoneFromText(value) ?? UTC_RULE;
  if (typeof value !== 'number' || !Number.isInteger(value)) return UTC_RULE;
  const size = Math.abs(value);
  const minutes = size <= 15 ? size * 60 : size % 100 < 60 ? Math.floor(size / 100) * 60 + (size % 100) : NaN;
  return offsetRule(Math.sign(value) * minutes) ?? UTC_RULE;
}

export function readMarkdown(text: string, fileName: string): ReturnType<typeof makeArticle> | null {
  const { data, body } = splitFrontMatter(text);
  let markdownBody = body.replace(/\r\n?/g, '\n');
  const heading = /^[ ]{0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(markdownBody);
  const headingTitle = heading ? normalizeSpace(heading[1]!) : null;
  const title =
    asText(pick(data, 'title')) ?? headingTitle ?? path.basename(fileName).replace(/\.[^.]+$/, '');
  // The headline repeated as the body's first heading is the title, not body text.
  if (heading && headingTitle === title && markdownBody.slice(0, heading.index).trim() === '') {
    markdownBody = markdownBody.slice(heading.index + heading[0].length);
  }
  const html = markdown.render(markdownBody).trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const plain = htmlElementToText(document.body as never);
  if (!plain && !asText(pick(data, 'title')) && !headingTitle) return null;
  const source = pick(data, 'source', 'url', 'link', 'original_url', 'canonical');
  return makeArticle({
    title,
    subtitle: asText(pick(data, 'description', 'excerpt', 'summary', 'subtitle')),
    author: people(pick(data, 'author', 'authors', 'byline', 'creator')).join(', ') || null,
    site: asText(pick(data, 'site', 'site_name', 'siteName', 'publisher')),
    url: httpUrl(Array.isArray(source) ? source[0] : source),
    published: normalizeDate(
      pick(data, 'published', 'date', 'published_at', 'publishedTime', 'pubDate'),
      declaredZone(pick(data, 'timezone')),
    ),
    category: asText(pick(data, 'category')),
    tags: tagList(pick(data, 'tags', 'keywords')),
    text: plain,
    html: html || null,
  });
}

export const markdownImporter: Importer = {
  name: 'markdown',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    return sniffed.text !== null && MARKDOWN_EXTENSIONS.includes(sniffed.extension);
  },
  async read(input: ImportInput, sniffed: SniffedContent): Promise<ImportOutcome[]> {
    const article = readMarkdown(sniffed.text ?? '', input.name);
    if (!article)
      return [{ kind: 'failed', source: input.name, reason: 'the file is empty (no text to import)' }];
    return [singleArticle(input, sniffed, 'markdown', article)];
  },
};
