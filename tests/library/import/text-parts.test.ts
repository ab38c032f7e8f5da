/**
 * The small parts the text formats share, called directly at their edges: YAML front matter (where it starts and
 * ends, what it may hold), line splitting and paragraphs, and Pocket's two export shapes read link by link.
 * markdown.test.ts and link-exports.test.ts reach the same through whole files; these pin each rule on its own.
 */
import { describe, expect, it } from 'vitest';
import {
  looksLikePocketCsv,
  looksLikePocketHtml,
  pocketImporter,
  readPocketCsv,
  readPocketHtml,
} from '../../../main/library/import/formats/pocket';
import { htmlPageImporter } from '../../../main/library/import/formats/html-page';
import { splitFrontMatter } from '../../../main/library/import/front-matter';
import type { ImportInput, ImportOutcome, SniffedContent } from '../../../main/library/import/importer';
import { normalizeSpace, paragraphsOf, splitLines } from '../../../main/library/import/text-lines';

describe('YAML front matter', () => {
  it('is none without an opening line of exactly three dashes, and the text is kept whole', () => {
    for (const text of [
      'title: x\n---\nbody',
      '--- title\n---\nbody',
      '---js\nx: 1\n---\nbody',
      ' ---\nx: 1\n---\n',
    ])
      expect(splitFrontMatter(text)).toEqual({ data: {}, body: text, error: null });
  });

  it('drops a byte-order mark whether or not front matter follows', () => {
    expect(splitFrontMatter('\uFEFFjust text')).toEqual({ data: {}, body: 'just text', error: null });
    expect(splitFrontMatter('a\uFEFFb')).toEqual({ data: {}, body: 'a\uFEFFb', error: null });
    expect(splitFrontMatter('\uFEFF---\ntitle: T\n---\nbody')).toEqual({
      data: { title: 'T' },
      body: 'body',
      error: null,
    });
  });

  it('takes spaces after the dashes, CRLF lines, and three dots or dashes to close', () => {
    expect(splitFrontMatter('--- \t\r\ntitle: A\r\n... \r\nbody\r\n')).toEqual({
      data: { title: 'A' },
      body: 'body\r\n',
      error: null,
    });
    expect(splitFrontMatter('---\ntitle: B\n---')).toEqual({ data: { title: 'B' }, body: '', error: null });
  });

  it('closes only at a line that is the marker alone, at its start', () => {
    expect(splitFrontMatter('---\na: x ---\nb: y\n---\nbody')).toEqual({
      data: { a: 'x ---', b: 'y' },
      body: 'body',
      error: null,
    });
    expect(splitFrontMatter('---\na: 1\n----\nb: 2\n---\nrest').data).toEqual({});
    expect(splitFrontMatter('---\na: 1\n----\nb: 2\n---\nrest').error).not.toBeNull();
  });

  it('is none when it never closes: the text stays whole, without its mark', () => {
    expect(splitFrontMatter('\uFEFF---\ntitle: T\nbody')).toEqual({
      data: {},
      body: '---\ntitle: T\nbody',
      error: null,
    });
  });

  it('reads empty front matter as no fields', () => {
    expect(splitFrontMatter('---\n---\nbody')).toEqual({ data: {}, body: 'body', error: null });
    expect(splitFrontMatter('---\n# only a comment\n---\nbody')).toEqual({
      data: {},
      body: 'body',
      error: null,
    });
  });

  it('refuses front matter that is not a mapping, keeping the body', () => {
    expect(splitFrontMatter('---\njust words\n---\nbody')).toEqual({
      data: {},
      body: 'body',
      error: 'front matter is not a mapping',
    });
    expect(splitFrontMatter('---\n- a\n- b\n---\nbody')).toEqual({
      data: {},
      body: 'body',
      error: 'front matter is not a mapping',
    });
  });

  it("keeps dates as written, takes a repeated key's last value, and names what is broken", () => {
    expect(splitFrontMatter('---\ndate: 2024-03-05\ntag: a\ntag: b\n---\n').data).toEqual({
      date: '2024-03-05',
      tag: 'b',
    });
    const broken = splitFrontMatter('---\ntitle: [unclosed\n---\nbody');
    expect(broken.data).toEqual({});
    expect(broken.body).toBe('body');
    expect(broken.error).toMatch(/flow sequence|\]/i);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const result = splitFrontMatter(`---\n${levels.join('\n')}\n---\nbody`);
    expect(result.data).toEqual({});
    expect(result.error).toMatch(/alias/i);
    expect(result.body).toBe('body');
  });
});

