/**
 * The plain-text and Markdown readers called directly, at their edges: the headline's length limit, the file
 * extensions each claims, and a Markdown file with nothing to import; and a WARC's pages at the entry limit.
 * markdown.test.ts, warc.test.ts and the seed and BBC tests reach the same through the whole pipeline.
 */
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportInput, ImportOutcome, SniffedContent } from '../../../main/library/import/importer';
import { markdownImporter, readMarkdown } from '../../../main/library/import/formats/markdown';
import { parsePlainText, plainTextImporter } from '../../../main/library/import/formats/plain-text';
import { readWarc } from '../../../main/library/import/formats/warc';
import { setImportLimits } from '../../../main/library/import/limits';
import { httpResponse, makeWarc } from './warc-writer';

const sniffed = (extension: string, text: string | null = 'words'): SniffedContent =>
  ({ extension, text, encoding: 'utf-8' }) as SniffedContent;
// accepts() reads only the sniffed content; an archive's entry reader is never called here.
const input: ImportInput = {
  name: 'x',
  path: null,
  bytes: new Uint8Array(),
  extractEntry: () => {
    throw new Error('not an archive');
  },
};

describe('plain text', () => {
  it('takes a first line of up to 200 characters as the headline', () => {
    const edge = 'h'.repeat(200);
    expect(parsePlainText(`${edge}\n\nBody one.\n\nBody two.`)).toEqual({
      title: edge,
      paragraphs: ['Body one.', 'Body two.'],
    });
  });

  it('makes a longer first line a paragraph, titled by its first twelve words', () => {
    const thirteen = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    const long = `${thirteen} ${'x'.repeat(200)}`;
    expect(parsePlainText(`${long}\n\nMore.`)).toEqual({
      title: 'one two three four five six seven eight nine ten eleven twelve…',
      paragraphs: [long, 'More.'],
    });
    const twelveLong = `${'w'.repeat(200)} b c d e f g h i j k l`;
    expect(parsePlainText(twelveLong)).toEqual({ title: twelveLong, paragraphs: [twelveLong] });
  });

  it('is nothing for a file of blank lines', () => {
    expect(parsePlainText('')).toBeNull();
    expect(parsePlainText('\n \n\t\n')).toBeNull();
  });

  it('claims .txt, .text and files without an extension, when they are text', () => {
    for (const ext of ['txt', 'text', ''])
      expect(plainTextImporter.accepts(input, sniffed(ext)), ext).toBe(true);
    expect(plainTextImporter.accepts(input, sniffed('md'))).toBe(false);
    expect(plainTextImporter.accepts(input, sniffed('txt', null))).toBe(false);
  });
});

describe('Markdown', () => {
  it('claims each Markdown extension, when the file is text', () => {
    for (const ext of ['md', 'markdown', 'mdown', 'mkd', 'mkdn'])
      expect(markdownImporter.accepts(input, sniffed(ext)), ext).toBe(true);
    expect(markdownImporter.accepts(input, sniffed('txt'))).toBe(false);
    expect(markdownImporter.accepts(input, sniffed('md', null))).toBe(false);
  });

  it('is nothing without text, a title or a heading, and an article with any of them', () => {
    expect(readMarkdown('', 'empty.md')).toBeNull();
    expect(readMarkdown('---\nauthor: Ann\n---\n\n', 'meta-only.md')).toBeNull();
    expect(readMarkdown('---\ntitle: Only a title\n---\n', 'x.md')).toMatchObject({
      title: 'Only a title',
      text: '',
    });
    expect(readMarkdown('# Only a heading\n', 'y.md')).toMatchObject({ title: 'Only a heading', text: '' });
    expect(readMarkdown('Just words.', 'notes.final.md')).toMatchObject({
      title: 'notes.final',
      text: 'Just words.',
    });
  });

  it('keeps raw HTML in Markdown as text, never as markup', () => {
    const article = readMarkdown('# T\n\n<script>alert(1)</script> and <b>bold</b>', 't.md')!;
    expect(article.html).not.toContain('<script');
    expect(article.html).toContain('&lt;script&gt;');
    expect(article.text).toContain('<b>bold</b>');
  });
});

describe('WARC pages at the entry limit', () => {
  afterEach(() => setImportLimits());

  it('refuses a page past the entry limit by its length, or as it inflates, and reads the others', async () => {
    setImportLimits({ maxEntryBytes: 1000 });
    const page = (title: string) =>
      `<html><head><title>${title}</title></head><body><p>${'The harbour wall was rebuilt after the storm. '.repeat(4)}</p></body></html>`;
    const big = page('Big').padEnd(1500, ' ');
    const response = (uri: string, body: Uint8Array | string, headers: Record<string, string> = {}) => ({
      type: 'response' as const,
      uri,
      block: httpResponse({ 'Content-Type': 'text/html; charset=utf-8', ...headers }, body),
    });
    const warc = makeWarc([
      response('https://a.example/big', big),
      response('https://a.example/gzip', zlib.gzipSync(big), { 'Content-Encoding': 'gzip' }),
      response('https://a.example/deflate', zlib.deflateSync(big), { 'Content-Encoding': 'deflate' }),
      response('https://a.example/small', page('Small')),
    ]);
    const outcomes: ImportOutcome[] = [];
    for await (const o of readWarc({ ...input, name: 'a.warc', bytes: warc })) outcomes.push(o);
    expect(
      outcomes.map((o) => (o.kind === 'failed' ? [o.source, o.reason] : [o.source, o.article.title])),
    ).toEqual([
      ['a.warc › https://a.example/big', 'the page is too large to be an article (2 KB)'],
      ['a.warc › https://a.example/gzip', 'refused: the page expands past 1 KB'],
      ['a.warc › https://a.example/deflate', 'refused: the page expands past 1 KB'],
      ['a.warc › https://a.example/small', 'Small'],
    ]);
  });
});
