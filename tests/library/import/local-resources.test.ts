/**
 * A saved page names files beside it as images: only real images inside its own `<name>_files/` folder may become
 * the article's resources. Each case is imported into a real library on disk, and the test reads what was stored:
 * the article's resources, the files under its folder, and what the API's resource method answers.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../common/article';
import { type Library, openLibrary } from '../../../main/library/library';
import { ArticleStore } from '../../../main/library/store/article-store';
import { removeDir, tempDir } from '../../helpers/temp-library';

const SECRET = 'SECRET-TOKEN-5f1c9e-do-not-store';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('-a-real-png-of-the-page'),
]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.from('-a-real-gif-of-the-page')]);
const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the harbour report: the tide gauges on the north pier logged the highest water in a century, and the council met to discuss what the town should do next.</p>`,
).join('\n');

let root: string;
let library: Library | null = null;

beforeEach(async () => {
  root = await tempDir('offprint-local-resources-');
});
afterEach(async () => {
  await library?.close();
  library = null;
  await removeDir(root);
});

function page(images: string[]): string {
  const imgs = images.map((src) => `<p><img src="${src}" alt="figure"></p>`).join('\n');
  return `<!doctype html><html><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>${PARAGRAPHS}\n${imgs}</article></body></html>`;
}

async function write(file: string, data: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await fs.writeFile(path.join(root, file), data);
}

/** Imports `file` (inside the temp folder) into a new library; answers the stored article. */
async function importPage(file: string): Promise<StoredArticle> {
  library = await openLibrary(path.join(root, 'library'));
  const job = await library.importPaths({ paths: [path.join(root, file)], folderTags: false });
  const done = await library.waitForImport(job.jobId);
  expect(done.report!.failed).toEqual([]);
  expect(done.report!.imported).toHaveLength(1);
  const id = done.report!.imported[0]!.id;
  const dir = path.join(root, 'library', 'articles', id.slice(0, 2), id);
  return JSON.parse(await fs.readFile(path.join(dir, 'article.json'), 'utf8')) as StoredArticle;
}

/** Every file the library holds except the page's original (which names the files but holds none of them). */
async function libraryFiles(): Promise<Map<string, Buffer>> {
  const dir = path.join(root, 'library');
  const out = new Map<string, Buffer>();
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('original')) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), await fs.readFile(file));
  }
  return out;
}

async function expectNotFetchable(article: StoredArticle, names: string[]): Promise<void> {
  for (const name of names)
    await expect(library!.getResource({ id: article.id, name }), name).rejects.toThrow(/has no resource/);
}

