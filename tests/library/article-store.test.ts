import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../common/search';
import { openLibrary } from '../../main/library/library';
import { ArticleStore, JOURNAL_FILE } from '../../main/library/store/article-store';
import { DESCRIPTOR_FILE } from '../../main/library/store/descriptor';
import { LibraryLock } from '../../main/library/store/library-lock';
import { writeFileDurable } from '../../main/library/store/durable-write';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';

let root: string;
let lib: string;
let inputs: string;

beforeEach(async () => {
  root = await tempDir();
  lib = path.join(root, 'library');
  inputs = path.join(root, 'inputs');
  await writeFixtures(inputs);
});
afterEach(() => removeDir(root));

async function importAll(paths: string[]) {
  const library = await openLibrary(lib);
  const job = await library.importPaths({ paths, folderTags: true });
  const done = await library.waitForImport(job.jobId);
  await library.close();
  return done.report!;
}

/** Every file of the library with its bytes, to prove a later operation changed nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = (await fs.readFile(file)).toString('base64');
  }
  return out;
}

describe('the library on disk', () => {
  it('creates a versioned library and keeps each original verbatim beside its article', async () => {
    const report = await importAll([inputs]);
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(5);
    const descriptor = JSON.parse(await fs.readFile(path.join(lib, DESCRIPTOR_FILE), 'utf8'));
    expect(descriptor).toMatchObject({ format: 'offprint-library', version: 1 });
    const quantum = report.imported.find((i) => i.source === 'quantum.txt')!;
    const dir = path.join(lib, 'articles', quantum.id.slice(0, 2), quantum.id);
    expect(await fs.readFile(path.join(dir, 'original.txt'))).toEqual(
      await fs.readFile(path.join(inputs, 'science', 'quantum.txt')),
    );
    const stored = JSON.parse(await fs.readFile(path.join(dir, 'article.json'), 'utf8'));
    expect(stored).toMatchObject({
      formatVersion: 1,
      id: quantum.id,
      title: 'Quantum computer solves chemistry puzzle',
      tags: ['inputs', 'science'],
    });
    // No temporary files or journal are left behind by a finished import.
    expect(
      Object.keys(await snapshot(lib)).filter((f) => f.endsWith('.tmp') || f.endsWith(JOURNAL_FILE)),
    ).toEqual([]);
  });

  it('reports a second import of the same files as duplicates and changes nothing', async () => {
    const first = await importAll([inputs]);
    const before = await snapshot(lib);
    const second = await importAll([inputs]);
    expect(second.imported).toEqual([]);
    expect(second.failed).toEqual([]);
    expect(second.duplicates.map((d) => d.id).sort()).toEqual(first.imported.map((i) => i.id).sort());
    const after = await snapshot(lib);
    delete before['index/search-index.json'];
    delete after['index/search-index.json'];
    expect(after).toEqual(before);
  });

  it('gives ids derived from content: the same bytes under another name are a duplicate', async () => {
    const first = await importAll([path.join(inputs, 'sport', 'football.txt')]);
    await fs.copyFile(path.join(inputs, 'sport', 'football.txt'), path.join(root, 'renamed.txt'));
    const second = await importAll([path.join(root, 'renamed.txt')]);
    expect(second.duplicates).toEqual([{ id: first.imported[0]!.id, source: 'renamed.txt' }]);
  });

  it('refuses a library written by a newer format version, with a clear message', async () => {
    await fs.mkdir(lib);
    await fs.writeFile(
      path.join(lib, DESCRIPTOR_FILE),
      JSON.stringify({ format: 'offprint-library', version: 99 }),
    );
    await expect(openLibrary(lib)).rejects.toThrow(
      /newer Offprint \(library format 99; this version reads up to 1\)/,
    );
  });

  it('refuses to turn a folder of other files into a library', async () => {
    await expect(openLibrary(inputs)).rejects.toThrow(/is not an Offprint library and is not empty/);
  });

  it('locks out a second writer and takes over a lock left by a dead process', async () => {
    await openLibrary(lib).then((l) => l.close());
    const held = await LibraryLock.acquire(lib);
    await expect(LibraryLock.acquire(lib)).rejects.toThrow(/being changed by another Offprint process/);
    const library = await openLibrary(lib);
    const job = await library.importPaths({ paths: [inputs], folderTags: false });
    const result = await library.waitForImport(job.jobId);
    expect(result.state).toBe('failed');
    expect(result.error).toMatch(/being changed by another Offprint process/);
    await held.release();
    // A lock whose owner no longer exists is stale.
    await fs.writeFile(
      path.join(lib, 'offprint.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname() }),
    );
    const retry = await library.importPaths({ paths: [inputs], folderTags: false });
    expect((await library.waitForImport(retry.jobId)).report!.imported).toHaveLength(5);
    await library.close();
  });

  it('adopts articles written before a crash cut the batch short', async () => {
    const report = await importAll([inputs]);
    // Simulate a crash after the article files were written but before the catalog named them.
    await fs.writeFile(
      path.join(lib, 'catalog.json'),
      JSON.stringify({ format: 'offprint-catalog', version: 1, revision: 1, articles: [] }),
    );
    await fs.writeFile(path.join(lib, JOURNAL_FILE), 'interrupted');
    // …and one more article whose files were still temporary when it died.
    const torn = path.join(lib, 'articles', 'ff', 'ffffffffffffffffffff');
    await fs.mkdir(torn, { recursive: true });
    await fs.writeFile(path.join(torn, 'article.json.1a2b3c.tmp'), '{"formatVersion":1,"id":"fff');
    const library = await openLibrary(lib);
    expect((await library.list({})).map((a) => a.id).sort()).toEqual(report.imported.map((i) => i.id).sort());
    await library.close();
    await expect(fs.access(path.join(lib, JOURNAL_FILE))).rejects.toThrow();
    await expect(fs.access(torn)).rejects.toThrow();
  });

  it("reads another live process's journal as its batch in progress, and a dead one's as a crash", async () => {
    const report = await importAll([inputs]);
    // The catalog names none of the articles on disk yet, and a journal is open: a batch being written…
    await fs.rm(path.join(lib, 'index', 'catalog'), { recursive: true });
    await fs.writeFile(
      path.join(lib, 'catalog.json'),
      JSON.stringify({ format: 'offprint-catalog', version: 1, revision: 1, articles: [] }),
    );
    await fs.writeFile(path.join(lib, JOURNAL_FILE), 'in progress');
    // …by another process that is alive and holds the lock.
    const writer = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const owner = { pid: writer.pid, host: os.hostname(), since: new Date().toISOString(), nonce: 'abc' };
      await fs.writeFile(path.join(lib, 'offprint.lock'), JSON.stringify(owner));
      // A reader takes the catalog as committed: it neither adopts the writer's files nor numbers a state of
      // its own (the writer's next commit would reuse that revision for other contents).
      const reader = await ArticleStore.open(lib);
      expect([reader.size, reader.currentRevision]).toEqual([0, 1]);
    } finally {
      writer.kill('SIGKILL');
      await new Promise((resolve) => writer.once('exit', resolve));
    }
    // The writer died: its journal is a crash's, and the articles it wrote are adopted.
    const after = await ArticleStore.open(lib);
    expect([...after.all()].map((a) => a.id).sort()).toEqual(report.imported.map((i) => i.id).sort());
    expect(after.currentRevision).toBe(2);
  });

  it('writes durably by replacing the whole file', async () => {
    const file = path.join(root, 'state.json');
    await writeFileDurable(file, 'old');
    await writeFileDurable(file, 'new');
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect((await fs.readdir(root)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('import batches', () => {
  it('gives every input a result and goes on past bad ones', async () => {
    await fs.writeFile(
      path.join(inputs, 'news', 'picture.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    );
    await fs.writeFile(path.join(inputs, 'news', 'empty.txt'), '');
    const report = await importAll([inputs, path.join(root, 'missing.txt')]);
    expect(report.imported).toHaveLength(5);
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { source: 'picture.txt', reason: 'not supported: looks like a PNG image' },
        { source: 'empty.txt', reason: 'the file is empty' },
        { source: path.join(root, 'missing.txt'), reason: 'no such file or folder' },
      ]),
    );
  });

  it('does not follow a symbolic link out of an imported folder', async () => {
    const outside = path.join(root, 'outside.txt');
    await fs.writeFile(outside, 'Secret\n\nNot for the library.');
    await fs.symlink(outside, path.join(inputs, 'news', 'link.txt'));
    const report = await importAll([inputs]);
    expect(report.failed).toEqual([
      {
        source: path.join(inputs, 'news', 'link.txt'),
        reason: 'a symbolic link that points outside the imported folder (not followed)',
      },
    ]);
    expect(report.imported.map((i) => i.title)).not.toContain('Secret');
  });

  it('resolves source neighbours by title whichever article was imported first', async () => {
    for (const order of [
      ['cranes.txt', 'lighthouse.txt'],
      ['lighthouse.txt', 'cranes.txt'],
    ]) {
      await removeDir(lib);
      const library = await openLibrary(lib);
      const ids: Record<string, string> = {};
      for (const name of order) {
        const job = await library.importPaths({
          paths: [path.join(inputs, 'news', name)],
          folderTags: false,
        });
        ids[name] = (await library.waitForImport(job.jobId)).report!.imported[0]!.id;
      }
      const cranes = await library.getArticle({ id: ids['cranes.txt']! });
      expect(cranes.previous).toEqual({
        title: 'Lighthouse keepers gather for their last reunion',
        id: ids['lighthouse.txt'],
      });
      expect(cranes.next).toEqual({ title: 'Ferry timetable changes for the winter', id: null });
      const lighthouse = await library.getArticle({ id: ids['lighthouse.txt']! });
      expect(lighthouse.next).toEqual({
        title: 'Harbour cranes return to the old port after ten years',
        id: ids['cranes.txt'],
      });
      expect(lighthouse.previous).toBeNull();
      await library.close();
    }
  });
});

describe('storedSource', () => {
  it('drops the folders of a file but keeps the entry of an archive whole', async () => {
    const { storedSource } = await import('../../main/library/store/article-store');
    expect(storedSource('/home/ana/private/notes.txt')).toBe('notes.txt');
    expect(storedSource('crawl.warc.gz › https://news.example/2024/tides')).toBe(
      'crawl.warc.gz › https://news.example/2024/tides',
    );
    expect(storedSource('/data/export.zip › folder/page.html')).toBe('export.zip › folder/page.html');
  });
});

describe('versions of a page', () => {
  const page = (body: string) =>
    `<!doctype html><html><head><title>Tide tables</title><link rel="canonical" href="https://harbour.example/tides"></head>` +
    `<body><article><h1>Tide tables</h1><p>${body}</p><p>The harbour master publishes the tables every week for the boats.</p></article></body></html>`;

  it('keeps a page saved again with other content as a new version linked to the first, never overwriting it', async () => {
    await fs.writeFile(
      path.join(root, 'tides-monday.html'),
      page('High water on Monday is at six in the morning.'),
    );
    await fs.writeFile(
      path.join(root, 'tides-tuesday.html'),
      page('High water on Tuesday is at seven in the morning.'),
    );
    const first = await importAll([path.join(root, 'tides-monday.html')]);
    const second = await importAll([path.join(root, 'tides-tuesday.html')]);
    const original = first.imported[0]!;
    expect(original.versionOf).toBeNull();
    expect(second.imported).toEqual([
      {
        id: expect.not.stringMatching(original.id),
        title: 'Tide tables',
        source: 'tides-tuesday.html',
        versionOf: original.id,
      },
    ]);
    const library = await openLibrary(lib);
    const newer = await library.getArticle({ id: second.imported[0]!.id });
    expect(newer.previousVersion).toBe(original.id);
    expect(newer.url).toBe('https://harbour.example/tides');
    expect((await library.getArticle({ id: original.id })).text).toContain('Monday');
    await library.close();
  });
});

describe('two processes on one library', () => {
  it('does not drop what another writer committed when this one writes next', async () => {
    const app = await openLibrary(lib);
    const cli = await openLibrary(lib);
    const first = await cli.waitForImport(
      (await cli.importPaths({ paths: [path.join(inputs, 'science')], folderTags: false })).jobId,
    );
    const quantum = first.report!.imported[0]!.id;
    const second = await cli.waitForImport(
      (await cli.importPaths({ paths: [path.join(inputs, 'sport')], folderTags: false })).jobId,
    );
    // The app has not listed anything since opening; it now edits the first article.
    await app.setTags({ id: quantum, tags: ['physics'] });
    const football = second.report!.imported[0]!.id;
    expect((await app.list({})).map((a) => a.id).sort()).toEqual([football, quantum].sort());
    await app.close();
    await cli.close();
    const reopened = await openLibrary(lib);
    expect((await reopened.list({})).map((a) => a.id).sort()).toEqual([football, quantum].sort());
    expect((await reopened.getArticle({ id: quantum })).tags).toEqual(['physics']);
    await reopened.close();
  });

  it('answers a search with what another writer imported since, not from the index it had', async () => {
    const app = await openLibrary(lib);
    const cli = await openLibrary(lib);
    const query = { ...DEFAULT_SEARCH, query: 'quantum' };
    expect((await app.search(query)).hits).toEqual([]);
    const done = await cli.waitForImport(
      (await cli.importPaths({ paths: [path.join(inputs, 'science')], folderTags: false })).jobId,
    );
    const quantum = done.report!.imported[0]!.id;
    expect((await app.search(query)).hits.map((h) => h.id)).toEqual([quantum]);
    await cli.setTags({ id: quantum, tags: ['physics'] });
    expect((await app.search({ ...query, tags: ['physics'] })).hits.map((h) => h.id)).toEqual([quantum]);
    await app.close();
    await cli.close();
  });
});
