import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeWallabag } from '../../../main/library/import/formats/wallabag';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { FORMATS, articles, cli, importBytes, importFile } from './helpers';

const FIXTURE = path.join(FORMATS, 'wallabag', 'wallabag-export.json');

describe('Wallabag JSON exports', () => {
  it('imports every entry with its metadata, tags and content', async () => {
    const outcomes = await importFile(FIXTURE);
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([]);
    const list = articles(outcomes);
    expect(list.map((a) => [a.source, a.importer, a.article.linkOnly])).toEqual([
      ['wallabag-export.json › Why the sea is rising faster in the south', 'wallabag', false],
      ['wallabag-export.json › The river that ran backwards', 'wallabag', false],
      ['wallabag-export.json › Podcast: the salt marsh episode', 'wallabag', true],
      ['wallabag-export.json › Paywalled: dredging the estuary', 'wallabag', true],
      ['wallabag-export.json › https://blog.example/notes/untitled-post', 'wallabag', false],
    ]);
    const [sea, river, podcast, paywalled, untitled] = list.map((a) => a.article);
    expect(sea).toMatchObject({
      title: 'Why the sea is rising faster in the south',
      author: 'Amara Okafor, Lukas Brandt',
      site: 'science.example',
      url: 'https://science.example/2023/sea-level-south',
      published: '2023-09-12T06:00:00Z',
      tags: ['oceans', 'climate'],
    });
    expect(sea!.text).toBe(
      [
        'Sea levels along the southern coast are rising twice as fast as the global average, a new study finds.',
        'The authors point to a weakening current that used to carry warm water away from the shelf.',
        'Tide gauges: 14 stations',
        'Satellite record: 30 years',
        'What comes next',
        'Planners have been told to expect “at least” 40 cm by 2060.',
      ].join('\n\n'),
    );
    expect(sea!.html).toContain('<h2>What comes next</h2>');
    // Tag objects give their label; no published_at means no date (created_at is the save time).
    expect(river).toMatchObject({
      title: 'The river that ran backwards',
      tags: ['long read', 'rivers'],
      published: null,
      author: null,
    });
    expect(river!.text).toContain('Farmers déscribed fields that flooded from the wrong side.');
    expect(podcast).toMatchObject({ text: '', html: null, linkOnly: true, tags: ['to read'] });
    expect(paywalled).toMatchObject({
      text: '',
      html: null,
      linkOnly: true,
      url: 'https://paper.example/dredging',
    });
    expect(untitled).toMatchObject({ title: 'https://blog.example/notes/untitled-post', linkOnly: false });
    // Each original is that entry alone, so each gets its own id.
    const original = JSON.parse(Buffer.from(list[2]!.original).toString()) as { id: number };
    expect(original.id).toBe(420);
    expect(list[2]!.originalName).toBe('wallabag-420.json');
    expect(new Set(list.map((a) => Buffer.from(a.original).toString())).size).toBe(5);
  });

  it('recognises an export by content and leaves other JSON alone', async () => {
    const text = await fs.readFile(FIXTURE, 'utf8');
    expect(looksLikeWallabag(text)).toBe(true);
    expect(looksLikeWallabag('[{"url": "https://a.example", "title": "x"}]')).toBe(false);
    expect(looksLikeWallabag('{"url": "https://a.example", "domain_name": "a", "reading_time": 1}')).toBe(
      false,
    );
    const renamed = await importBytes('backup-2024.txt', text);
    expect(articles(renamed).map((a) => a.importer)).toEqual(Array(5).fill('wallabag'));
    const broken = await importBytes(
      'broken.json',
      '[{"url": "https://a.example", "domain_name": "a", "reading_time": 1, "content": "<p>x</p>"',
    );
    expect(broken).toEqual([
      { kind: 'failed', source: 'broken.json', reason: expect.stringMatching(/^not valid JSON: /) },
    ]);
  });

  it('round-trips through the CLI', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    try {
      const imported = cli('import', '--library', lib, '--json', FIXTURE);
      expect(imported.status, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout) as {
        imported: Array<{ id: string; source: string }>;
        failed: unknown[];
      };
      expect(report.failed).toEqual([]);
      expect(report.imported).toHaveLength(5);
      const sea = report.imported.find((i) => i.source.endsWith('south'))!;
      const view = JSON.parse(cli('show', '--library', lib, '--json', sea.id).stdout) as Record<
        string,
        unknown
      >;
      expect(view).toMatchObject({
        title: 'Why the sea is rising faster in the south',
        author: 'Amara Okafor, Lukas Brandt',
        published: '2023-09-12T06:00:00Z',
        tags: ['oceans', 'climate'],
      });
      const podcast = report.imported.find((i) => i.source.endsWith('salt marsh episode'))!;
      const stored = JSON.parse(
        await fs.readFile(
          path.join(lib, 'articles', podcast.id.slice(0, 2), podcast.id, 'article.json'),
          'utf8',
        ),
      ) as Record<string, unknown>;
      expect(stored).toMatchObject({ linkOnly: true, text: '', url: 'https://audio.example/salt-marsh' });
    } finally {
      await removeDir(dir);
    }
  });
});
