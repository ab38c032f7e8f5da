import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZIP_LIMITS, unsafeEntryName } from '../../../main/library/import/zip-entries';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { FORMATS, articles, cli, importBytes } from './helpers';
import { makeZip } from './zip-writer';

const PAGE = (title: string, body: string): string =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:title" content="${title}"></head><body><article><h1>${title}</h1>${`<p>${body}</p>`.repeat(3)}</article></body></html>`;

describe('zip archives', () => {
  it('imports each entry by its type, through nested folders and nested zips', async () => {
    const inner = makeZip([
      { name: 'deep/note.md', data: '---\ntitle: Inner note\n---\nA note inside a zip inside a zip.' },
    ]);
    const zip = makeZip([
      { name: 'pages/', data: '', deflate: false },
      {
        name: 'pages/2024/tides.html',
        data: PAGE('Tides rise', 'The tide rose higher than ever recorded at the harbour wall this week.'),
      },
      {
        name: 'notes/clip.md',
        data: '---\ntitle: A clipped note\ntags: [zip]\n---\nBody of the clipped note.',
      },
      { name: 'readme.txt', data: 'Archive readme\n\nThis archive holds a few saved articles for testing.' },
      { name: 'inner.zip', data: inner, deflate: false },
      { name: '__MACOSX/pages/._tides.html', data: 'junk' },
      { name: 'photo.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    ]);
    const outcomes = await importBytes('export.zip', zip);
    const list = articles(outcomes);
    expect(list.map((a) => [a.source, a.importer, a.article.title])).toEqual([
      ['export.zip › pages/2024/tides.html', 'html', 'Tides rise'],
      ['export.zip › notes/clip.md', 'markdown', 'A clipped note'],
      ['export.zip › readme.txt', 'plain-text', 'Archive readme'],
      ['export.zip › inner.zip › deep/note.md', 'markdown', 'Inner note'],
    ]);
    expect(list[1]!.article.tags).toEqual(['zip']);
    expect(Buffer.from(list[1]!.original).toString()).toContain('title: A clipped note'); // the entry's own bytes
    expect(list[0]!.article.text).toContain('The tide rose higher than ever recorded');
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([
      { kind: 'failed', source: 'export.zip › photo.png', reason: 'not supported: looks like a PNG image' },
    ]);
  });

  it('refuses unsafe names per entry and keeps reading the archive', async () => {
    const zip = makeZip([
      { name: '../evil.md', data: '# Evil\n\nshould not import' },
      { name: '/etc/passwd.md', data: '# Abs\n\nshould not import' },
      { name: 'ok/../../up.md', data: '# Up\n\nshould not import' },
      { name: 'good.md', data: '# Good note\n\nImported after the bad ones.' },
    ]);
    const outcomes = await importBytes('bad-names.zip', zip);
    expect(articles(outcomes).map((a) => a.article.title)).toEqual(['Good note']);
    const failed = outcomes.filter((o) => o.kind === 'failed');
    expect(failed.map((f) => f.source)).toEqual([
      'bad-names.zip › ../evil.md',
      'bad-names.zip › /etc/passwd.md',
      'bad-names.zip › ok/../../up.md',
    ]);
    expect(failed.every((f) => f.kind === 'failed' && f.reason.startsWith('entry refused:'))).toBe(true);
    expect(unsafeEntryName('C:\\windows\\x')).toBe('its name is an absolute path');
    expect(unsafeEntryName('a/b..c/d')).toBeNull();
  });

  it('refuses an entry compressed more than 100:1 (a zip bomb)', async () => {
    const bomb = '\n'.repeat(ZIP_LIMITS.ratioFloorBytes * 3);
    const zip = makeZip([
      { name: 'bomb.txt', data: bomb },
      { name: 'fine.md', data: '# Fine\n\nStill imported.' },
    ]);
    const outcomes = await importBytes('bomb.zip', zip);
    expect(outcomes[0]).toMatchObject({ kind: 'failed', source: 'bomb.zip › bomb.txt' });
    expect(outcomes[0]!.kind === 'failed' && outcomes[0]!.reason).toMatch(
      /compressed \d+:1, more than the limit of 100:1/,
    );
    expect(articles(outcomes).map((a) => a.article.title)).toEqual(['Fine']);
  });

  it('explains an empty or damaged archive', async () => {
    expect(await importBytes('empty.zip', makeZip([]))).toEqual([
      { kind: 'failed', source: 'empty.zip', reason: 'the archive holds no files' },
    ]);
    const damaged = makeZip([{ name: 'a.md', data: '# A\n\ntext' }]).subarray(0, 40);
    const [outcome] = await importBytes('damaged.zip', damaged);
    expect(outcome).toMatchObject({ kind: 'failed', source: 'damaged.zip' });
    expect(outcome!.kind === 'failed' && outcome!.reason).toMatch(/^not a readable zip archive/);
  });

  it('skips a folder named with a trailing backslash, and refuses a name starting with one', async () => {
    expect(await importBytes('a.zip', makeZip([{ name: 'folder\\', data: '' }]))).toEqual([
      { kind: 'failed', source: 'a.zip', reason: 'the archive holds no files' },
    ]);
    expect(await importBytes('b.zip', makeZip([{ name: '\\evil.txt', data: 'evil' }]))).toEqual([
      {
        kind: 'failed',
        source: 'b.zip › \\evil.txt',
        reason: 'entry refused: its name is an absolute path',
      },
    ]);
  });

  it('round-trips through the CLI with the entry shown as its source', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    try {
      const file = path.join(dir, 'clips.zip');
      await fs.writeFile(
        file,
        makeZip([
          {
            name: 'folder/harbour.html',
            data: await fs.readFile(path.join(FORMATS, 'html', 'saved-page.html')),
          },
        ]),
      );
      const imported = cli('import', '--library', lib, '--json', file);
      expect(imported.status, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout) as { imported: Array<{ id: string; source: string }> };
      expect(report.imported.map((i) => i.source)).toEqual(['clips.zip › folder/harbour.html']);
      const view = JSON.parse(
        cli('show', '--library', lib, '--json', report.imported[0]!.id).stdout,
      ) as Record<string, unknown>;
      expect(view).toMatchObject({
        title: 'Tide gauges record a new high',
        author: 'Mara Lindqvist, Otto Berg',
      });
    } finally {
      await removeDir(dir);
    }
  });
});
