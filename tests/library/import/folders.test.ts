import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { savedPageFolders, walkInputs, type WalkItem } from '../../../main/library/import/walk-inputs';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { FORMATS, cli, importFile, only } from './helpers';

const DATA = path.join(FORMATS, 'archivebox', 'data');
const SAVED = path.join(FORMATS, 'saved-pages');

async function walk(...paths: string[]): Promise<WalkItem[]> {
  const out: WalkItem[] = [];
  for await (const item of walkInputs(paths, false)) out.push(item);
  return out;
}

function rel(items: WalkItem[], root: string): string[] {
  return items.map((i) =>
    i.kind === 'file' ? `${path.relative(root, i.path)} as ${i.name}` : `failed ${i.source}`,
  );
}

describe('ArchiveBox archives', () => {
  it('walks a data folder as one input per snapshot, skipping its config, index database, logs and sources', async () => {
    expect(rel(await walk(DATA), DATA)).toEqual([
      'archive/1700000000.0/index.json as 1700000000.0/index.json',
      'archive/1700000100.5/index.json as 1700000100.5/index.json',
      'archive/1700000200.25/index.json as 1700000200.25/index.json',
    ]);
    // A snapshot folder given directly is one input too.
    const snapshot = path.join(DATA, 'archive', '1700000000.0');
    expect(rel(await walk(snapshot), snapshot)).toEqual(['index.json as 1700000000.0/index.json']);
  });

  it('prefers singlefile.html and puts index.json metadata over the page', async () => {
    const a = only(await importFile(path.join(DATA, 'archive', '1700000000.0', 'index.json')));
    expect(a.importer).toBe('archivebox');
    expect(a.source).toBe('1700000000.0 › singlefile.html');
    expect(a.originalName).toBe('singlefile.html');
    expect(Buffer.from(a.original).toString()).toContain('<title>Sea wall vote | Coast News</title>');
    expect(a.article).toMatchObject({
      title: 'Town votes to raise the sea wall', // index.json's title over the page's og:title
      url: 'https://coast.example/2023/wall-vote?utm_source=feed', // the URL ArchiveBox saved
      author: 'Priya Natarajan',
      published: '2023-11-01T12:30:00Z', // the page's own date; the bookmarked date is only a fallback
      tags: ['coast', 'local politics', 'Flooding'],
      linkOnly: false,
    });
    expect(a.article.text).toContain('The town council voted seven to six on Wednesday night');
    expect(a.article.text).not.toContain('READABILITY COPY');
  });

  it('falls back to the Readability output with its article.json, and to a link-only entry', async () => {
    const eels = only(await importFile(path.join(DATA, 'archive', '1700000100.5', 'index.json')));
    expect(eels.source).toBe('1700000100.5 › readability/content.html');
    expect(eels.article).toMatchObject({
      title: 'The long way home of the European eel', // index.json has an empty title
      author: 'Ana Costa',
      site: 'Rivers Weekly',
      subtitle: 'Eels and the Sargasso Sea.',
      url: 'https://rivers.example/eels',
      published: '2023-11-14T22:15:00Z', // no date anywhere else: the bookmarked date
      tags: ['nature'],
      text: 'Every autumn, eels leave the river for the Sargasso Sea, five thousand kilometres away.\n\nFew are seen again; their young drift back on the current.',
    });
    const podcast = only(await importFile(path.join(DATA, 'archive', '1700000200.25', 'index.json')));
    expect(podcast.source).toBe('1700000200.25 › index.json');
    expect(podcast.article).toMatchObject({
      title: 'Podcast: tides explained',
      url: 'https://audio.example/tides',
      tags: [],
      text: '',
      linkOnly: true,
      published: null,
    });
  });

  it('round-trips a whole data folder through the CLI: one article per snapshot, nothing else', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    try {
      const imported = cli('import', '--library', lib, '--json', DATA);
      expect(imported.status, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout) as {
        imported: Array<{ id: string; title: string; source: string }>;
        failed: unknown[];
      };
      expect(report.failed).toEqual([]);
      expect(report.imported.map((i) => i.title).sort()).toEqual([
        'Podcast: tides explained',
        'The long way home of the European eel',
        'Town votes to raise the sea wall',
      ]);
      const wall = report.imported.find((i) => i.title === 'Town votes to raise the sea wall')!;
      const view = JSON.parse(cli('show', '--library', lib, '--json', wall.id).stdout) as Record<
        string,
        unknown
      >;
      expect(view).toMatchObject({
        url: 'https://coast.example/2023/wall-vote?utm_source=feed',
        author: 'Priya Natarajan',
        // The imported folder's name is a tag as for any folder; `archive` and the timestamp are not.
        tags: ['coast', 'local politics', 'Flooding', 'data'],
      });
    } finally {
      await removeDir(dir);
    }
  });
});

describe('browser "complete page" saves in a folder', () => {
  it('does not walk NAME_files / NAME-files beside NAME.html, but does walk one without a page', async () => {
    expect([
      ...savedPageFolders(['a.html', 'a_files', 'B.HTM', 'b-files', 'c_files', 'd.md', 'd_files']),
    ]).toEqual(['a_files', 'b-files']);
    expect(rel(await walk(SAVED), SAVED)).toEqual([
      'Harbour.html as Harbour.html',
      'leftover_files/note.md as note.md',
      'Notes.htm as Notes.htm',
    ]);
  });

  it('imports the folder with the page images as resources and no failures for the _files folders', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    try {
      const imported = cli('import', '--library', lib, '--json', SAVED);
      expect(imported.status, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout) as {
        imported: Array<{ id: string; title: string }>;
        failed: unknown[];
      };
      expect(report.failed).toEqual([]);
      expect(report.imported.map((i) => i.title).sort()).toEqual([
        'Field notes',
        'Harbour wall holds',
        'Leftover',
      ]);
      const harbour = report.imported.find((i) => i.title === 'Harbour wall holds')!;
      const folder = path.join(lib, 'articles', harbour.id.slice(0, 2), harbour.id);
      const stored = JSON.parse(await fs.readFile(path.join(folder, 'article.json'), 'utf8')) as {
        resources: string[];
      };
      expect(stored.resources).toEqual(['wall.png']);
      const png = await fs.readFile(path.join(folder, 'resources', 'wall.png'));
      expect(png.equals(await fs.readFile(path.join(SAVED, 'Harbour_files', 'wall.png')))).toBe(true);
    } finally {
      await removeDir(dir);
    }
  });
});
