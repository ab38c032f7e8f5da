/**
 * The export formats at their edges, called directly: an article with nothing optional (no author, body, tags,
 * highlights or note), whitespace where a person leaves it (blank notes, indented and multi-line quotes, runs of
 * blank lines), images the export has no data for, file names from awkward titles, and what each export file
 * says it is. export-formats.test.ts checks one full article in each format.
 */
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { StoredArticle } from '../../../common/article';
import { EMPTY_USER_DATA, type Highlight, type UserData } from '../../../common/user-data';
import { exportFile } from '../../../main/library/export/export-articles';
import { exportName, slug } from '../../../main/library/export/file-names';
import { articleHtml } from '../../../main/library/export/html-document';
import { articleMarkdown } from '../../../main/library/export/markdown';
import { makeHighlight } from '../../helpers/highlight-fixture';

const BARE: StoredArticle = {
  formatVersion: 1,
  id: 'abcdef0123456789abcd',
  title: 'Tides',
  subtitle: null,
  author: null,
  site: null,
  url: null,
  published: null,
  category: null,
  tags: [],
  text: '',
  html: null,
  previousTitle: null,
  nextTitle: null,
  linkOnly: false,
  source: 'tides.txt',
  importer: 'plain-text',
  encoding: 'utf-8',
  original: 'original.txt',
  importedAt: '2024-03-05T10:00:00.000Z',
  previousVersion: null,
  resources: [],
};

/** A pink highlight (the colour shows in both formats). */
const highlight = (exact: string, note: string): Highlight => ({
  ...makeHighlight(exact, note),
  color: 'pink',
});

/** The document's `<article>` contents: what differs from one export to the next. */
const inner = (html: string) => html.slice(html.indexOf('<article>\n') + 10, html.indexOf('\n</article>'));

describe('markdown at its edges', () => {
  it('an article with nothing optional is its front matter and title only', () => {
    expect(articleMarkdown(BARE, EMPTY_USER_DATA)).toBe(
      [
        '---',
        'title: Tides',
        'author: null',
        'site: null',
        'url: null',
        'published: null',
        'imported: 2024-03-05T10:00:00.000Z',
        'tags: []',
        'read: false',
        'starred: false',
        '---',
        '',
        '# Tides',
        '',
      ].join('\n'),
    );
  });

  it('trims paragraphs, quotes line by line, and leaves out blank notes', () => {
    const user: UserData = {
      ...EMPTY_USER_DATA,
      note: '  \n\t ',
      highlights: [
        highlight('\n  First line\n  \n   second  line  \n', '   '),
        highlight('One', ' Why\n  here? '),
      ],
    };
    // Blank lines of one space, of two, and several in a row all part paragraphs.
    const text = '  One.  \n \n\n  Two\tthree.  \n  \nFour.\n\n \n';
    const md = articleMarkdown({ ...BARE, title: ' A\n  title ', text }, user);
    expect(md.slice(md.indexOf('# '))).toBe(
      [
        '# A title',
        '',
        'One.',
        '',
        'Two\tthree.',
        '',
        'Four.',
        '',
        '## Highlights',
        '',
        '> First line\n>\n> second  line\n>\n> *pink*',
        '',
        '> One\n>\n> *pink* — Why here?',
        '',
      ].join('\n'),
    );
    // A note is kept trimmed.
    const noted = articleMarkdown(BARE, { ...EMPTY_USER_DATA, note: '\n  Check the date.  \n' });
    expect(noted.endsWith('# Tides\n\n## Notes\n\nCheck the date.\n')).toBe(true);
  });
});

