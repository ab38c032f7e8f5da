/**
 * The Omnivore, Wallabag and ArchiveBox readers called directly, without the pipeline (extract, sniff, the
 * registry and jsdom's sanitizer): each mutant of the exports group then costs milliseconds, not seconds.
 * An Omnivore zip hands the files that are not its own to the pipeline through `extractEntry`; here a stub
 * records what it was handed. omnivore.test.ts, wallabag.test.ts and folders.test.ts go through the pipeline.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveBoxIndex } from '../../../main/library/import/archivebox-index';
import { ExpansionBudget } from '../../../main/library/import/expansion-budget';
import { archiveBoxImporter, readArchiveBox } from '../../../main/library/import/formats/archivebox';
import {
  looksLikeOmnivore,
  omnivoreImporter,
  readOmnivore,
} from '../../../main/library/import/formats/omnivore';
import {
  looksLikeWallabag,
  readWallabag,
  wallabagImporter,
} from '../../../main/library/import/formats/wallabag';
import type {
  EntryContext,
  ImportInput,
  ImportOutcome,
  SniffedContent,
} from '../../../main/library/import/importer';
import { DEFAULT_LIMITS } from '../../../main/library/import/limits';
import { deflatedEntry, type RawZipEntry, writeZip } from '../../helpers/hostile-catalogue/bombs';
import { REPO, removeDir, tempDir } from '../../helpers/temp-library';
import { makeZip, type ZipEntrySpec } from './zip-writer';

const ARROW = ' › ';
type Article = Extract<ImportOutcome, { kind: 'article' }>;

/** An input whose archive entries are recorded as handed on, not imported. */
function input(name: string, bytes: Uint8Array, extra: Partial<ImportInput> = {}): ImportInput {
  return {
    name,
    bytes,
    path: null,
    extractEntry: async function* (source, data) {
      yield {
        kind: 'failed',
        source,
        reason: `handed on: ${Buffer.from(data).toString('utf8').slice(0, 20)}`,
      };
    },
    ...extra,
  };
}

const sniffed = (text: string | null, extra: Partial<SniffedContent> = {}): SniffedContent => ({
  binaryKind: null,
  text,
  encoding: text === null ? null : 'utf-8',
  extension: 'json',
  ...extra,
});

