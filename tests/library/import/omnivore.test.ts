import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeOmnivore } from '../../../main/library/import/formats/omnivore';
import { zipEntryNames } from '../../../main/library/import/zip-directory';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { articles, cli, importBytes } from './helpers';
import { makeZip, type ZipEntrySpec } from './zip-writer';

const METADATA = [
  {
    id: '5b1f-aaaa',
    slug: 'sea-wall-vote-18c2f1',
    title: 'Town votes to raise the sea wall',
    author: 'Priya Natarajan',
    description: 'A narrow vote after a long night of debate.',
    url: 'https://coastnews.example/2023/sea-wall-vote',
    state: 'Archived',
    labels: ['Coast', 'local politics'],
    savedAt: '2023-11-02T19:00:00.000Z',
    updatedAt: '2023-11-03T08:00:00.000Z',
    publishedAt: '2023-11-01T12:30:00.000Z',
  },
  {
    id: '5b1f-bbbb',
    slug: 'eel-migration-92ab00',
    title: 'The long way home of the European eel',
    author: null,
    url: 'https://nature.example/eels',
    labels: [{ name: 'Nature', color: '#00ff00' }],
    savedAt: '2024-01-10T10:00:00.000Z',
    publishedAt: null,
  },
  {
    id: '5b1f-cccc',
    slug: 'podcast-tides-77aa11',
    title: 'Podcast: tides explained',
    url: 'https://audio.example/tides',
    labels: [],
    savedAt: '2024-02-01T10:00:00.000Z',
  },
];

const SEA_WALL = `<div class="page" id="readability-page-1"><div>
<p>The town council voted seven to six on Wednesday night to raise the sea wall by one metre.</p>
<p>Opponents said the cost, estimated at 4.2 million, would fall on a few streets near the harbour.</p>
</div></div>`;

const EELS = `<div class="page"><p>Every autumn, eels leave the river for the Sargasso Sea, 5,000 kilometres away.</p>
<ul><li>Glass eels arrive in spring</li><li>Silver eels leave in autumn</li></ul></div>`;

const HIGHLIGHTS = `> The town council voted seven to six on Wednesday night [⤴️](https://omnivore.app/me/sea-wall-vote-18c2f1#a1)

Close vote: check the minutes.

> would fall on a few streets near the harbour [⤴️](https://omnivore.app/me/sea-wall-vote-18c2f1#a2)
`;

function exportZip(prefix = ''): Buffer {
  const entries: ZipEntrySpec[] = [
    { name: `${prefix}metadata_0_to_3.json`, data: JSON.stringify(METADATA, null, 2) },
    { name: `${prefix}content/sea-wall-vote-18c2f1.html`, data: SEA_WALL },
    { name: `${prefix}content/eel-migration-92ab00.html`, data: EELS },
    {
      name: `${prefix}content/orphan-page.html`,
      data: '<!doctype html><html><head><title>Orphan page</title></head><body><article><h1>Orphan page</h1><p>A page that no metadata entry names, still imported as a page.</p></article></body></html>',
    },
    { name: `${prefix}highlights/sea-wall-vote-18c2f1.md`, data: HIGHLIGHTS },
  ];
  return makeZip(entries);
}