describe('lines and paragraphs', () => {
  it('splits at CRLF, CR and LF, dropping trailing white space and a mark that opens the text only', () => {
    expect(splitLines('\uFEFFa  \r\n  b\u00a0\rc\t\n\nd \uFEFF')).toEqual(['a', '  b', 'c', '', 'd']);
    expect(splitLines('x\uFEFFy\n\uFEFFz')).toEqual(['x\uFEFFy', '\uFEFFz']);
  });

  it('joins a hard-wrapped paragraph with spaces and parts paragraphs at blank lines', () => {
    expect(paragraphsOf(['  one', 'two  ', '', '   ', 'three', '\u00a0', 'four'])).toEqual([
      'one two',
      'three',
      'four',
    ]);
    expect(paragraphsOf(['', '', 'only', ''])).toEqual(['only']);
    expect(paragraphsOf(['first', '', 'last', 'lines'])).toEqual(['first', 'last lines']);
    expect(paragraphsOf([])).toEqual([]);
  });

  it('collapses every run of white space, no-break spaces too, and trims', () => {
    expect(normalizeSpace('  a \u00a0\t b\n\nc  ')).toBe('a b c');
    expect(normalizeSpace('\u00a0')).toBe('');
  });
});

const input = (name: string): ImportInput => ({
  name,
  path: null,
  bytes: new Uint8Array(),
  extractEntry: () => {
    throw new Error('not an archive');
  },
});

/** What a person sees of each link: the source line and the article's fields, or the failure. */
function links(outcomes: ImportOutcome[]) {
  return outcomes.map((o) =>
    o.kind === 'article'
      ? {
          source: o.source,
          importer: o.importer,
          title: o.article.title,
          url: o.article.url,
          tags: o.article.tags,
          original: new TextDecoder().decode(o.original),
          originalName: o.originalName,
        }
      : o,
  );
}