async function all(
  outcomes: AsyncIterable<ImportOutcome> | Promise<ImportOutcome[]>,
): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for await (const o of await outcomes) out.push(o);
  return out;
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('Omnivore exports', () => {
  const SEA = {
    id: 'a',
    slug: 'sea-wall/vote 1',
    title: ' Town votes\n to raise the sea wall ',
    author: 'Priya Natarajan',
    description: 'A narrow vote.',
    siteName: 'Coast News',
    url: 'https://coastnews.example/sea-wall',
    publishedAt: '2023-11-01T12:30:00.000Z',
    savedAt: '2023-11-02T19:00:00.000Z',
    labels: ['Coast', { name: 'local politics' }, { color: 'red' }],
  };
  const SEA_HTML = '<div><p>The council voted seven to six.</p><p>The wall rises one metre.</p></div>';
  const HIGHLIGHTS = '> The council voted [⤴️](https://omnivore.app/me/a#1)\n\nClose vote.\n';

  function exportZip(prefix: string, extra: ZipEntrySpec[] = [], metadata: unknown = [SEA]): Buffer {
    return makeZip([
      { name: `${prefix}metadata_0_to_1.json`, data: JSON.stringify(metadata) },
      { name: `${prefix}content/${SEA.slug}.html`, data: SEA_HTML },
      { name: `${prefix}highlights/${SEA.slug}.md`, data: HIGHLIGHTS },
      ...extra,
    ]);
  }

  it('is told from other zips by its directory: metadata and content under one top folder or none', () => {
    expect(looksLikeOmnivore(exportZip(''))).toBe(true);
    expect(looksLikeOmnivore(exportZip('Omnivore export/'))).toBe(true);
    const zip = (...names: string[]) => makeZip(names.map((name) => ({ name, data: 'x' })));
    expect(looksLikeOmnivore(zip('metadata_0.json', 'content/a.html'))).toBe(true);
    expect(looksLikeOmnivore(zip('metadata_0.json', 'content/a.md'))).toBe(false);
    expect(looksLikeOmnivore(zip('metadata_0.json', 'other/content/a.html'))).toBe(false);
    expect(looksLikeOmnivore(zip('xmetadata_0.json', 'xcontent/a.html'))).toBe(false);
    expect(looksLikeOmnivore(zip('a/metadata_0.json', 'content/a.html'))).toBe(false);
    expect(looksLikeOmnivore(zip('a/metadata_0.json', 'b/metadata_0.json', 'b/content/a.html'))).toBe(true);
    expect(looksLikeOmnivore(zip('metadata_0.txt', 'content/a.html'))).toBe(false);
    expect(looksLikeOmnivore(zip('content/a.html'))).toBe(false);
    expect(looksLikeOmnivore(Buffer.from('not a zip'))).toBe(false);
    const bytes = exportZip('');
    expect(
      omnivoreImporter.accepts(input('a.zip', bytes), sniffed(null, { binaryKind: 'zip archive' })),
    ).toBe(true);
    expect(
      omnivoreImporter.accepts(input('a.zip', bytes), sniffed(null, { binaryKind: 'gzip archive' })),
    ).toBe(false);
    expect(
      omnivoreImporter.accepts(input('a.zip', zip('a.txt')), sniffed(null, { binaryKind: 'zip archive' })),
    ).toBe(false);
  });

  it('makes one article per metadata entry: metadata, content and highlights, and the entry as original', async () => {
    const outcomes = await all(readOmnivore(input('o.zip', exportZip('export/'))));
    expect(outcomes).toHaveLength(1);
    const a = outcomes[0] as Article;
    expect({ ...a, original: null }).toEqual({
      kind: 'article',
      source: `o.zip${ARROW}Town votes to raise the sea wall`,
      original: null,
      originalName: 'sea-wall_vote_1.omnivore.json',
      encoding: 'utf-8',
      importer: 'omnivore',
      resources: [],
      article: {
        title: 'Town votes to raise the sea wall',
        subtitle: 'A narrow vote.',
        author: 'Priya Natarajan',
        site: 'Coast News',
        url: 'https://coastnews.example/sea-wall',
        published: '2023-11-01T12:30:00Z',
        category: null,
        tags: ['Coast', 'local politics'],
        text: 'The council voted seven to six.\n\nThe wall rises one metre.\n\nHighlights\n\nThe council voted\n\nClose vote.',
        html:
          '<div><p>The council voted seven to six.</p><p>The wall rises one metre.</p></div><h2>Highlights</h2>' +
          '<blockquote>\n<p>The council voted</p>\n</blockquote>\n<p>Close vote.</p>',
        previousTitle: null,
        nextTitle: null,
        linkOnly: false,
      },
    });
    expect(JSON.parse(text(a.original))).toEqual({
      format: 'omnivore-export-entry',
      metadata: SEA,
      content: SEA_HTML,
      highlights: HIGHLIGHTS,
    });
  });

  it('falls back for the title and address, and makes a link-only article without content', async () => {
    const metadata = [
      { url: 'javascript:alert(1)', originalArticleUrl: 'https://orig.example/a', slug: 'no-content' },
      { slug: 'slug-only' },
      {},
      { title: 'Only highlights', slug: 'marked' },
      { title: 'Only links', slug: 'links' },
      { title: 'Only a rule', slug: 'rule' },
    ];
    const zip = makeZip([
      { name: 'metadata_0.json', data: JSON.stringify(metadata) },
      { name: 'content/unrelated.html', data: '<p>Nobody names this page.</p>' },
      { name: 'highlights/marked.md', data: '**Bold** remark' },
      { name: 'highlights/links.md', data: ' [⤴️](https://omnivore.app/x)\n[⤴](https://omnivore.app/y) ' },
      // Markdown that renders to no text at all: no section either.
      { name: 'highlights/rule.md', data: '---' },
    ]);
    const outcomes = await all(readOmnivore(input('o.zip', zip)));
    const articles = outcomes.filter((o): o is Article => o.kind === 'article');
    expect(articles.map((a) => [a.source, a.originalName, a.article.url, a.article.linkOnly])).toEqual([
      [`o.zip${ARROW}https://orig.example/a`, 'no-content.omnivore.json', 'https://orig.example/a', true],
      [`o.zip${ARROW}slug-only`, 'slug-only.omnivore.json', null, true],
      [`o.zip${ARROW}Untitled`, 'entry.omnivore.json', null, true],
      [`o.zip${ARROW}Only highlights`, 'marked.omnivore.json', null, true],
      [`o.zip${ARROW}Only links`, 'links.omnivore.json', null, true],
      [`o.zip${ARROW}Only a rule`, 'rule.omnivore.json', null, true],
    ]);
    expect(articles[0]!.article).toMatchObject({
      text: '',
      html: null,
      tags: [],
      published: null,
      author: null,
    });
    expect(articles[3]!.article).toMatchObject({
      text: 'Highlights\n\nBold remark',
      html: '<h2>Highlights</h2><p><strong>Bold</strong> remark</p>',
    });
    expect(articles[4]!.article).toMatchObject({ text: '', html: null });
    expect(articles[5]!.article).toMatchObject({ text: '', html: null });
    // The page no entry names goes to the pipeline, after the articles.
    expect(outcomes.slice(6)).toEqual([
      {
        kind: 'failed',
        source: `o.zip${ARROW}content/unrelated.html`,
        reason: 'handed on: <p>Nobody names this',
      },
    ]);
    expect(JSON.parse(text(articles[2]!.original))).toEqual({
      format: 'omnivore-export-entry',
      metadata: {},
      content: null,
      highlights: null,
    });
  });

  it('cuts a long slug in the original name to 80 characters', async () => {
    const slug = `${'a'.repeat(79)}/bc`;
    const outcomes = await all(readOmnivore(input('o.zip', exportZip('', [], [{ ...SEA, slug }]))));
    expect((outcomes[0] as Article).originalName).toBe(`${'a'.repeat(79)}_.omnivore.json`);
  });

  it('hands other files on, refuses unsafe names, and skips folders and junk', async () => {
    const zip = exportZip('export/', [
      { name: 'export/', data: '' },
      { name: 'export/notes.txt', data: 'stray note' },
      { name: 'export/sub/metadata_9.json', data: 'nested metadata is a file like any' },
      { name: 'export/content/deep/page.htm', data: 'not html by name' },
      { name: 'elsewhere.txt', data: 'outside the top folder' },
      { name: 'export/../evil.txt', data: 'evil' },
      { name: '__MACOSX/export/._notes.txt', data: 'junk' },
      { name: 'export/.DS_Store', data: 'junk' },
    ]);
    const outcomes = await all(readOmnivore(input('o.zip', zip)));
    expect(outcomes.map((o) => o.kind)).toEqual([
      'article',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(outcomes.slice(1)).toEqual([
      { kind: 'failed', source: `o.zip${ARROW}export/notes.txt`, reason: 'handed on: stray note' },
      {
        kind: 'failed',
        source: `o.zip${ARROW}export/sub/metadata_9.json`,
        reason: 'handed on: nested metadata is a',
      },
      {
        kind: 'failed',
        source: `o.zip${ARROW}export/content/deep/page.htm`,
        reason: 'handed on: not html by name',
      },
      { kind: 'failed', source: `o.zip${ARROW}elsewhere.txt`, reason: 'handed on: outside the top fold' },
      {
        kind: 'failed',
        source: `o.zip${ARROW}export/../evil.txt`,
        reason: 'entry refused: its name points outside the archive (`..`)',
      },
    ]);
  });

  it('names a metadata file that is not a list, and an entry that is not an object', async () => {
    const outcomes = await all(
      readOmnivore(
        input(
          'o.zip',
          makeZip([
            { name: 'metadata_0.json', data: '{"not":"a list"}' },
            { name: 'metadata_1.json', data: '[{"title":' },
            { name: 'metadata_2.json', data: JSON.stringify([null, 'text', [], { title: 'Fine' }]) },
            { name: 'content/x.html', data: '<p>x</p>' },
          ]),
        ),
      ),
    );
    expect(outcomes.slice(0, 5)).toEqual([
      {
        kind: 'failed',
        source: `o.zip${ARROW}metadata_0.json`,
        reason: 'the metadata file cannot be read: not a list of entries',
      },
      {
        kind: 'failed',
        source: `o.zip${ARROW}metadata_1.json`,
        reason: expect.stringMatching(/^the metadata file cannot be read: .*JSON/),
      },
      {
        kind: 'failed',
        source: `o.zip${ARROW}metadata_2.json entry 1`,
        reason: 'the entry is not an object',
      },
      {
        kind: 'failed',
        source: `o.zip${ARROW}metadata_2.json entry 2`,
        reason: 'the entry is not an object',
      },
      {
        kind: 'failed',
        source: `o.zip${ARROW}metadata_2.json entry 3`,
        reason: 'the entry is not an object',
      },
    ]);
    expect((outcomes[5] as Article).source).toBe(`o.zip${ARROW}Fine`);
  });

  it('reads a metadata file with a byte order mark', async () => {
    const zip = exportZip('', [], []);
    const withBom = makeZip([
      { name: 'metadata_0.json', data: `\uFEFF${JSON.stringify([{ title: 'Bom' }])}` },
      { name: 'content/x.html', data: '<p>x</p>' },
    ]);
    expect((await all(readOmnivore(input('o.zip', withBom)))).map((o) => o.source)).toEqual([
      `o.zip${ARROW}Bom`,
      `o.zip${ARROW}content/x.html`,
    ]);
    // An empty list is no article, and nothing fails.
    expect((await all(readOmnivore(input('o.zip', zip)))).map((o) => o.source)).toEqual([
      `o.zip${ARROW}content/${SEA.slug}.html`,
    ]);
  });

  it('refuses entries compressed past 100:1 above 1 MiB, and nothing at 1 MiB', async () => {
    const zip = exportZip('', [
      { name: 'at-floor.bin', data: Buffer.alloc(1024 * 1024, 0x61) },
      { name: 'past-floor.bin', data: Buffer.alloc(1024 * 1024 + 1, 0x61) },
    ]);
    const outcomes = await all(readOmnivore(input('o.zip', zip)));
    // The refusal comes from the listing, before any article.
    expect(outcomes.map((o) => (o.kind === 'failed' ? [o.source, o.reason] : o.kind))).toEqual([
      [`o.zip${ARROW}past-floor.bin`, 'entry refused: compressed more than 100:1 (a zip bomb?)'],
      'article',
      [`o.zip${ARROW}at-floor.bin`, 'handed on: aaaaaaaaaaaaaaaaaaaa'],
    ]);
  });

  it('says why an archive cannot be read: not a zip, damaged, or past its budget', async () => {
    expect(await all(readOmnivore(input('o.zip', Buffer.from('no zip here'))))).toEqual([
      {
        kind: 'failed',
        source: 'o.zip',
        reason:
          'not a readable zip archive: End of central directory record signature not found. Either not a zip ' +
          'file, or file is truncated.',
      },
    ]);
    const damaged = exportZip('');
    const second = damaged.indexOf(
      Buffer.from([0x50, 0x4b, 0x01, 0x02]),
      damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 1,
    );
    damaged[second + 3] = 0x09;
    expect(await all(readOmnivore(input('o.zip', damaged)))).toEqual([
      {
        kind: 'failed',
        source: 'o.zip',
        reason: 'the archive is damaged: invalid central directory file header signature: 0x9014b50',
      },
    ]);
    const budget = new ExpansionBudget(10, {
      ...DEFAULT_LIMITS,
      expansionFloorBytes: 100,
      maxExpansionRatio: 1,
    });
    // The metadata fails alone (its own catch); the content after it finds the budget spent and ends the read.
    expect(await all(readOmnivore(input('o.zip', exportZip(''), { budget })))).toEqual([
      {
        kind: 'failed',
        source: `o.zip${ARROW}metadata_0_to_1.json`,
        reason:
          'the metadata file cannot be read: the archive expands past 1 KB (more than 1 times its 1 KB: a zip bomb?)',
      },
      {
        kind: 'failed',
        source: 'o.zip',
        reason:
          'the archive expands past 1 KB (more than 1 times its 1 KB: a zip bomb?); the rest was not read',
      },
    ]);
  });

  it('is read through its importer, named omnivore', async () => {
    expect(omnivoreImporter.name).toBe('omnivore');
    const zip = exportZip('');
    expect(await all(omnivoreImporter.read(input('o.zip', zip), sniffed(null)))).toEqual(
      await all(readOmnivore(input('o.zip', zip))),
    );
    expect((await all(omnivoreImporter.read(input('o.zip', zip), sniffed(null))))[0]!.source).toBe(
      `o.zip${ARROW}Town votes to raise the sea wall`,
    );
  });

  it('takes as metadata only names ending in .json, on one line', () => {
    const zip = (...names: string[]) => makeZip(names.map((name) => ({ name, data: 'x' })));
    expect(looksLikeOmnivore(zip('metadata_0.json.bak', 'content/a.html'))).toBe(false);
    expect(looksLikeOmnivore(zip('metadata_0.jsonl', 'content/a.html'))).toBe(false);
    // A name broken by a line break is no metadata file at the root, whatever follows the break.
    expect(looksLikeOmnivore(zip('notes\nmetadata_0.json', 'content/a.html'))).toBe(false);
  });

  it('renders highlights as Markdown without raw HTML, dropping links glued to a word, however indented', async () => {
    const zip = makeZip([
      { name: 'metadata_0.json', data: JSON.stringify([{ title: 'Marked', slug: 'marked' }]) },
      {
        name: 'highlights/marked.md',
        data: '    Rates rose[⤴️](https://omnivore.app/me/a#1) again.\n\nA <b>bold</b> claim.',
      },
    ]);
    const [a] = (await all(readOmnivore(input('o.zip', zip)))) as Article[];
    expect(a!.article).toMatchObject({
      text: 'Highlights\n\nRates rose again.\n\nA <b>bold</b> claim.',
      html: '<h2>Highlights</h2><p>Rates rose again.</p>\n<p>A &lt;b&gt;bold&lt;/b&gt; claim.</p>',
      linkOnly: true,
    });
  });

  it('refuses entries by their declared sizes: past 256 MB, past 100:1, and past 1 GiB in all', async () => {
    const MIB = 1024 * 1024;
    const declared = (name: string, declaredSize: number, body = Buffer.alloc(10)): RawZipEntry => ({
      name,
      body,
      method: 8,
      crc: 0,
      declaredSize,
    });
    const metadata = JSON.stringify([{ title: 'Kept' }]);
    const zip = writeZip([
      deflatedEntry('metadata_0.json', metadata),
      // 256 MB is not too large (only more is), but 10 bytes for it is a bomb's ratio.
      declared('at-limit.bin', 256 * MIB),
      declared('past-limit.bin', 256 * MIB + 1),
      declared('third.bin', 256 * MIB),
      // The declared sizes so far, refused or not, come to 1 GiB less one byte.
      declared('fourth.bin', 256 * MIB - 2 - metadata.length),
      // Exactly 1 GiB in all: read.
      deflatedEntry('edge.txt', 'e'),
      // One byte more: refused, and so is all that follows, whatever its ratio.
      deflatedEntry('over.txt', 'o'),
      declared('exact-ratio.bin', 100 * 20_000, Buffer.alloc(20_000)),
    ]);
    const outcomes = await all(readOmnivore(input('o.zip', zip)));
    const ratio = 'entry refused: compressed more than 100:1 (a zip bomb?)';
    const total = 'the archive uncompresses to more than 1 GiB; this entry was not read';
    expect(outcomes.map((o) => (o.kind === 'failed' ? [o.source, o.reason] : o.source))).toEqual([
      [`o.zip${ARROW}at-limit.bin`, ratio],
      [`o.zip${ARROW}past-limit.bin`, 'too large to be an article (256 MB)'],
      [`o.zip${ARROW}third.bin`, ratio],
      [`o.zip${ARROW}fourth.bin`, ratio],
      [`o.zip${ARROW}over.txt`, total],
      [`o.zip${ARROW}exact-ratio.bin`, total],
      `o.zip${ARROW}Kept`,
      [`o.zip${ARROW}edge.txt`, 'handed on: e'],
    ]);
  });

  it('reads a metadata file whose byte order mark was written twice, and keeps one inside the text', async () => {
    const zip = makeZip([
      { name: 'metadata_0.json', data: `\uFEFF\uFEFF${JSON.stringify([{ title: 'Twice', slug: 'twice' }])}` },
      { name: 'content/twice.html', data: '<p>Zero\uFEFFwidth</p>' },
    ]);
    const [a] = (await all(readOmnivore(input('o.zip', zip)))) as Article[];
    expect(a!.source).toBe(`o.zip${ARROW}Twice`);
    expect(JSON.parse(text(a!.original))).toMatchObject({ content: '<p>Zero\uFEFFwidth</p>' });
  });

  it('reads at the root a zip whose layout it does not recognise (no content page)', async () => {
    const zip = makeZip([
      { name: 'metadata_0.json', data: JSON.stringify([{ title: 'Noted', slug: 'noted' }]) },
      { name: 'highlights/noted.md', data: 'A note.' },
    ]);
    expect(looksLikeOmnivore(zip)).toBe(false);
    const [a] = (await all(readOmnivore(input('o.zip', zip)))) as Article[];
    expect(a!.source).toBe(`o.zip${ARROW}Noted`);
    expect(a!.article).toMatchObject({ text: 'Highlights\n\nA note.', linkOnly: true });
  });

  it('reads metadata, content and highlights only at their own places under the top folder', async () => {
    const zip = makeZip([
      { name: 'export/metadata_0.json', data: JSON.stringify([{ title: 'Sea', slug: 'sea' }]) },
      { name: 'export/content/other.html', data: '<p>Other.</p>' },
      // As long as `export/`, beside it: not the export's metadata.
      { name: 'backup/metadata_1.json', data: JSON.stringify([{ title: 'Not read' }]) },
      { name: 'export/old/content/sea.html', data: '<p>Old content.</p>' },
      { name: 'export/content/sea.html.orig', data: '<p>Orig content.</p>' },
      { name: 'export/old/highlights/sea.md', data: 'Old note.' },
      { name: 'export/highlights/sea.md~', data: 'Backup note.' },
    ]);
    const outcomes = await all(readOmnivore(input('o.zip', zip)));
    expect(outcomes.map((o) => (o.kind === 'failed' ? [o.source, o.reason] : o.source))).toEqual([
      `o.zip${ARROW}Sea`,
      [`o.zip${ARROW}backup/metadata_1.json`, 'handed on: [{"title":"Not read"'],
      [`o.zip${ARROW}export/old/content/sea.html`, 'handed on: <p>Old content.</p>'],
      [`o.zip${ARROW}export/content/sea.html.orig`, 'handed on: <p>Orig content.</p>'],
      [`o.zip${ARROW}export/old/highlights/sea.md`, 'handed on: Old note.'],
      [`o.zip${ARROW}export/highlights/sea.md~`, 'handed on: Backup note.'],
      [`o.zip${ARROW}export/content/other.html`, 'handed on: <p>Other.</p>'],
    ]);
    expect((outcomes[0] as Article).article).toMatchObject({ text: '', html: null, linkOnly: true });
  });

  it('takes a slug that is not text as none', async () => {
    const zip = exportZip('', [], [{ title: 'Numbered', slug: 7 }]);
    const [a] = (await all(readOmnivore(input('o.zip', zip)))) as Article[];
    expect(a!.source).toBe(`o.zip${ARROW}Numbered`);
    expect(a!.originalName).toBe('entry.omnivore.json');
  });

  it("hands other files on with the import's time keeper and the archive's budget", async () => {
    const contexts: EntryContext[] = [];
    const alive = () => undefined;
    const budget = new ExpansionBudget(1_000_000);
    const outcomes = await all(
      readOmnivore(
        input('o.zip', exportZip('', [{ name: 'notes.txt', data: 'stray' }]), {
          alive,
          budget,
          extractEntry: async function* (source, _data, context) {
            contexts.push(context);
            yield { kind: 'failed', source, reason: 'handed on' };
          },
        }),
      ),
    );
    expect(outcomes.map((o) => o.source)).toEqual([
      `o.zip${ARROW}Town votes to raise the sea wall`,
      `o.zip${ARROW}notes.txt`,
    ]);
    expect(contexts).toHaveLength(1);
    expect(contexts[0]!.alive).toBe(alive);
    expect(contexts[0]!.budget).toBe(budget);
  });
});

describe('Wallabag exports', () => {
  const ENTRY = {
    id: 420,
    title: 'Why the sea is rising',
    url: 'https://science.example/sea',
    content: '<h2>Tides</h2><p>Sea levels rise.</p>',
    description: 'A study.',
    published_by: ['Amara Okafor', 'Lukas Brandt', 'Amara Okafor', ' '],
    domain_name: 'science.example',
    published_at: '2023-09-12T08:00:00+02:00',
    created_at: '2024-01-01T00:00:00+00:00',
    tags: [{ label: 'oceans' }, 'climate', { name: 'no label' }],
    reading_time: 3,
  };
  const read = (entries: unknown, name = 'w.json') =>
    readWallabag(input(name, new Uint8Array()), sniffed(JSON.stringify(entries)));

  it('is told by a list whose text names a url and two keys only Wallabag writes together', () => {
    const text = (keys: string[]) => `[{"url": "u", ${keys.map((k) => `"${k}": 1`).join(', ')}}]`;
    expect(looksLikeWallabag(text(['domain_name', 'reading_time']))).toBe(true);
    expect(looksLikeWallabag(`\uFEFF \n ${text(['is_archived', 'is_starred'])}`)).toBe(true);
    expect(looksLikeWallabag(text(['published_by', 'preview_picture']))).toBe(true);
    expect(looksLikeWallabag(text(['given_url', 'mimetype']))).toBe(true);
    expect(looksLikeWallabag(text(['annotations', 'mimetype']))).toBe(true);
    expect(looksLikeWallabag(text(['domain_name']))).toBe(false);
    expect(looksLikeWallabag(text(['domain_name', 'title']))).toBe(false);
    expect(looksLikeWallabag('[{"link": "u", "domain_name": 1, "reading_time": 2}]')).toBe(false);
    expect(looksLikeWallabag('{"url": "u", "domain_name": 1, "reading_time": 2}')).toBe(false);
    expect(looksLikeWallabag('x[{"url": "u", "domain_name": 1, "reading_time": 2}]')).toBe(false);
    // Only the first 64 KiB are looked at: a key ending exactly there counts, one a character later does not.
    const padded = (extra: number) => {
      const start = '[{"url": "u", "domain_name": 1, "pad": "';
      const pad = 'x'.repeat(65536 - start.length - '", "mimetype'.length - 1 + extra);
      return `${start}${pad}", "mimetype": 1}]`;
    };
    expect(padded(0).indexOf('"mimetype"') + '"mimetype"'.length).toBe(65536);
    expect(looksLikeWallabag(padded(0))).toBe(true);
    expect(looksLikeWallabag(padded(1))).toBe(false);
    expect(
      wallabagImporter.accepts(input('w.json', new Uint8Array()), sniffed(text(['domain_name', 'mimetype']))),
    ).toBe(true);
    expect(wallabagImporter.accepts(input('w.json', new Uint8Array()), sniffed(null))).toBe(false);
  });

  it('makes one article per entry with its fields, content and the entry as original', () => {
    const [a] = read([ENTRY]) as Article[];
    expect({ ...a, original: null }).toEqual({
      kind: 'article',
      source: `w.json${ARROW}Why the sea is rising`,
      original: null,
      originalName: 'wallabag-420.json',
      encoding: 'utf-8',
      importer: 'wallabag',
      resources: [],
      article: {
        title: 'Why the sea is rising',
        subtitle: 'A study.',
        author: 'Amara Okafor, Lukas Brandt',
        site: 'science.example',
        url: 'https://science.example/sea',
        published: '2023-09-12T06:00:00Z',
        category: null,
        tags: ['oceans', 'climate'],
        text: 'Tides\n\nSea levels rise.',
        html: '<h2>Tides</h2><p>Sea levels rise.</p>',
        previousTitle: null,
        nextTitle: null,
        linkOnly: false,
      },
    });
    expect(JSON.parse(text(a!.original))).toEqual(ENTRY);
    expect(a).not.toHaveProperty('notes');
  });

  it('falls back for the address, the title, the author and the id', async () => {
    const outcomes = read(
      [
        {
          url: 'javascript:x',
          given_url: 'https://given.example/',
          title: 'G',
          published_by: 'Solo',
          id: 'a/b c',
        },
        { url: 'nope', origin_url: 'https://origin.example/', published_by: [] },
        { url: 'https://only.example/x', title: '  ', content: 5 },
      ],
      'w.json',
    ) as Article[];
    expect(
      outcomes.map((o) => [o.source, o.originalName, o.article.url, o.article.author, o.article.linkOnly]),
    ).toEqual([
      [`w.json${ARROW}G`, 'wallabag-a_b_c.json', 'https://given.example/', 'Solo', true],
      [`w.json${ARROW}https://origin.example/`, 'wallabag-2.json', 'https://origin.example/', null, true],
      [`w.json${ARROW}https://only.example/x`, 'wallabag-3.json', 'https://only.example/x', null, true],
    ]);
  });

  it("takes Wallabag's could-not-fetch text as no content", () => {
    const contents = [
      "wallabag can't retrieve contents for this article. Please <a href='x'>troubleshoot</a>.",
      'Wallabag can’t retrieve contents for this article.',
      'WALLABAG CANNOT RETRIEVE CONTENTS FOR THIS ARTICLE',
      '   ',
    ];
    for (const content of contents) {
      const [a] = read([{ ...ENTRY, content }]) as Article[];
      expect(a!.article, content).toMatchObject({ text: '', html: null, linkOnly: true });
    }
  });

  it('says when a date cannot be read, quoting at most 40 characters of it', () => {
    const notes = (published_at: unknown) => (read([{ ...ENTRY, published_at }])[0] as Article).notes;
    expect(notes('someday')).toEqual(['its date "someday" could not be read, so it has none']);
    expect(notes('x'.repeat(40))).toEqual([`its date "${'x'.repeat(40)}" could not be read, so it has none`]);
    expect(notes('x'.repeat(41))).toEqual([
      `its date "${'x'.repeat(39)}…" could not be read, so it has none`,
    ]);
    expect(notes({ at: 'x' })).toEqual(['its date "{"at":"x"}" could not be read, so it has none']);
    expect(notes(true)).toEqual(['its date "true" could not be read, so it has none']);
    for (const value of [null, undefined, '']) {
      const [a] = read([{ ...ENTRY, published_at: value }]) as Article[];
      expect(a).not.toHaveProperty('notes');
      expect(a!.article.published).toBeNull();
    }
  });

  it('fails the whole file, or one entry, with the reason', () => {
    const whole = (raw: string) => readWallabag(input('w.json', new Uint8Array()), sniffed(raw));
    expect(whole('[{"url":')).toEqual([
      { kind: 'failed', source: 'w.json', reason: expect.stringMatching(/^not valid JSON: .*JSON/) },
    ]);
    expect(whole('{"url": "u"}')).toEqual([
      { kind: 'failed', source: 'w.json', reason: 'not a Wallabag export (not a list of entries)' },
    ]);
    expect(whole('[]')).toEqual([
      { kind: 'failed', source: 'w.json', reason: 'the export holds no entries' },
    ]);
    expect(whole(`\uFEFF[{"title": "Bom"}]`).map((o) => o.source)).toEqual([`w.json${ARROW}Bom`]);
    expect(readWallabag(input('w.json', new Uint8Array()), sniffed(null))).toEqual([
      { kind: 'failed', source: 'w.json', reason: expect.stringMatching(/^not valid JSON: /) },
    ]);
    const outcomes = read([
      null,
      7,
      ['a'],
      { content: '<p>x</p>' },
      { title: 'Deep', content: '<div>'.repeat(300) },
    ]);
    expect(outcomes).toEqual([
      { kind: 'failed', source: `w.json${ARROW}entry 1`, reason: 'the entry is not an object' },
      { kind: 'failed', source: `w.json${ARROW}entry 2`, reason: 'the entry is not an object' },
      { kind: 'failed', source: `w.json${ARROW}entry 3`, reason: 'the entry is not an object' },
      { kind: 'failed', source: `w.json${ARROW}entry 4`, reason: 'the entry has neither a title nor a URL' },
      {
        kind: 'failed',
        source: `w.json${ARROW}entry 5`,
        reason: expect.stringMatching(/^the entry could not be read: .+/),
      },
    ]);
  });

  it('needs `"url"` before a colon, however spaced, and leaves a mark inside the text alone', () => {
    expect(looksLikeWallabag('[{"url" : "u", "domain_name": 1, "reading_time": 2}]')).toBe(true);
    expect(looksLikeWallabag('[{"url"\n\t: "u", "domain_name": 1, "reading_time": 2}]')).toBe(true);
    // Only a mark at the start is dropped: one inside a key leaves the key another.
    expect(looksLikeWallabag('[{"u\uFEFFrl": "u", "domain_name": 1, "reading_time": 2}]')).toBe(false);
  });

  it('keeps a byte order mark inside an entry, and says what is wrong with no text at all', () => {
    const [a] = read([{ ...ENTRY, description: 'A\uFEFFB' }]) as Article[];
    expect(JSON.parse(text(a!.original))).toMatchObject({ description: 'A\uFEFFB' });
    expect(readWallabag(input('w.json', new Uint8Array()), sniffed(null))).toEqual([
      { kind: 'failed', source: 'w.json', reason: 'not valid JSON: Unexpected end of JSON input' },
    ]);
  });

  it('is read through its importer, named wallabag', async () => {
    expect(wallabagImporter.name).toBe('wallabag');
    const raw = JSON.stringify([ENTRY]);
    expect(await wallabagImporter.read(input('w.json', new Uint8Array()), sniffed(raw))).toEqual(
      readWallabag(input('w.json', new Uint8Array()), sniffed(raw)),
    );
  });
});

describe('ArchiveBox snapshots', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.realpath(await tempDir('offprint-archivebox-'));
  });
  afterAll(async () => {
    await removeDir(root);
  });
  let folders = 0;

  const INDEX = {
    url: 'https://coast.example/sea-wall',
    timestamp: '1700000000.0',
    title: 'Sea wall vote',
    tags: 'coast, politics,coast',
    bookmarked_date: '2023-11-02 19:00',
    history: {},
  };
  const paragraph = (n: number) =>
    `<p>Paragraph ${n}: the town council voted seven to six on Wednesday night to raise the sea wall by one ` +
    'metre, after a long debate about who would pay for it and when the work would start.</p>';
  const page = (title: string, body = [1, 2, 3].map(paragraph).join('')) =>
    `<!doctype html><html><head><title>${title}</title><meta name="author" content="Page Author">` +
    `<meta name="keywords" content="harbour"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

  /** A snapshot folder holding `files`; returns the input for its index.json. */
  async function snapshot(
    files: Record<string, string | Buffer>,
    index: object = INDEX,
  ): Promise<ImportInput> {
    const dir = path.join(root, 'archive', `${1700000000 + ++folders}.0`);
    const all = { 'index.json': JSON.stringify(index), ...files };
    for (const [name, data] of Object.entries(all)) {
      await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await fs.writeFile(path.join(dir, name), data);
    }
    return input('index.json', Buffer.from(JSON.stringify(index)), { path: path.join(dir, 'index.json') });
  }
  const readSnapshot = async (input: ImportInput, index: object = INDEX) =>
    readArchiveBox(input, index as ArchiveBoxIndex);
  const snapshotName = (i: ImportInput) => path.basename(path.dirname(i.path!));

  it('reads singlefile.html first, with index.json over the page: url, title, tags first', async () => {
    const i = await snapshot({
      'singlefile.html': page('Page title'),
      'readability/content.html': '<p>Readability text.</p>',
      'output.html': page('Output'),
    });
    const [a] = (await readSnapshot(i)) as Article[];
    expect(a!.source).toBe(`${snapshotName(i)}${ARROW}singlefile.html`);
    expect(a!.originalName).toBe('singlefile.html');
    expect(text(a!.original)).toBe(page('Page title'));
    expect(a!.importer).toBe('archivebox');
    expect(a!.encoding).toBe('utf-8');
    expect(a!.resources).toEqual([]);
    expect(a!.article).toMatchObject({
      title: 'Sea wall vote',
      url: 'https://coast.example/sea-wall',
      author: 'Page Author',
      tags: ['coast', 'politics', 'harbour'],
      published: '2023-11-02T19:00:00Z',
    });
    expect(a!.article.text).toContain('Paragraph 3: the town council voted');
  });

  it('falls to the Readability fragment with its article.json, then the DOM dump, then Mercury', async () => {
    const meta = {
      title: 'Meta title',
      excerpt: 'An excerpt.',
      byline: 'Ana Costa',
      siteName: 'Rivers Weekly',
      publishedTime: '2021-05-06T07:08:09Z',
    };
    const noTitle = { ...INDEX, title: '', tags: ['nature', 5, 'Nature'] };
    const readability = await snapshot(
      {
        'readability/content.html': '<p>Eels leave the river.</p><p>Few come back.</p>',
        'readability/article.json': JSON.stringify(meta),
        'output.html': page('Output'),
      },
      noTitle,
    );
    const [r] = (await readSnapshot(readability, noTitle)) as Article[];
    expect(r!.source).toBe(`${snapshotName(readability)}${ARROW}readability/content.html`);
    expect(r!.originalName).toBe('content.html');
    expect(r!.article).toEqual({
      title: 'Meta title',
      subtitle: 'An excerpt.',
      author: 'Ana Costa',
      site: 'Rivers Weekly',
      url: 'https://coast.example/sea-wall',
      published: '2021-05-06T07:08:09Z',
      category: null,
      tags: ['nature'],
      text: 'Eels leave the river.\n\nFew come back.',
      html: '<p>Eels leave the river.</p><p>Few come back.</p>',
      previousTitle: null,
      nextTitle: null,
      linkOnly: false,
    });
    const dump = await snapshot({ 'readability/content.html': '  ', 'output.html': page('Output') });
    expect(((await readSnapshot(dump)) as Article[])[0]!.source).toBe(
      `${snapshotName(dump)}${ARROW}output.html`,
    );
    const mercury = await snapshot(
      {
        'mercury/content.html': '<p>Mercury text.</p>',
        'mercury/article.json': JSON.stringify({
          author: 'M. Author',
          domain: 'm.example',
          date_published: '2020-01-02',
        }),
      },
      { ...INDEX, title: null },
    );
    const [m] = (await readSnapshot(mercury, { ...INDEX, title: null })) as Article[];
    expect(m!.source).toBe(`${snapshotName(mercury)}${ARROW}mercury/content.html`);
    expect(m!.article).toMatchObject({
      title: 'https://coast.example/sea-wall',
      subtitle: null,
      author: 'M. Author',
      site: 'm.example',
      published: '2020-01-02T00:00:00Z',
    });
  });

  it('gives a fragment the bookmarked date, else the timestamp, and a title from the snapshot name last', async () => {
    const noDates = { url: 'ftp://x', timestamp: '1700000000', history: {}, sources: [] };
    const i = await snapshot(
      { 'readability/content.html': '<p>Text.</p>', 'readability/article.json': '[1]' },
      noDates,
    );
    const [a] = (await readSnapshot(i, noDates)) as Article[];
    expect(a!.article).toMatchObject({
      title: snapshotName(i),
      url: null,
      published: '2023-11-14T22:13:20Z',
      author: null,
      site: null,
      tags: [],
    });
    const bad = { ...noDates, timestamp: 'soon' };
    const j = await snapshot(
      { 'readability/content.html': '<p>Text.</p>', 'readability/article.json': '{' },
      bad,
    );
    expect(((await readSnapshot(j, bad)) as Article[])[0]!.article.published).toBeNull();
  });

  it('reads the wget copy named by the index, only inside the folder', async () => {
    const wget = { ...INDEX, canonical: { wget_path: 'coast.example/sea-wall/index.html' } };
    const i = await snapshot({ 'coast.example/sea-wall/index.html': page('Wget copy') }, wget);
    expect(((await readSnapshot(i, wget)) as Article[])[0]!.source).toBe(
      `${snapshotName(i)}${ARROW}coast.example/sea-wall/index.html`,
    );
    const latest = { ...INDEX, latest: { wget: 'copy.html' } };
    const j = await snapshot({ 'copy.html': page('Latest copy') }, latest);
    expect(((await readSnapshot(j, latest)) as Article[])[0]!.originalName).toBe('copy.html');
    await fs.writeFile(path.join(root, 'outside.html'), page('Outside'));
    for (const wgetPath of [
      '../../outside.html',
      path.join(root, 'outside.html'),
      'https://coast.example/x',
      '.',
    ]) {
      const escaping = { ...INDEX, canonical: { wget_path: wgetPath } };
      // An address is never read as a path, even when the folder holds a file by that name.
      const k = await snapshot({ 'https:/coast.example/x': page('A file named like an address') }, escaping);
      const [a] = (await readSnapshot(k, escaping)) as Article[];
      expect(a!.source, wgetPath).toBe(`${snapshotName(k)}${ARROW}index.json`);
    }
  });

  it('skips an empty output, and a link out of the folder', async () => {
    await fs.writeFile(path.join(root, 'elsewhere.html'), page('Elsewhere'));
    const i = await snapshot({ 'singlefile.html': '', 'output.html': page('Output') });
    expect(((await readSnapshot(i)) as Article[])[0]!.source).toBe(`${snapshotName(i)}${ARROW}output.html`);
    const j = await snapshot({ 'output.html': page('Output') });
    await fs.symlink(path.join(root, 'elsewhere.html'), path.join(path.dirname(j.path!), 'singlefile.html'));
    expect(((await readSnapshot(j)) as Article[])[0]!.source).toBe(`${snapshotName(j)}${ARROW}output.html`);
  });

  it("keeps the page's images from its folder, and drops references to those missing", async () => {
    const png = await fs.readFile(
      path.join(REPO, 'tests', 'fixtures', 'formats', 'saved-pages', 'Harbour_files', 'wall.png'),
    );
    const body = `${paragraph(1)}<p><img src="wall.png" alt="wall"></p>${paragraph(2)}<p><img src="gone.png" alt="gone"></p>${paragraph(3)}`;
    const i = await snapshot({ 'singlefile.html': page('With images', body), 'wall.png': png });
    const [a] = (await readSnapshot(i)) as Article[];
    expect(a!.resources.map((r) => r.name)).toEqual(['wall.png']);
    expect(Buffer.from(a!.resources[0]!.bytes).equals(png)).toBe(true);
    expect(a!.article.html).toContain('resource:wall.png');
    expect(a!.article.html).not.toContain('resource:gone.png');
  });

  it('is a link-only article without a readable output, or without its folder', async () => {
    const i = await snapshot({ 'singlefile.html': '<html><body></body></html>' });
    const [a] = (await readSnapshot(i)) as Article[];
    expect({ ...a, original: text(a!.original) }).toEqual({
      kind: 'article',
      source: `${snapshotName(i)}${ARROW}index.json`,
      original: JSON.stringify(INDEX),
      originalName: 'index.json',
      encoding: 'utf-8',
      importer: 'archivebox',
      resources: [],
      article: {
        title: 'Sea wall vote',
        subtitle: null,
        author: null,
        site: null,
        url: 'https://coast.example/sea-wall',
        published: null,
        category: null,
        tags: ['coast', 'politics'],
        text: '',
        html: null,
        previousTitle: null,
        nextTitle: null,
        linkOnly: true,
      },
    });
    // Inside a zip there is no folder: the input's own name stands for the snapshot.
    const bare = input('a.zip › 1700000000.0/index.json', Buffer.from('{}'));
    const [b] = (await readSnapshot(bare, { ...INDEX, title: undefined })) as Article[];
    expect(b!.source).toBe(`a.zip › 1700000000.0/index.json${ARROW}index.json`);
    expect(b!.article.title).toBe('https://coast.example/sea-wall');
    expect(await readSnapshot(bare, { ...INDEX, title: undefined, url: 'javascript:x' })).toEqual([
      { kind: 'failed', source: bare.name, reason: 'the snapshot has no readable output, title or URL' },
    ]);
  });

  it('is taken by the importer from a JSON index only', async () => {
    const json = JSON.stringify(INDEX);
    const i = input('index.json', Buffer.from(json));
    expect(archiveBoxImporter.accepts(i, sniffed(json))).toBe(true);
    expect(archiveBoxImporter.accepts(i, sniffed(json, { extension: 'txt' }))).toBe(false);
    expect(archiveBoxImporter.accepts(i, sniffed(null))).toBe(false);
    expect(archiveBoxImporter.accepts(i, sniffed('{"timestamp": 1}'))).toBe(false);
    expect(((await all(archiveBoxImporter.read(i, sniffed(json)))) as Article[])[0]!.article.title).toBe(
      'Sea wall vote',
    );
    expect(await all(archiveBoxImporter.read(i, sniffed(null)))).toEqual([
      { kind: 'failed', source: 'index.json', reason: 'not an ArchiveBox snapshot index' },
    ]);
  });

  it('reads the DOM dump and the wget copy as whole pages, with what the page declares', async () => {
    const dump = await snapshot({ 'output.html': page('Output') });
    const [d] = (await readSnapshot(dump)) as Article[];
    expect(d).toMatchObject({ kind: 'article', importer: 'archivebox', originalName: 'output.html' });
    expect(d!.article).toMatchObject({ author: 'Page Author', tags: ['coast', 'politics', 'harbour'] });
    // Wikipedia's talk pages and the like: a colon inside a path is no address.
    const wget = { ...INDEX, canonical: { wget_path: 'wiki.example/wiki/Talk:Sea_wall.html' } };
    const w = await snapshot({ 'wiki.example/wiki/Talk:Sea_wall.html': page('Talk') }, wget);
    const [a] = (await readSnapshot(w, wget)) as Article[];
    expect(a!.source).toBe(`${snapshotName(w)}${ARROW}wiki.example/wiki/Talk:Sea_wall.html`);
    expect(a!.article).toMatchObject({ author: 'Page Author', tags: ['coast', 'politics', 'harbour'] });
  });

  it("reads a fragment's article.json of up to 4 MiB, as an object only, and gives it no resources", async () => {
    const meta = (size: number) => {
      const json = JSON.stringify({ byline: 'Ana Costa', pad: '' });
      return `${json.slice(0, -2)}${' '.repeat(size - json.length)}"}`;
    };
    expect(Buffer.byteLength(meta(4 * 1024 * 1024))).toBe(4 * 1024 * 1024);
    const authorWith = async (articleJson: string) => {
      const i = await snapshot({
        'readability/content.html': '<p>Eels leave the river.</p>',
        'readability/article.json': articleJson,
      });
      const [a] = (await readSnapshot(i)) as Article[];
      expect(a!.resources).toEqual([]);
      expect(a!.source).toBe(`${snapshotName(i)}${ARROW}readability/content.html`);
      return a!.article.author;
    };
    expect(await authorWith(meta(4 * 1024 * 1024))).toBe('Ana Costa');
    expect(await authorWith(meta(4 * 1024 * 1024 + 1))).toBeNull();
    expect(await authorWith('null')).toBeNull();
    expect(await authorWith('"Ana Costa"')).toBeNull();
  });

  it("takes the page's own address when the index has no web address", async () => {
    const ftp = { ...INDEX, url: 'ftp://coast.example/sea-wall' };
    const body = [1, 2, 3].map(paragraph).join('');
    const html = `<!doctype html><html><head><title>T</title><link rel="canonical" href="https://coast.example/canonical"></head><body><article>${body}</article></body></html>`;
    const i = await snapshot({ 'singlefile.html': html }, ftp);
    const [a] = (await readSnapshot(i, ftp)) as Article[];
    expect(a!.article.url).toBe('https://coast.example/canonical');
  });

  it('drops the references of images whose whole bytes are not the type their first bytes said', async () => {
    const png = await fs.readFile(
      path.join(REPO, 'tests', 'fixtures', 'formats', 'saved-pages', 'Harbour_files', 'wall.png'),
    );
    // Its first 64 bytes, all the check before extraction reads, are a BMP's; its first 256 name it AVIF.
    const odd = Buffer.alloc(300);
    odd.write('BM', 0, 'latin1');
    odd.write('ftyp', 4, 'latin1');
    odd.writeUInt32LE(40, 14);
    odd.write('avif', 100, 'latin1');
    const body =
      `${paragraph(1)}<p><img src="wall.png" alt="wall"></p>${paragraph(2)}<p><img src="copy.png" alt="copy">` +
      `</p><p><img src="odd.bmp" alt="odd"></p>${paragraph(3)}`;
    const i = await snapshot({
      'singlefile.html': page('Odd image', body),
      'wall.png': png,
      'copy.png': png,
      'odd.bmp': odd,
    });
    const [a] = (await readSnapshot(i)) as Article[];
    expect(a!.resources.map((r) => r.name)).toEqual(['wall.png', 'copy.png']);
    expect(a!.article.html).toContain('<img src="resource:wall.png" alt="wall">');
    expect(a!.article.html).toContain('<img src="resource:copy.png" alt="copy">');
    expect(a!.article.html).toContain('<img src="" alt="odd">');
    // Alone on its page, it goes the same way.
    const j = await snapshot({
      'singlefile.html': page(
        'Odd alone',
        `${paragraph(1)}<p><img src="odd.bmp" alt="odd"></p>${paragraph(2)}`,
      ),
      'odd.bmp': odd,
    });
    const [b] = (await readSnapshot(j)) as Article[];
    expect(b!.resources).toEqual([]);
    expect(b!.article.html).toContain('<img src="" alt="odd">');
  });

  it('is named archivebox', () => {
    expect(archiveBoxImporter.name).toBe('archivebox');
  });
});