describe('Omnivore export zips', () => {
  it('makes one article per metadata entry with its content, labels and highlights', async () => {
    const outcomes = await importBytes('omnivore-export.zip', exportZip());
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([]);
    const list = articles(outcomes);
    expect(list.map((a) => [a.source, a.importer, a.article.linkOnly])).toEqual([
      ['omnivore-export.zip › Town votes to raise the sea wall', 'omnivore', false],
      ['omnivore-export.zip › The long way home of the European eel', 'omnivore', false],
      ['omnivore-export.zip › Podcast: tides explained', 'omnivore', true],
      ['omnivore-export.zip › content/orphan-page.html', 'html', false],
    ]);
    const [wall, eels, podcast, orphan] = list.map((a) => a.article);
    expect(wall).toMatchObject({
      title: 'Town votes to raise the sea wall',
      subtitle: 'A narrow vote after a long night of debate.',
      author: 'Priya Natarajan',
      url: 'https://coastnews.example/2023/sea-wall-vote',
      published: '2023-11-01T12:30:00Z', // publishedAt, not savedAt
      tags: ['Coast', 'local politics'],
    });
    expect(wall!.text).toBe(
      [
        'The town council voted seven to six on Wednesday night to raise the sea wall by one metre.',
        'Opponents said the cost, estimated at 4.2 million, would fall on a few streets near the harbour.',
        'Highlights',
        'The town council voted seven to six on Wednesday night',
        'Close vote: check the minutes.',
        'would fall on a few streets near the harbour',
      ].join('\n\n'),
    );
    expect(wall!.html).toContain('<h2>Highlights</h2><blockquote>');
    expect(wall!.html).not.toContain('omnivore.app');
    expect(eels).toMatchObject({ tags: ['Nature'], published: null, author: null });
    expect(eels!.text).toBe(
      [
        'Every autumn, eels leave the river for the Sargasso Sea, 5,000 kilometres away.',
        'Glass eels arrive in spring',
        'Silver eels leave in autumn',
      ].join('\n\n'),
    );
    expect(podcast).toMatchObject({
      text: '',
      html: null,
      linkOnly: true,
      url: 'https://audio.example/tides',
    });
    expect(orphan!.title).toBe('Orphan page');
    // The original bundles the entry's metadata, content and highlights as exported.
    const bundle = JSON.parse(Buffer.from(list[0]!.original).toString()) as Record<string, unknown>;
    expect(bundle).toEqual({
      format: 'omnivore-export-entry',
      metadata: METADATA[0],
      content: SEA_WALL,
      highlights: HIGHLIGHTS,
    });
    expect(list[0]!.originalName).toBe('sea-wall-vote-18c2f1.omnivore.json');
  });

  it('finds the layout under a top folder and leaves other zips to the zip importer', async () => {
    const nested = exportZip('omnivore-2024-02-03/');
    expect(zipEntryNames(nested)).toContain('omnivore-2024-02-03/metadata_0_to_3.json');
    expect(looksLikeOmnivore(nested)).toBe(true);
    const list = articles(await importBytes('nested.zip', nested));
    expect(list.map((a) => a.importer)).toEqual(['omnivore', 'omnivore', 'omnivore', 'html']);
    const plain = makeZip([
      { name: 'metadata_notes.json', data: '[]' },
      { name: 'notes/a.md', data: '# A note\n\nNot an Omnivore export.' },
    ]);
    expect(looksLikeOmnivore(plain)).toBe(false); // no content/*.html
    expect(articles(await importBytes('notes.zip', plain)).map((a) => a.source)).toEqual([
      'notes.zip › notes/a.md',
    ]);
    expect(zipEntryNames(Buffer.from('not a zip at all, just text'))).toBeNull();
  });

  it('round-trips through the CLI', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    try {
      const file = path.join(dir, 'omnivore-export.zip');
      await fs.writeFile(file, exportZip());
      const imported = cli('import', '--library', lib, '--json', file);
      expect(imported.status, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout) as { imported: Array<{ id: string; source: string }> };
      expect(report.imported.map((i) => i.source).sort()).toEqual([
        'omnivore-export.zip › Podcast: tides explained',
        'omnivore-export.zip › The long way home of the European eel',
        'omnivore-export.zip › Town votes to raise the sea wall',
        'omnivore-export.zip › content/orphan-page.html',
      ]);
      const wall = report.imported.find((i) => i.source.endsWith('sea wall'))!;
      const view = JSON.parse(cli('show', '--library', lib, '--json', wall.id).stdout) as Record<
        string,
        unknown
      >;
      expect(view).toMatchObject({
        title: 'Town votes to raise the sea wall',
        author: 'Priya Natarajan',
        published: '2023-11-01T12:30:00Z',
        tags: ['Coast', 'local politics'],
      });
      expect(view.text).toContain('Highlights\n\nThe town council voted seven to six');
    } finally {
      await removeDir(dir);
    }
  });
});
