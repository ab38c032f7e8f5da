/**
 * Export formats of a fixed article with a highlight and a note, against expected outputs: the Markdown file
 * whole, the HTML document's parts (no script, the CSP, the body re-sanitized, images inlined), JSON without
 * the storage fields, and the names and zip of a several-article export.
 */
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { StoredArticle } from '../../../common/article';
import type { UserData } from '../../../common/user-data';
import { exportFile } from '../../../main/library/export/export-articles';
import { exportName } from '../../../main/library/export/file-names';
import { articleHtml, EXPORT_CSP } from '../../../main/library/export/html-document';
import { articleMarkdown } from '../../../main/library/export/markdown';

const ARTICLE: StoredArticle = {
  formatVersion: 1,
  id: '3f2a9c1e5b7d8a6c4e2f',
  title: 'Harbour wall holds: "a close call"',
  subtitle: null,
  author: 'Jane Smith',
  site: 'The Coast Gazette',
  url: 'https://example.org/harbour',
  published: '2021-11-07T19:14:16Z',
  category: null,
  tags: ['coast', 'region/north'],
  text: 'The harbour wall held on Sunday.\n\nThe council met on Monday.',
  html: '<p>The harbour wall held on Sunday.</p><script>alert(1)</script><p onclick="x()">The council met on Monday.</p><img src="resource:wall.png" alt="wall"><img src="https://tracker.example/p.gif">',
  previousTitle: null,
  nextTitle: null,
  linkOnly: false,
  source: 'harbour.html',
  importer: 'html-page',
  encoding: 'utf-8',
  original: 'original.html',
  importedAt: '2024-03-05T10:00:00.000Z',
  previousVersion: null,
  resources: ['wall.png'],
};

const USER: UserData = {
  reading: { read: true, readAt: '2024-03-06T08:00:00.000Z', starred: true, position: 1 },
  note: 'Compare with the 1953 flood.',
  highlights: [
    {
      id: '0123456789abcdef',
      color: 'green',
      quote: { type: 'TextQuoteSelector', exact: 'The council met', prefix: '', suffix: ' on Monday.' },
      position: { type: 'TextPositionSelector', start: 32, end: 47 },
      note: 'Who was there?',
      created: '2024-03-06T08:00:00.000Z',
      modified: '2024-03-06T08:00:00.000Z',
    },
  ],
};

describe('markdown', () => {
  it('front matter, body paragraphs, highlights with colour and note, then the note', () => {
    expect(articleMarkdown(ARTICLE, USER)).toBe(`---
title: 'Harbour wall holds: "a close call"'
author: Jane Smith
site: The Coast Gazette
url: https://example.org/harbour
published: 2021-11-07T19:14:16Z
imported: 2024-03-05T10:00:00.000Z
tags:
  - coast
  - region/north
read: true
starred: true
---

# Harbour wall holds: "a close call"

The harbour wall held on Sunday.

The council met on Monday.

## Highlights

> The council met
>
> *green* — Who was there?

## Notes

Compare with the 1953 flood.
`);
  });
});

describe('html', () => {
  const PNG = 'data:image/png;base64,iVBORw0KGgo=';
  const html = articleHtml(ARTICLE, USER, new Map([['wall.png', PNG]]));

  it('is a standalone document with a CSP that forbids scripts and remote loads, and no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(EXPORT_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
    expect(html).not.toMatch(/<script|onclick|javascript:/i);
    expect(html).not.toContain('tracker.example');
  });

  it('holds the metadata, the body with its image inlined, the highlights and the note', () => {
    expect(html).toContain('<title>Harbour wall holds: &#34;a close call&#34;</title>');
    expect(html).toContain('<p class="byline">Jane Smith · The Coast Gazette · 2021-11-07</p>');
    expect(html).toContain('<a href="https://example.org/harbour">');
    expect(html).toContain('<p>The harbour wall held on Sunday.</p>');
    expect(html).toContain(`<img src="${PNG}" alt="wall">`);
    expect(html).toContain(
      '<section class="highlights"><h2>Highlights</h2><blockquote data-color="green"><p>The council met</p></blockquote><p class="note">Who was there?</p></section>',
    );
    expect(html).toContain(
      '<section class="notes"><h2>Notes</h2><p>Compare with the 1953 flood.</p></section>',
    );
  });
});

describe('files', () => {
  it('one article is one file named by its title and id; json drops the storage fields', async () => {
    const md = await exportFile([{ article: ARTICLE, user: USER, images: new Map() }], 'markdown');
    expect(md.name).toBe('harbour-wall-holds-a-close-call-3f2a9c1e.md');
    expect(md.mediaType).toBe('text/markdown; charset=utf-8');
    const json = await exportFile([{ article: ARTICLE, user: USER, images: new Map() }], 'json');
    const parsed = JSON.parse(Buffer.from(json.data, 'base64').toString('utf8')) as Array<{
      article: Record<string, unknown>;
      user: UserData;
    }>;
    expect(parsed).toHaveLength(1);
    const { formatVersion: _v, encoding: _e, original: _o, ...shown } = ARTICLE;
    expect(parsed[0]).toEqual({ article: shown, user: USER });
  });

  it('several articles are a zip of one file each, with safe unique names; json stays one file', async () => {
    const other = { ...ARTICLE, id: '9a9a9a9a9a9a9a9a9a9a', title: '../../etc/passwd' };
    const entries = [ARTICLE, other].map((article) => ({ article, user: USER, images: new Map() }));
    const zip = await exportFile(entries, 'html');
    expect(zip.name).toBe('offprint-export-2-articles.zip');
    expect(await zipNames(Buffer.from(zip.data, 'base64'))).toEqual([
      'harbour-wall-holds-a-close-call-3f2a9c1e.html',
      'etc-passwd-9a9a9a9a.html',
    ]);
    const json = await exportFile(entries, 'json');
    expect(json.name).toBe('offprint-export-2-articles.json');
    expect(JSON.parse(Buffer.from(json.data, 'base64').toString('utf8'))).toHaveLength(2);
    expect(exportName('///', 'abc', 'md')).toBe('article-abc.md');
  });
});

function zipNames(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}
