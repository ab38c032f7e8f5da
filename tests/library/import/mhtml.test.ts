import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeMhtml } from '../../../main/library/import/formats/mhtml';
import {
  decodeEncodedWords,
  decodeQuotedPrintable,
  parseMime,
} from '../../../main/library/import/mime-multipart';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { FORMATS, cli, importBytes, importFile, only } from './helpers';

const DIR = path.join(FORMATS, 'mhtml');
const FIXTURE = path.join(DIR, 'harbour-wall.mhtml');

describe('MHTML saved pages', () => {
  it('imports the snapshot page (not the frame before it) with its metadata and images', async () => {
    const a = only(await importFile(FIXTURE));
    expect(a.importer).toBe('mhtml');
    expect(a.source).toBe('harbour-wall.mhtml');
    expect(a.article).toMatchObject({
      title: 'Harbour wall holds as tides peak',
      author: 'Ines Alvarez',
      url: 'https://news.example/2024/harbour-wall',
      published: '2024-02-11T07:30:00Z',
      tags: ['Harbours', 'Tides'],
    });
    // Quoted-printable undone (soft breaks, =3D, multi-byte UTF-8 split across lines).
    expect(a.article.text).toContain(
      'The harbour wall held on Sunday morning as the highest tide of the winter peaked just below the quay’s edge',
    );
    expect(a.article.text).toContain('which is 14 centimetres short of the record set in 1953');
    expect(a.article.text).not.toContain('Buy our boats');
    // Images named by Content-Location (absolute and relative to the page) and by cid: become resources.
    const html = a.article.html ?? '';
    expect(html).toContain('src="resource:wall.png"');
    expect(html).toContain('src="resource:chart.png"');
    expect(html).toContain('src="resource:gauge.gif"');
    expect(html).not.toContain('cid:');
    expect(html).not.toContain('srcset');
    const byName = new Map(a.resources.map((r) => [r.name, Buffer.from(r.bytes)]));
    expect([...byName.keys()].sort()).toEqual(['chart.png', 'gauge.gif', 'wall.png']); // unused.png not kept
    for (const name of ['wall.png', 'chart.png', 'gauge.gif'])
      expect(byName.get(name)!.equals(await fs.readFile(path.join(DIR, name)))).toBe(true);
    expect(Buffer.from(a.original).equals(await fs.readFile(FIXTURE))).toBe(true);
  });

  it('reads an IE-style .mht: legacy charset, base64 page, binary image part, LF line ends', async () => {
    const page = Buffer.from(
      '<html><head><title>Caf\xe9 terraces stay open</title><meta name="author" content="Jos\xe9 Ruiz"></head>' +
        '<body><div id="story"><h1>Caf\xe9 terraces stay open</h1>' +
        '<p>The council voted to let caf\xe9s keep their terraces open until midnight \x96 a first for the old town.</p>' +
        '<p><img src="images/terrace.gif"> The decision follows a summer of complaints about early closing times.</p>' +
        '<p>Residents\x92 groups asked for quiet hours to be respected on weeknights at least.</p></div></body></html>',
      'latin1',
    );
    const gif = await fs.readFile(path.join(DIR, 'gauge.gif'));
    const mht = Buffer.concat([
      Buffer.from(
        'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="=_NextPart_01"; type="text/html"\n\n' +
          'This is a multi-part message in MIME format.\n\n--=_NextPart_01\n' +
          'Content-Type: text/html; charset="windows-1252"\nContent-Transfer-Encoding: base64\n' +
          'Content-Location: http://town.example/news/terraces.htm\n\n' +
          page.toString('base64').replace(/(.{76})/g, '$1\n') +
          '\n\n--=_NextPart_01\nContent-Type: image/gif\nContent-Transfer-Encoding: binary\n' +
          'Content-Location: http://town.example/news/images/terrace.gif\n\n',
        'latin1',
      ),
      gif,
      Buffer.from('\n--=_NextPart_01--\n'),
    ]);
    const a = only(await importBytes('terraces.mht', mht));
    expect(a.importer).toBe('mhtml');
    expect(a.encoding).toBe('windows-1252');
    expect(a.article.title).toBe('Café terraces stay open');
    expect(a.article.author).toBe('José Ruiz');
    expect(a.article.url).toBe('http://town.example/news/terraces.htm');
    expect(a.article.text).toContain('until midnight – a first for the old town');
    expect(a.article.text).toContain('Residents’ groups');
    expect(a.resources.map((r) => r.name)).toEqual(['terrace.gif']);
    expect(Buffer.from(a.resources[0]!.bytes).equals(gif)).toBe(true);
    expect(a.article.html).toContain('resource:terrace.gif');
  });

  it('names images by their location, trimmed, and by Content-ID when the location is a cid:', async () => {
    const gif = await fs.readFile(path.join(DIR, 'gauge.gif'));
    const page =
      '<html><head><title>Tide gauges</title></head><body><div id="story"><h1>Tide gauges</h1>' +
      '<p>The north pier gauge logged the highest water in a century on Sunday night, the harbour office said.</p>' +
      '<p><img src="http://town.example/img/north.gif"> <img src="cid:south@town"> Both gauges were checked on Monday.</p>' +
      '<p>The council will meet on Thursday to discuss raising the harbour wall before the winter storms.</p></div></body></html>';
    const part = (headers: string, body: Buffer) =>
      Buffer.concat([Buffer.from(`--b\n${headers}\n\n`), body, Buffer.from('\n')]);
    const mht = Buffer.concat([
      Buffer.from('MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n'),
      part(
        'Content-Type: text/html\nContent-Location: http://town.example/news/gauges.htm',
        Buffer.from(page),
      ),
      part('Content-Type: image/gif\nContent-Location:  http://town.example/img/north.gif  ', gif),
      part('Content-Type: image/gif\nContent-Location: cid:south@town\nContent-ID: <south@town>', gif),
      Buffer.from('--b--\n'),
    ]);
    const a = only(await importBytes('gauges.mht', mht));
    expect(a.resources.map((r) => r.name).sort()).toEqual(['north.gif', 'south.gif']);
    expect(a.article.html).toContain('src="resource:north.gif"');
    expect(a.article.html).toContain('src="resource:south.gif"');
  });

  it('tells MHTML from mail and other text by content', () => {
    expect(looksLikeMhtml(Buffer.from('From: a@b.example\nContent-Type: text/plain\n\nhello'))).toBe(false);
    expect(
      looksLikeMhtml(
        Buffer.from('Content-Type: multipart/related; boundary=x\n\n--x\nContent-Type: image/png\n\n--x--'),
      ),
    ).toBe(false); // no page in it
    expect(looksLikeMhtml(Buffer.from('# Notes\n\nContent-Type: multipart/related'))).toBe(false);
  });

  it('decodes MIME building blocks exactly', () => {
    expect(Buffer.from(decodeQuotedPrintable(Buffer.from('a=3Db=\r\nc=E2=80=99 =ZZ end='))).toString()).toBe(
      'a=bc’ =ZZ end=',
    );
    expect(decodeEncodedWords('=?utf-8?Q?caf=C3=A9_au_lait?= =?iso-8859-1?B?c/I=?=')).toBe('café au laitsò');
    const msg = parseMime(
      Buffer.from(
        'Content-Type: multipart/related; boundary="b"\r\n\r\npreamble\r\n--b\r\nContent-Type: text/html\r\n\r\n' +
          '<p>--bb is not a boundary</p>\r\n--b\r\nContent-Type: multipart/alternative; boundary="c"\r\n\r\n' +
          '--c\r\nContent-Type: text/plain\r\n\r\ninner\r\n--c--\r\n--b--\r\nepilogue',
      ),
    );
    expect(msg.parts.map((p) => [p.type, Buffer.from(p.body).toString()])).toEqual([
      ['text/html', '<p>--bb is not a boundary</p>'],
      ['text/plain', 'inner'],
    ]);
  });

  it('round-trips through the CLI with its images stored as resources', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    try {
      const imported = cli('import', '--library', lib, '--json', FIXTURE);
      expect(imported.status, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout) as { imported: Array<{ id: string; source: string }> };
      expect(report.imported.map((i) => i.source)).toEqual(['harbour-wall.mhtml']);
      const id = report.imported[0]!.id;
      const view = JSON.parse(cli('show', '--library', lib, '--json', id).stdout) as Record<string, unknown>;
      expect(view).toMatchObject({
        title: 'Harbour wall holds as tides peak',
        url: 'https://news.example/2024/harbour-wall',
        author: 'Ines Alvarez',
      });
      // `show` prints no html or resources: read what the store wrote.
      const articleDir = path.join(lib, 'articles', id.slice(0, 2), id);
      const stored = JSON.parse(await fs.readFile(path.join(articleDir, 'article.json'), 'utf8')) as {
        resources: string[];
        html: string;
      };
      expect([...stored.resources].sort()).toEqual(['chart.png', 'gauge.gif', 'wall.png']);
      expect(stored.html).toContain('resource:chart.png');
      const chart = await fs.readFile(path.join(articleDir, 'resources', 'chart.png'));
      expect(chart.equals(await fs.readFile(path.join(DIR, 'chart.png')))).toBe(true);
    } finally {
      await removeDir(dir);
    }
  });
});