describe('html at its edges', () => {
  it('an article with nothing optional has a title, an empty body and nothing else', () => {
    expect(inner(articleHtml(BARE, EMPTY_USER_DATA, new Map()))).toBe(
      '<header><h1>Tides</h1></header>\n<div class="body"></div>',
    );
  });

  it('writes the optional parts each in its place, escaped', () => {
    const html = articleHtml(
      {
        ...BARE,
        subtitle: 'Sub <b>',
        url: 'https://x.example/?a=1&b=2',
        tags: ['a&b', 'c'],
        published: '2021-11-07T19:14:16Z',
      },
      { ...EMPTY_USER_DATA, highlights: [highlight('Quoted', ' \n '), highlight('Again', '')] },
      new Map(),
    );
    expect(inner(html)).toBe(
      '<header><h1>Tides</h1><p class="subtitle">Sub &#60;b&#62;</p><p class="byline">2021-11-07</p>' +
        '<p class="source"><a href="https://x.example/?a=1&#38;b=2">https://x.example/?a=1&#38;b=2</a></p>' +
        '<p class="tags">a&#38;b, c</p></header>\n<div class="body"></div>\n' +
        '<section class="highlights"><h2>Highlights</h2><blockquote data-color="pink"><p>Quoted</p></blockquote>' +
        '<blockquote data-color="pink"><p>Again</p></blockquote></section>',
    );
    expect(html).toContain('<style>body{font:18px/1.6 Georgia,serif;');
  });

  it('writes a text body as trimmed paragraphs, and a blank note not at all', () => {
    const html = articleHtml(
      { ...BARE, text: '  One.  \n \n\n  Two & three.  \n  \nFour.\n\n \n' },
      { ...EMPTY_USER_DATA, note: ' \n ' },
      new Map(),
    );
    expect(inner(html)).toBe(
      '<header><h1>Tides</h1></header>\n<div class="body"><p>One.</p>\n<p>Two &#38; three.</p>\n<p>Four.</p></div>',
    );
  });

  it('inlines the images it has, drops the address of those it has not, and leaves other images alone', () => {
    const PNG = 'data:image/png;base64,iVBORw0KGgo=';
    const html = articleHtml(
      {
        ...BARE,
        html: '<p>a</p><img alt="x" src="resource:a%20b.png"><img src="resource:gone.png" alt="y"><img src="data:image/png;base64,AAAA" alt="z">',
      },
      EMPTY_USER_DATA,
      new Map([['a b.png', PNG]]),
    );
    expect(inner(html)).toBe(
      `<header><h1>Tides</h1></header>\n<div class="body"><p>a</p><img alt="x" src="${PNG}"><img alt="y"><img src="data:image/png;base64,AAAA" alt="z"></div>`,
    );
  });
});

describe('export files at their edges', () => {
  it('names files from awkward titles: accents, dashes at the ends, a cut at 60 characters', () => {
    expect(slug('Été à Zürich')).toBe('ete-a-zurich');
    expect(slug('--- Hello, world! ---')).toBe('hello-world');
    expect(slug('!!!')).toBe('article');
    const long = `${'a'.repeat(59)} b c`;
    expect(slug(long)).toBe('a'.repeat(59));
    expect(exportName('Tides', 'XYZ-abc123def456', 'md')).toBe('tides-abc123de.md');
  });

  it('says what each file is, and holds the format it was asked for', async () => {
    const entry = { article: { ...BARE, text: 'Body text.' }, user: EMPTY_USER_DATA, images: new Map() };
    const json = await exportFile([entry], 'json');
    expect([json.name, json.mediaType]).toEqual(['tides-abcdef01.json', 'application/json']);
    const md = await exportFile([entry], 'markdown');
    expect(Buffer.from(md.data, 'base64').toString('utf8')).toBe(articleMarkdown(entry.article, entry.user));
    const html = await exportFile([entry], 'html');
    expect([html.name, html.mediaType]).toEqual(['tides-abcdef01.html', 'text/html; charset=utf-8']);
    expect(Buffer.from(html.data, 'base64').toString('utf8')).toBe(
      articleHtml(entry.article, entry.user, entry.images),
    );
    const two = [entry, { ...entry, article: { ...entry.article, id: '0000000000000000000f' } }];
    const zip = await exportFile(two, 'markdown');
    expect([zip.name, zip.mediaType]).toEqual(['offprint-export-2-articles.zip', 'application/zip']);
    expect(await zipTexts(Buffer.from(zip.data, 'base64'))).toEqual([
      ['tides-abcdef01.md', articleMarkdown(entry.article, entry.user)],
      ['tides-00000000.md', articleMarkdown(entry.article, entry.user)],
    ]);
  });
});

function zipTexts(bytes: Buffer): Promise<Array<[string, string]>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const out: Array<[string, string]> = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push([entry.fileName, Buffer.concat(chunks).toString('utf8')]);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}
