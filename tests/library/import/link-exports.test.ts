import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from '../../../main/library/import/csv';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { FORMATS, articles, cli, importBytes, importFile } from './helpers';

const POCKET_HTML = path.join(FORMATS, 'pocket', 'ril_export.html');
const POCKET_CSV = path.join(FORMATS, 'pocket', 'part_000000.csv');
const INSTAPAPER = path.join(FORMATS, 'instapaper', 'instapaper-export.csv');

function fields(list: Awaited<ReturnType<typeof importFile>>): unknown[] {
  return articles(list).map((a) => ({
    source: a.source,
    importer: a.importer,
    title: a.article.title,
    url: a.article.url,
    tags: a.article.tags,
    linkOnly: a.article.linkOnly,
    text: a.article.text,
    published: a.article.published,
  }));
}

describe('CSV parsing', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF/LF/CR and a BOM', () => {
    expect(parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n1,,3\r4,5,6\n\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['1', '', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseCsv('a,b\n"unclosed,c')).toEqual([['a', 'b'], ['unclosed,c']]);
    expect(parseCsv('in"side,x')).toEqual([['in"side', 'x']]);
    expect(parseCsv(csvLine(['a,b', 'q"q', 'line\nbreak', 'plain']))).toEqual([
      ['a,b', 'q"q', 'line\nbreak', 'plain'],
    ]);
  });
});

describe('Pocket exports', () => {
  it('reads ril_export.html: one link-only article per link, tags from the tags attribute', async () => {
    const outcomes = await importFile(POCKET_HTML);
    expect(fields(outcomes)).toEqual([
      {
        source: 'ril_export.html › Harbour wall repairs begin & quay closes',
        importer: 'pocket',
        title: 'Harbour wall repairs begin & quay closes',
        url: 'https://harbours.example/2021/wall-repairs',
        tags: ['coast', 'engineering'],
        linkOnly: true,
        text: '',
        published: null, // time_added is not a publication date
      },
      {
        source: 'ril_export.html › https://blog.example/untitled',
        importer: 'pocket',
        title: 'https://blog.example/untitled',
        url: 'https://blog.example/untitled',
        tags: [],
        linkOnly: true,
        text: '',
        published: null,
      },
      {
        source: 'ril_export.html › The river that ran backwards — a second look',
        importer: 'pocket',
        title: 'The river that ran backwards — a second look',
        url: 'http://rivers.example/ran-backwards?ref=pocket',
        tags: ['rivers'],
        linkOnly: true,
        text: '',
        published: null,
      },
    ]);
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([
      {
        kind: 'failed',
        source: 'ril_export.html › Not a link',
        reason: 'the link is not a web address ("javascript:alert(1)")',
      },
    ]);
    const first = articles(outcomes)[0]!;
    expect(Buffer.from(first.original).toString()).toContain(
      'href="https://harbours.example/2021/wall-repairs"',
    );
  });

  it('reads the newer CSV export with quoted commas, quotes and line breaks', async () => {
    const outcomes = await importFile(POCKET_CSV);
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([]);
    expect(
      articles(outcomes).map((a) => [
        a.source,
        a.article.title,
        a.article.url,
        a.article.tags,
        a.article.linkOnly,
      ]),
    ).toEqual([
      [
        'part_000000.csv › Tides, surges and the new sea wall',
        'Tides, surges and the new sea wall',
        'https://coast.example/tides-surges',
        ['coast', 'climate'],
        true,
      ],
      [
        'part_000000.csv › A title with "quotes" and a line break',
        'A title with "quotes" and a line break',
        'https://quotes.example/q',
        [],
        true,
      ],
      [
        'part_000000.csv › https://no-title.example/page',
        'https://no-title.example/page',
        'https://no-title.example/page',
        ['reading list'],
        true,
      ],
    ]);
    // Each original is a valid one-row CSV under the export's header.
    const original = Buffer.from(articles(outcomes)[1]!.original).toString();
    expect(parseCsv(original)).toEqual([
      ['title', 'url', 'time_added', 'tags', 'status'],
      ['A title with "quotes"\nand a line break', 'https://quotes.example/q', '1700000100', '', 'archive'],
    ]);
  });
});

