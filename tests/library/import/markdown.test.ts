import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../main/library/import/front-matter';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { FORMATS, cli, importBytes, importFile, only } from './helpers';

const MD = path.join(FORMATS, 'markdown');

describe('Markdown with YAML front matter', () => {
  it('reads an Obsidian Web Clipper note with CRLF, wikilink authors and tag lists', async () => {
    const a = only(await importFile(path.join(MD, 'obsidian-clip.md')));
    expect(a.importer).toBe('markdown');
    expect(a.article).toMatchObject({
      title: 'Reading rooms reopen after the flood',
      url: 'https://library.example/news/reading-rooms?ref=rss',
      author: 'Ines Moreau, Tom Hale',
      published: '2024-03-05T00:00:00Z',
      subtitle: 'The main reading room is open again, with new shelving.',
      tags: ['clippings', 'libraries'],
    });
    expect(a.article.text.split('\n\n')).toEqual([
      'The main reading room reopened on Monday after six months of repairs. The old oak tables were restored.',
      'New shelving for the map collection',
      'Longer hours on Thursdays',
      '<script>alert(1)</script>',
    ]);
    expect(a.article.html).toContain('<strong>main reading room</strong>');
    expect(a.article.html).toContain('&lt;script&gt;'); // raw HTML is escaped, never passed through
    expect(a.article.html).not.toContain('<script>');
    expect(a.article.html).not.toContain('<h1>'); // the headline is the title, not repeated in the body
  });

  it('reads MarkDownload fields (url, date with time, comma-separated tags)', async () => {
    const a = only(await importFile(path.join(MD, 'markdownload.markdown')));
    expect(a.article).toMatchObject({
      title: 'Why bridges sing in the wind',
      url: 'https://engineering.example/posts/singing-bridges',
      author: 'Priya Natarajan',
      published: '2022-11-20T14:05:00Z',
      tags: ['engineering', 'acoustics'],
    });
    expect(a.article.html).toContain('<em>vortex shedding</em>');
  });

  it('reads a Joplin export without taking its clip times for a publication date', async () => {
    const a = only(await importFile(path.join(MD, 'joplin-note.md')));
    expect(a.article).toMatchObject({
      title: 'Sourdough starter notes',
      url: 'https://baking.example/starter',
      author: null,
      published: null,
      tags: ['baking'],
      text: 'Feed the starter twice a day with equal weights of flour and water.',
    });
  });

  it('takes the title from the first heading, else the file name, when there is no front matter', async () => {
    const heading = only(await importFile(path.join(MD, 'heading-only.md')));
    expect(heading.article.title).toBe('Field notes from the marsh');
    expect(heading.article.text).toBe('The herons came back in April.\n\nThe reeds were cut in March.');
    const bare = only(await importFile(path.join(MD, 'no-title.md')));
    expect(bare.article.title).toBe('no-title');
    expect(bare.article.text).toBe('Just a line of text without a heading.');
  });

  it('reads UTF-16 with a BOM', async () => {
    const a = only(await importFile(path.join(MD, 'utf16-bom.md')));
    expect(a.encoding).toBe('utf-16le');
    expect(a.article.title).toBe('Über Brücken');
    expect(a.article.tags).toEqual(['Brücken']);
    expect(a.article.text).toBe('Die Brücke über den Fluß wurde 1890 gebaut.');
  });

  it('never evaluates front matter and keeps broken YAML out of the metadata', async () => {
    expect(splitFrontMatter('---js\n{ title: require("fs") }\n---\nBody').data).toEqual({});
    const broken = splitFrontMatter('---\ntitle: [unclosed\n---\nBody text');
    expect(broken.data).toEqual({});
    expect(broken.body).toBe('Body text');
    expect(broken.error).not.toBeNull();
    const a = only(await importBytes('dates.md', '---\ntitle: Plain\ndate: 2024-03-05\n---\nText.'));
    expect(a.article.published).toBe('2024-03-05T00:00:00Z');
  });

  it('round-trips through the CLI', async () => {
    const lib = await tempDir();
    try {
      const imported = cli('import', '--library', lib, '--json', path.join(MD, 'markdownload.markdown'));
      expect(imported.status, imported.stderr).toBe(0);
      const id = (JSON.parse(imported.stdout) as { imported: Array<{ id: string }> }).imported[0]!.id;
      const view = JSON.parse(cli('show', '--library', lib, '--json', id).stdout) as Record<string, unknown>;
      expect(view).toMatchObject({
        title: 'Why bridges sing in the wind',
        author: 'Priya Natarajan',
        published: '2022-11-20T14:05:00Z',
        tags: ['engineering', 'acoustics'],
        text: 'Some long bridges hum when the wind blows across their cables.\n\nEngineers call this vortex shedding.',
      });
    } finally {
      await removeDir(lib);
    }
  });
});