describe('Pocket exports', () => {
  const page = (body: string, title = 'Pocket Export') =>
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`;

  it('knows its HTML export by the title in the first 4 KiB, in any case and spacing', () => {
    expect(looksLikePocketHtml(page('', '  pocket export\n'))).toBe(true);
    expect(looksLikePocketHtml(page('', 'Pocket Exports'))).toBe(false);
    expect(looksLikePocketHtml(`<!--${'x'.repeat(4096)}-->${page('')}`)).toBe(false);
  });

  it('knows its CSV export by the title, url and time_added columns', () => {
    expect(looksLikePocketCsv('title,url,time_added,tags,status\r\n')).toBe(true);
    expect(looksLikePocketCsv('url,time_added\n')).toBe(false);
    expect(looksLikePocketCsv('title,time_added\n')).toBe(false);
    expect(looksLikePocketCsv('title,url\n')).toBe(false);
  });

  it('reads each link of the HTML export with its title and comma-separated tags', () => {
    const html = page(
      '<h1>Unread</h1><ul><li><a href="https://a.example/1" time_added="1" tags=" x , y,,z ">  First\n link </a></li>' +
        '<li><a name="no-href">skipped</a></li><li><a href="https://b.example/2">Second</a></li></ul>',
    );
    expect(links(readPocketHtml(input('ril_export.html'), html))).toEqual([
      {
        source: 'ril_export.html › First link',
        importer: 'pocket',
        title: 'First link',
        url: 'https://a.example/1',
        tags: ['x', 'y', 'z'],
        original: '<a href="https://a.example/1" time_added="1" tags=" x , y,,z ">  First\n link </a>',
        originalName: 'pocket-link.html',
      },
      {
        source: 'ril_export.html › Second',
        importer: 'pocket',
        title: 'Second',
        url: 'https://b.example/2',
        tags: [],
        original: '<a href="https://b.example/2">Second</a>',
        originalName: 'pocket-link.html',
      },
    ]);
  });

  it('fails an HTML export without links, or nested past the depth limit, naming the file', () => {
    expect(readPocketHtml(input('empty.html'), page('<ul><li>nothing</li></ul>'))).toEqual([
      { kind: 'failed', source: 'empty.html', reason: 'the Pocket export holds no links' },
    ]);
    expect(() =>
      readPocketHtml(input('deep.html'), page(`${'<div>'.repeat(5000)}<a href="https://x.example/">x</a>`)),
    ).toThrow(/nest/i);
  });

  it('reads each row of the CSV export by its column names, with tags split at bars', () => {
    const csv =
      ' Title ,URL,time_added,TAGS,status\r\n' +
      'One,https://a.example/1,1,a| b ||c,unread\r\n' +
      ',https://b.example/2,2,,archive\r\n';
    expect(links(readPocketCsv(input('part_000000.csv'), csv))).toEqual([
      {
        source: 'part_000000.csv › One',
        importer: 'pocket',
        title: 'One',
        url: 'https://a.example/1',
        tags: ['a', 'b', 'c'],
        original: ' Title ,URL,time_added,TAGS,status\r\nOne,https://a.example/1,1,a| b ||c,unread\r\n',
        originalName: 'pocket-link.csv',
      },
      {
        source: 'part_000000.csv › https://b.example/2',
        importer: 'pocket',
        title: 'https://b.example/2',
        url: 'https://b.example/2',
        tags: [],
        original: ' Title ,URL,time_added,TAGS,status\r\n,https://b.example/2,2,,archive\r\n',
        originalName: 'pocket-link.csv',
      },
    ]);
  });

  it('reads a CSV export without a tags column, and fails one with no rows', () => {
    expect(
      links(readPocketCsv(input('p.csv'), 'title,url,time_added\nT,https://a.example/,1\n')),
    ).toMatchObject([{ title: 'T', url: 'https://a.example/', tags: [] }]);
    expect(readPocketCsv(input('p.csv'), 'title,url,time_added\n')).toEqual([
      { kind: 'failed', source: 'p.csv', reason: 'the Pocket export holds no links' },
    ]);
    expect(readPocketCsv(input('p.csv'), '')).toEqual([
      { kind: 'failed', source: 'p.csv', reason: 'the Pocket export holds no links' },
    ]);
  });

  it('claims text in either shape only, and reads each shape by its own reader', async () => {
    const sniffed = (text: string | null) =>
      ({ extension: '.html', text, encoding: 'utf-8' }) as SniffedContent;
    const html = page('<a href="https://a.example/">A</a>');
    const csv = 'title,url,time_added\nB,https://b.example/,1\n';
    expect(pocketImporter.accepts(input('x'), sniffed(html))).toBe(true);
    expect(pocketImporter.accepts(input('x'), sniffed(csv))).toBe(true);
    expect(pocketImporter.accepts(input('x'), sniffed('<html><title>Notes</title></html>'))).toBe(false);
    expect(pocketImporter.accepts(input('x'), sniffed(null))).toBe(false);
    // Pocket's reader answers a list (only the archive readers stream their outcomes).
    const read = async (name: string, text: string | null) =>
      (await pocketImporter.read(input(name), sniffed(text))) as ImportOutcome[];
    expect(links(await read('x.html', html))).toMatchObject([{ title: 'A' }]);
    expect(links(await read('x.csv', csv))).toMatchObject([{ title: 'B' }]);
    expect(await read('x', null)).toEqual([
      { kind: 'failed', source: 'x', reason: 'the Pocket export holds no links' },
    ]);
  });
});

describe('a saved page, read as is', () => {
  const sniffed = (extension: string, text: string | null) =>
    ({ extension, text, encoding: 'utf-8' }) as SniffedContent;

  it('claims text with an HTML extension, or text that starts like HTML whatever its name', () => {
    expect(htmlPageImporter.accepts(input('a.html'), sniffed('html', 'just words'))).toBe(true);
    expect(htmlPageImporter.accepts(input('a.txt'), sniffed('txt', '<!doctype html><p>x</p>'))).toBe(true);
    expect(htmlPageImporter.accepts(input('a.txt'), sniffed('txt', 'just words'))).toBe(false);
    // Bytes that are not text are never a page, whatever the name says.
    expect(htmlPageImporter.accepts(input('a.html'), sniffed('html', null))).toBe(false);
  });

  it('fails a page with no text and no title, naming the file', async () => {
    const page = {
      ...input('blank.html'),
      bytes: new TextEncoder().encode('<html><head></head><body> </body></html>'),
    };
    expect(await htmlPageImporter.read(page, sniffed('html', ''))).toEqual([
      { kind: 'failed', source: 'blank.html', reason: 'the page has no readable text' },
    ]);
  });

  it('reads a page that is not a file on disk with no resources, its text and source whole', async () => {
    const html =
      '<html><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1>' +
      '<p>The tide rose over the harbour wall on Tuesday night, and the boats were moved inland.</p>' +
      '<img src="page_files/gauge.png"></article></body></html>';
    const bytes = new TextEncoder().encode(html);
    const [outcome] = (await htmlPageImporter.read(
      { ...input('page.html'), bytes },
      sniffed('html', html),
    )) as ImportOutcome[];
    expect(outcome).toMatchObject({ kind: 'article', source: 'page.html', importer: 'html', resources: [] });
    if (outcome?.kind !== 'article') throw new Error('not an article');
    expect(outcome.original).toBe(bytes);
    expect(outcome.article.title).toBe('Harbour wall');
    expect(outcome.article.text).toContain('The tide rose over the harbour wall');
  });
});
