import fs from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../main/library/import/decode-html';
import { localImagePath } from '../../../main/library/import/local-images';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { FORMATS, cli, importBytes, importFile, only } from './helpers';

const SAVED = path.join(FORMATS, 'html', 'saved-page.html');

describe('saved web pages', () => {
  it('reads metadata in trust order: JSON-LD, then Open Graph and meta', async () => {
    const a = only(await importFile(SAVED));
    expect(a.importer).toBe('html');
    expect(a.article.title).toBe('Tide gauges record a new high');
    expect(a.article.author).toBe('Mara Lindqvist, Otto Berg');
    expect(a.article.published).toBe('2023-03-02T09:30:00Z');
    expect(a.article.site).toBe('The Coastal Gazette');
    expect(a.article.category).toBe('Environment');
    expect(a.article.url).toBe('https://gazette.example/coast/tide-gauges-new-high');
    expect(a.article.subtitle).toBe("The harbour's gauges logged the highest water in a century.");
    expect(a.article.tags).toEqual(['Tides', 'Climate', 'Harbour', 'Sea level']);
  });

  it('keeps the body as paragraphs and structured html with links resolved against the canonical URL', async () => {
    const a = only(await importFile(SAVED));
    const paragraphs = a.article.text.split('\n\n');
    expect(paragraphs).toContain('The old gauge at the north pier.');
    expect(paragraphs.some((p) => p.startsWith("The harbour's tide gauges logged"))).toBe(true);
    expect(a.article.text).not.toContain('Copyright Coastal Gazette');
    expect(a.article.text).not.toContain('Home Coast');
    expect(a.article.html).toContain('href="https://gazette.example/coast/history"');
  });

  it('keeps images of a complete-page save as resources, never reading outside the page folder', async () => {
    const a = only(await importFile(SAVED));
    expect(a.resources.map((r) => r.name)).toEqual(['gauge_photo.png']);
    expect(Buffer.from(a.resources[0]!.bytes).toString('latin1')).toContain('-fixture-image-bytes');
    expect(a.article.html).toContain('src="resource:gauge_photo.png"');
    expect(a.article.html).not.toContain('cdn.example/big.png'); // srcset of a local image is dropped
    expect(a.article.html).not.toContain('resource:escape.png');
    expect(a.article.html).not.toContain('https://cdn.example/remote.jpg'); // remote: dropped at import
    const roots = ['/a/page/page_files'];
    expect(localImagePath('/a/page', roots, '../escape.png')).toBeNull();
    expect(localImagePath('/a/page', roots, 'page_files/../../x.png')).toBeNull();
    expect(localImagePath('/a/page', roots, '/etc/passwd')).toBeNull();
    expect(localImagePath('/a/page', roots, 'file:///etc/passwd')).toBeNull();
    expect(localImagePath('/a/page', roots, 'page_files/a%20b.png')).toBe('/a/page/page_files/a b.png');
    expect(localImagePath('/a/page', roots, 'page_files/.hidden/a.png')).toBeNull();
    expect(localImagePath('/a/page', roots, 'other_files/a.png')).toBeNull();
  });

  it('does not read local images when the page is not a file on disk', async () => {
    const a = only(await importBytes('saved-page.html', await fs.readFile(SAVED)));
    expect(a.resources).toEqual([]);
    expect(a.article.html).not.toContain('resource:');
  });

  it('detects HTML by content whatever the extension, and decodes a legacy meta charset', async () => {
    const body =
      '<p>Caf\u00e9 owners say the \u201cnew\u201d rules cost \u20ac400 a month \u2013 too much for a small shop on the square.</p>'.repeat(
        3,
      );
    const page = `<!-- saved --><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Caf\u00e9 rules</title></head><body><article><h1>Caf\u00e9 rules</h1>${body}</article></body></html>`;
    const a = only(await importBytes('download.txt', iconv.encode(page, 'windows-1252')));
    expect(a.importer).toBe('html');
    expect(a.encoding).toBe('windows-1252');
    expect(a.article.title).toBe('Caf\u00e9 rules');
    expect(a.article.text).toContain('the \u201cnew\u201d rules cost \u20ac400 a month \u2013 too much');
  });

  it('decodes like a browser: BOM, then meta charset, then UTF-8, then a guess', () => {
    const latin = iconv.encode(
      '<html><head><meta charset="iso-8859-1"></head><body>d\u00e9j\u00e0</body></html>',
      'latin1',
    );
    expect(decodeHtml(latin)).toEqual({
      text: expect.stringContaining('d\u00e9j\u00e0'),
      encoding: 'windows-1252',
    });
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<meta charset="windows-1251"><p>\u00fcber</p>'),
    ]);
    expect(decodeHtml(bom).text).toContain('\u00fcber');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('<html><p>\u4e2d\u6587</p></html>', 'utf-16le'),
    ]);
    expect(decodeHtml(utf16).text).toContain('\u4e2d\u6587');
    // Valid UTF-8 that keeps a stale legacy meta (a page re-saved by a tool) stays UTF-8.
    expect(decodeHtml(Buffer.from('<meta charset="gb2312"><p>\u4e2d\u6587</p>')).text).toContain(
      '\u4e2d\u6587',
    );
    // No meta, not UTF-8: chardet's guess.
    expect(
      decodeHtml(
        iconv.encode(
          '<p>Stra\u00dfe und Gr\u00fc\u00dfe aus K\u00f6ln, sch\u00f6ne Gr\u00fc\u00dfe.</p>',
          'windows-1252',
        ),
      ).text,
    ).toContain('Stra\u00dfe und Gr\u00fc\u00dfe');
  });

  it('falls back to Readability and the document when the page declares nothing', async () => {
    const page = `<!doctype html><html><head><title>Notes on gardening</title></head><body><div class="post"><h1>Notes on gardening</h1><p class="byline">By Ada Gardener</p>${'<p>Sow the beans in late spring once the soil is warm, and water them every second evening until the first flowers appear.</p>'.repeat(4)}</div></body></html>`;
    const a = only(await importBytes('notes.htm', page));
    expect(a.article.title).toBe('Notes on gardening');
    expect(a.article.author).toBe('By Ada Gardener');
    expect(a.article.url).toBeNull();
    expect(a.article.published).toBeNull();
    expect(a.article.text.split('\n\n').filter((p) => p.startsWith('Sow the beans'))).toHaveLength(4);
  });

  it('takes a page by its extension when it does not start like one', async () => {
    const paragraph = '<p>The harbour wall was rebuilt in 1954, after the storm of the winter before.</p>';
    const body = paragraph.repeat(3);
    // A style sheet before the html element: only the name says it is a page.
    const page = `<style>p { margin: 0 }</style><html><head><title>Harbour</title></head><body>${body}</body></html>`;
    for (const ext of ['html', 'htm', 'xhtml', 'xht', 'shtml']) {
      const a = only(await importBytes(`harbour.${ext}`, page));
      expect([a.importer, a.article.title], ext).toEqual(['html', 'Harbour']);
    }
  });

  it("takes Readability's excerpt as the subtitle, and no site when nothing names one", async () => {
    const page = `<!doctype html><html><head><title>Notes on gardening</title></head><body><div class="post"><h1>Notes on gardening</h1><p class="byline">By Ada Gardener</p>${'<p>Sow the beans in late spring once the soil is warm, and water them every second evening until the first flowers appear.</p>'.repeat(4)}</div></body></html>`;
    const a = only(await importBytes('notes.htm', page));
    expect(a.article).toMatchObject({ subtitle: 'By Ada Gardener', site: null, category: null });
  });

  it('drops NUL characters from the text', async () => {
    // html, head and body all written out: the page goes to linkedom as it is, which keeps the NUL.
    const page = '<html><head><title>Nul</title></head><body><p>Sea\u0000wall</p></body></html>';
    const a = only(await importBytes('nul.html', page));
    expect(a.article.text).toBe('Seawall');
  });

  it('round-trips through the CLI with its image stored as a resource', async () => {
    const lib = await tempDir();
    try {
      const imported = cli('import', '--library', lib, '--json', SAVED);
      expect(imported.status, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout) as { imported: Array<{ id: string; title: string }> };
      expect(report.imported).toHaveLength(1);
      const shown = cli('show', '--library', lib, '--json', report.imported[0]!.id);
      expect(shown.status, shown.stderr).toBe(0);
      const id = report.imported[0]!.id;
      const view = JSON.parse(shown.stdout) as Record<string, unknown>;
      expect(view).toMatchObject({
        title: 'Tide gauges record a new high',
        author: 'Mara Lindqvist, Otto Berg',
        published: '2023-03-02T09:30:00Z',
        url: 'https://gazette.example/coast/tide-gauges-new-high',
        site: 'The Coastal Gazette',
        tags: ['Tides', 'Climate', 'Harbour', 'Sea level'],
        source: 'saved-page.html',
      });
      expect(view.text).toContain('The old gauge at the north pier.');
      // `show --json` prints the reading fields; the stored article has the rest.
      const dir = path.join(lib, 'articles', id.slice(0, 2), id);
      const stored = JSON.parse(await fs.readFile(path.join(dir, 'article.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(stored).toMatchObject({ importer: 'html', resources: ['gauge_photo.png'] });
      expect(stored.html).toContain('resource:gauge_photo.png');
      expect(
        (await fs.readFile(path.join(dir, 'resources', 'gauge_photo.png'))).toString('latin1'),
      ).toContain('-fixture-image-bytes');
    } finally {
      await removeDir(lib);
    }
  });
});