describe('local images of a saved page', () => {
  it('keeps the images of its own _files folder and no private sibling, hidden file or non-image', async () => {
    await write('.secret-token', SECRET);
    await write('private/.ssh/id_rsa', `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n`);
    await write('notes.txt', `my notes ${SECRET}`);
    await write('page_files/.hidden.png', PNG); // a real image, but hidden
    await write('page_files/.cache/thumb.png', PNG); // under a hidden folder
    await write('page_files/notes.png', `not an image ${SECRET}`); // an image by name only
    await write(
      'page_files/drawing.svg',
      `<svg xmlns="http://www.w3.org/2000/svg"><script>${SECRET}</script></svg>`,
    );
    await write('other_files/photo.png', PNG); // another page's folder
    await write('page_files/photo.png', PNG);
    await write('page_files/anim.gif', GIF);
    await write('page_files/mislabelled.txt', GIF); // a real GIF with the wrong name: stored as a .gif
    await fs.symlink(path.join(root, '.secret-token'), path.join(root, 'page_files', 'link.png'));
    await fs.symlink(path.join(root, 'other_files', 'photo.png'), path.join(root, 'page_files', 'out.png'));
    await write(
      'page.html',
      page([
        '.secret-token',
        'private/.ssh/id_rsa',
        'notes.txt',
        './notes.txt',
        'page_files/../.secret-token',
        'page_files/../private/.ssh/id_rsa',
        `${root}/.secret-token`,
        `file://${root}/.secret-token`,
        'page_files/.hidden.png',
        'page_files/.cache/thumb.png',
        'page_files/notes.png',
        'page_files/drawing.svg',
        'other_files/photo.png',
        'page_files/link.png',
        'page_files/out.png',
        'page_files%2F..%2F.secret-token',
        'page_files/photo.png',
        'page_files/anim.gif',
        'page_files/mislabelled.txt',
      ]),
    );
    const article = await importPage('page.html');
    expect(article.resources.sort()).toEqual(['anim.gif', 'mislabelled.gif', 'photo.png']);
    const files = await libraryFiles();
    const stored = [...files.keys()].filter((f) => f.includes(`${path.sep}resources${path.sep}`));
    expect(stored.map((f) => path.basename(f)).sort()).toEqual(['anim.gif', 'mislabelled.gif', 'photo.png']);
    for (const [file, bytes] of files) expect(bytes.includes(SECRET), file).toBe(false);
    expect(article.html).toContain('src="resource:photo.png"');
    expect(article.html).not.toMatch(/secret|id_rsa|notes|hidden|drawing|other_files/);
    await expectNotFetchable(article, [
      '.secret-token',
      'secret-token',
      'id_rsa',
      'notes.txt',
      'notes.png',
      'hidden.png',
      'drawing.svg',
      'link.png',
      'out.png',
    ]);
    const photo = await library!.getResource({ id: article.id, name: 'photo.png' });
    expect(Buffer.from(photo.data, 'base64').equals(PNG)).toBe(true);
    expect(photo.mediaType).toBe('image/png');
  });

  it('answers each kept image with the media type of its kind', async () => {
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([36, 0, 0, 0]),
      Buffer.from('WEBPVP8 a-webp'),
    ]);
    const avif = Buffer.concat([
      Buffer.from([0, 0, 0, 20]),
      Buffer.from('ftypavif'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('avifmif1-an-avif'),
    ]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('a-jpeg')]);
    // BMP: "BM", its size, the pixels' offset and a 40-byte DIB header; ICO: type 1, one image.
    const bmp = Buffer.alloc(70);
    bmp.write('BM', 0);
    bmp.writeUInt32LE(70, 2);
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    const ico = Buffer.concat([Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0]), Buffer.alloc(16)]);
    const images: Record<string, Buffer> = {
      'a.png': PNG,
      'b.gif': GIF,
      'c.webp': webp,
      'd.avif': avif,
      'e.jpg': jpeg,
      'f.bmp': bmp,
      'g.ico': ico,
    };
    for (const [name, bytes] of Object.entries(images)) await write(`page_files/${name}`, bytes);
    await write('page.html', page(Object.keys(images).map((name) => `page_files/${name}`)));
    const article = await importPage('page.html');
    const answered: Record<string, string> = {};
    for (const name of article.resources.sort())
      answered[name] = (await library!.getResource({ id: article.id, name })).mediaType;
    expect(answered).toEqual({
      'a.png': 'image/png',
      'b.gif': 'image/gif',
      'c.webp': 'image/webp',
      'd.avif': 'image/avif',
      'e.jpg': 'image/jpeg',
      'f.bmp': 'image/bmp',
      'g.ico': 'image/x-icon',
    });
  });

  it('answers a restored resource of no image kind by its name: SVG as SVG, anything else as bytes', async () => {
    // An article folder restored from a backup keeps its resources as they were, whatever their kind.
    const dir = path.join(root, 'library');
    await (await openLibrary(dir)).close();
    const store = await ArticleStore.open(dir);
    const article: StoredArticle = {
      formatVersion: 1,
      id: 'ab0000000000000000ab',
      title: 'Harbour report',
      subtitle: null,
      author: null,
      site: null,
      url: null,
      published: null,
      category: null,
      tags: [],
      text: 'Harbour report.',
      html: null,
      previousTitle: null,
      nextTitle: null,
      linkOnly: false,
      source: 'report.txt',
      importer: 'plain-text',
      encoding: 'utf-8',
      original: 'original.txt',
      importedAt: '2024-01-02T03:04:05.000Z',
      previousVersion: null,
      resources: ['drawing.svg', 'data.bin'],
    };
    await store.addRestored(article, [
      { name: 'original.txt', bytes: Buffer.from('Harbour report.') },
      { name: 'resources/drawing.svg', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
      { name: 'resources/data.bin', bytes: Buffer.from([0, 1, 2]) },
      { name: 'article.json', bytes: Buffer.from(JSON.stringify(article)) },
    ]);
    await store.commit();
    library = await openLibrary(dir);
    const types: Record<string, string> = {};
    for (const name of article.resources)
      types[name] = (await library.getResource({ id: article.id, name })).mediaType;
    expect(types).toEqual({ 'drawing.svg': 'image/svg+xml', 'data.bin': 'application/octet-stream' });
  });

  it('refuses a _files folder that is a link to somewhere else', async () => {
    await write('elsewhere/photo.png', PNG);
    await fs.symlink(path.join(root, 'elsewhere'), path.join(root, 'page_files'));
    await write('page.html', page(['page_files/photo.png']));
    const article = await importPage('page.html');
    expect(article.resources).toEqual([]);
    expect(article.html).not.toContain('resource:');
  });

  it('takes images from NAME-files too, and only for the page named NAME', async () => {
    await write('Notes-files/a.png', PNG);
    await write('Other_files/b.png', PNG);
    await write('Notes.htm', page(['Notes-files/a.png', 'Other_files/b.png']));
    const article = await importPage('Notes.htm');
    expect(article.resources).toEqual(['a.png']);
  });
});

describe('images of an MHTML save', () => {
  function mhtml(parts: Array<{ type: string; location: string; body: Buffer }>): Buffer {
    const boundary = '----MultipartBoundary--test';
    const chunks = [
      `From: <Saved by Blink>\r\nSnapshot-Content-Location: https://harbour.example/report\r\nSubject: Harbour report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"\r\n\r\n\r\n`,
      `--${boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-0@mhtml.blink>\r\nContent-Transfer-Encoding: 8bit\r\nContent-Location: https://harbour.example/report\r\n\r\n${page(parts.map((p) => p.location))}\r\n\r\n`,
      ...parts.map(
        (p) =>
          `--${boundary}\r\nContent-Type: ${p.type}\r\nContent-Transfer-Encoding: base64\r\nContent-Location: ${p.location}\r\n\r\n${p.body.toString('base64')}\r\n\r\n`,
      ),
      `--${boundary}--\r\n`,
    ];
    return Buffer.from(chunks.join(''));
  }

  it('keeps only parts whose bytes are an image, never SVG, whatever they declare', async () => {
    await write(
      'page.mhtml',
      mhtml([
        { type: 'image/png', location: 'https://harbour.example/photo.png', body: PNG },
        { type: 'image/png', location: 'https://harbour.example/fake.png', body: Buffer.from(SECRET) },
        {
          type: 'image/svg+xml',
          location: 'https://harbour.example/drawing.svg',
          body: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>${SECRET}</script></svg>`),
        },
      ]),
    );
    const article = await importPage('page.mhtml');
    expect(article.resources).toEqual(['photo.png']);
    for (const [file, bytes] of await libraryFiles()) expect(bytes.includes(SECRET), file).toBe(false);
    await expectNotFetchable(article, ['fake.png', 'drawing.svg']);
  });
});