describe('Instapaper exports', () => {
  it('reads the CSV: folder as a tag unless Unread/Archive, Tags column, selection as summary', async () => {
    const outcomes = await importFile(INSTAPAPER);
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([]);
    const list = articles(outcomes);
    expect(
      list.map((a) => [a.importer, a.article.title, a.article.url, a.article.tags, a.article.linkOnly]),
    ).toEqual([
      ['instapaper', 'Ferry timetable changes', 'https://ferries.example/timetable', [], true],
      [
        'instapaper',
        'Why the sea rises, and where',
        'https://science.example/sea-level',
        ['Oceans', 'climate', 'to cite'],
        true,
      ],
      ['instapaper', 'Old piece', 'https://archive.example/old', [], true],
      ['instapaper', 'Favourite', 'https://starred.example/fav', ['Starred'], true],
    ]);
    expect(list[1]!.article.subtitle).toBe('The authors point to a weakening current, says the study.');
    expect(list[1]!.article.text).toBe('');
    expect(list[1]!.article.published).toBeNull();
    expect(list[1]!.source).toBe('instapaper-export.csv › Why the sea rises, and where');
  });

  it('reads the Tags column as a JSON list of names or of {name} objects, or as comma-separated words', async () => {
    const tagsOf = async (tags: string) => {
      const csv = `URL,Title,Selection,Folder,Timestamp,Tags\r\nhttps://x.example/a,A,,Unread,1700000000,"${tags.replace(/"/g, '""')}"\r\n`;
      return articles(await importBytes('instapaper.csv', csv))[0]!.article.tags;
    };
    expect(await tagsOf(' ["Oceans", "to cite"] ')).toEqual(['Oceans', 'to cite']);
    expect(await tagsOf('[{"name":"Oceans","id":1},{"name":"climate"},{"id":3},null,7,"plain"]')).toEqual([
      'Oceans',
      'climate',
      'plain',
    ]);
    expect(await tagsOf('[not json, after all')).toEqual(['[not json', 'after all']);
    expect(await tagsOf(' Oceans ,  climate ,, ')).toEqual(['Oceans', 'climate']);
  });

  it('recognises the exports by header, not by name, and leaves other CSV alone', async () => {
    const csv = await fs.readFile(INSTAPAPER);
    expect(articles(await importBytes('export (3).txt', csv)).map((a) => a.importer)).toEqual(
      Array(4).fill('instapaper'),
    );
    const other = await importBytes('sales.csv', 'region,total\nnorth,12\nsouth,30\n');
    expect(articles(other).every((a) => a.importer !== 'instapaper' && a.importer !== 'pocket')).toBe(true);
    expect(await importBytes('empty.csv', 'URL,Title,Selection,Folder,Timestamp\r\n')).toEqual([
      { kind: 'failed', source: 'empty.csv', reason: 'the Instapaper export holds no links' },
    ]);
  });
});

describe('link exports through the CLI', () => {
  it('round-trips a Pocket HTML export and an Instapaper CSV', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    try {
      const imported = cli('import', '--library', lib, '--json', POCKET_HTML, INSTAPAPER);
      // Exit status 1: the `javascript:` link in the Pocket file failed (and is reported), the rest imported.
      expect(imported.status, imported.stderr).toBe(1);
      const report = JSON.parse(imported.stdout) as {
        imported: Array<{ id: string; source: string }>;
        failed: Array<{ source: string }>;
      };
      expect(report.imported).toHaveLength(7);
      expect(report.failed.map((f) => f.source)).toEqual(['ril_export.html › Not a link']);
      const sea = report.imported.find((i) => i.source.endsWith('Why the sea rises, and where'))!;
      const view = JSON.parse(cli('show', '--library', lib, '--json', sea.id).stdout) as Record<
        string,
        unknown
      >;
      expect(view).toMatchObject({
        title: 'Why the sea rises, and where',
        url: 'https://science.example/sea-level',
        tags: ['Oceans', 'climate', 'to cite'],
        published: null,
        text: '',
      });
      const harbour = report.imported.find((i) => i.source.includes('Harbour wall repairs'))!;
      const stored = JSON.parse(
        await fs.readFile(
          path.join(lib, 'articles', harbour.id.slice(0, 2), harbour.id, 'article.json'),
          'utf8',
        ),
      ) as Record<string, unknown>;
      expect(stored).toMatchObject({ linkOnly: true, importer: 'pocket', tags: ['coast', 'engineering'] });
    } finally {
      await removeDir(dir);
    }
  });
});
