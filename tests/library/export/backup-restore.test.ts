/**
 * The backup round trip on real libraries: a library with articles (one with a local image), tags, user data
 * and saved searches is backed up to one zip and imported into a new, empty folder; every original, resource,
 * article.json and user.json comes back byte for byte, saved searches are equal, and search answers the same.
 * Restoring into a library that has the articles merges tags and user data. Tampered backups (an original
 * changed, a `../` entry, a newer format) fail entry by entry and change nothing else.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../common/import';
import { SAVED_SEARCHES_FILE, type SavedSearchesFile } from '../../../common/saved-search';
import { DEFAULT_SEARCH } from '../../../common/search';
import type { UserData } from '../../../common/user-data';
import { type Library, openLibrary } from '../../../main/library/library';
import { readUserData, writeUserData } from '../../../main/library/store/user-data';
import { firstEntryIsManifest } from '../../../main/library/export/backup-detect';
import { BACKUP_MANIFEST } from '../../../main/library/export/backup-format';
import { REPO, removeDir, tempDir, writeFixtures } from '../../helpers/fixtures-and-shared';

let root: string;
let source: Library;
let backupZip: string;
let imageId: string;
let ids: string[];
const open: Library[] = [];

const highlight = (id: string, start: number, note = '') => ({
  id,
  color: 'yellow' as const,
  quote: { type: 'TextQuoteSelector' as const, exact: 'harbour', prefix: 'The ', suffix: ' wall' },
  position: { type: 'TextPositionSelector' as const, start, end: start + 7 },
  note,
  created: '2024-03-06T08:00:00.000Z',
  modified: '2024-03-06T08:00:00.000Z',
});

const USER: UserData = {
  reading: { read: true, readAt: '2024-03-06T08:00:00.000Z', starred: true, position: 0.5 },
  note: 'The wall was rebuilt in 1954.',
  highlights: [highlight('00000000000000aa', 4, 'check this')],
};

const SEARCHES: SavedSearchesFile = {
  format: 'offprint-saved-searches',
  formatVersion: 1,
  searches: [
    {
      id: '1111111111111111',
      name: 'Coast',
      criteria: { ...DEFAULT_SEARCH, query: 'harbour', tags: ['news'] },
      created: '2024-03-06T08:00:00.000Z',
    },
  ],
};

const articleDir = (lib: string, id: string) => path.join(lib, 'articles', id.slice(0, 2), id);

async function newLibrary(name: string): Promise<Library> {
  const library = await openLibrary(path.join(root, name));
  open.push(library);
  return library;
}

async function importInto(library: Library, file: string): Promise<ImportReport> {
  const job = await library.importPaths({ paths: [file], folderTags: false });
  const done = await library.waitForImport(job.jobId);
  expect(done.error).toBeNull();
  return done.report!;
}

/** Every file under `articles/`, by relative path. */
async function articleFiles(lib: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(path.relative(lib, full), await fs.readFile(full));
    }
  };
  await walk(path.join(lib, 'articles'));
  return files;
}

async function zipEntries(file: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (e, z) => (e || !z ? reject(e) : resolve(z))),
  );
  const entries: Array<{ name: string; bytes: Buffer }> = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/**
 * A zip of `entries`. yazl refuses unsafe names (`..`), as it should: such names are written as placeholders of
 * the same length and patched into the bytes (local headers and central directory) afterwards.
 */
async function writeZip(file: string, entries: Array<{ name: string; bytes: Buffer }>): Promise<string> {
  const zip = new ZipFile();
  const patches: Array<[string, string]> = [];
  for (const { name, bytes } of entries) {
    const unsafe = name.split('/').includes('..');
    const letter = String.fromCharCode(65 + patches.length);
    const placeholder = unsafe ? name.replace(/\.\./g, `${letter}${letter}`) : name;
    if (unsafe) patches.push([placeholder, name]);
    zip.addBuffer(bytes, placeholder);
  }
  zip.end();
  let data = await new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
  for (const [from, to] of patches) {
    const parts: Buffer[] = [];
    let at = 0;
    for (let i = data.indexOf(from); i >= 0; i = data.indexOf(from, i + from.length)) {
      parts.push(data.subarray(at, i), Buffer.from(to));
      at = i + from.length;
    }
    parts.push(data.subarray(at));
    data = Buffer.concat(parts);
  }
  await fs.writeFile(file, data);
  return file;
}

beforeAll(async () => {
  root = await tempDir('offprint-backup-');
  const inputs = path.join(root, 'inputs');
  await writeFixtures(inputs);
  const pages = path.join(REPO, 'tests', 'fixtures', 'formats', 'saved-pages');
  await fs.cp(path.join(pages, 'Harbour.html'), path.join(inputs, 'pages', 'Harbour.html'));
  await fs.cp(path.join(pages, 'Harbour_files'), path.join(inputs, 'pages', 'Harbour_files'), {
    recursive: true,
  });
  source = await openLibrary(path.join(root, 'source'));
  const job = await source.importPaths({ paths: [inputs], folderTags: true });
  const done = await source.waitForImport(job.jobId);
  expect(done.report!.failed).toEqual([]);
  ids = done.report!.imported.map((i) => i.id).sort();
  const image = (await Promise.all(ids.map((id) => source.getArticle({ id })))).find(
    (a) => a.resources.length,
  );
  imageId = image!.id;
  await source.setTags({ id: imageId, tags: ['pages', 'Region/North'] });
  await writeUserData(articleDir(source.path, imageId), USER);
  await writeUserData(
    articleDir(
      source.path,
      ids.find((id) => id !== imageId)!,
    ),
    {
      ...USER,
      highlights: [],
      reading: { ...USER.reading, starred: false },
    },
  );
  await fs.writeFile(path.join(source.path, SAVED_SEARCHES_FILE), JSON.stringify(SEARCHES));
  backupZip = path.join(root, 'library-backup.zip');
  const result = await source.backup({ path: backupZip });
  expect(result).toEqual({ path: backupZip, articles: ids.length, bytes: (await fs.stat(backupZip)).size });
});

afterAll(async () => {
  await Promise.all([source, ...open].map((l) => l.close()));
  await removeDir(root);
});

describe('a library backup', () => {
  it('holds the manifest first, then the descriptor, saved searches and the article folders only', async () => {
    const names = (await zipEntries(backupZip)).map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(['offprint-backup.json', 'offprint-library.json', SAVED_SEARCHES_FILE]);
    expect(names.filter((n) => !n.startsWith('articles/'))).toHaveLength(3);
    expect(names).toContain(`articles/${imageId.slice(0, 2)}/${imageId}/resources/wall.png`);
    expect(names).toContain(`articles/${imageId.slice(0, 2)}/${imageId}/user.json`);
    const manifest = JSON.parse((await zipEntries(backupZip))[0]!.bytes.toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({ format: 'offprint-backup', formatVersion: 1, articles: ids.length });
    expect(manifest.offprint).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('is refused inside the library folder', async () => {
    await expect(source.backup({ path: path.join(source.path, 'b.zip') })).rejects.toThrow(
      /inside the library/,
    );
    await expect(source.backup({ path: path.join(source.path, 'articles', 'b.zip') })).rejects.toThrow(
      /inside the library/,
    );
  });

  it('imports into a new empty folder with nothing lost', async () => {
    const target = await newLibrary('restored');
    const report = await importInto(target, backupZip);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => i.id).sort()).toEqual(ids);
    // Every original, resource, article.json and user.json, byte for byte.
    const before = await articleFiles(source.path);
    const after = await articleFiles(target.path);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
    for (const id of ids) {
      const [a, b] = await Promise.all([source.getArticle({ id }), target.getArticle({ id })]);
      expect(b).toEqual(a);
    }
    expect((await target.getArticle({ id: imageId })).user).toEqual(USER);
    // The catalog of the new library knows the restored reading state too (the list shows it, not only search).
    expect((await target.list({})).find((a) => a.id === imageId)).toMatchObject({
      read: true,
      starred: true,
    });
    const read = await target.search({ ...DEFAULT_SEARCH, readState: 'read', starred: true });
    expect(read.hits.map((h) => h.id)).toContain(imageId);
    const searches = JSON.parse(
      await fs.readFile(path.join(target.path, SAVED_SEARCHES_FILE), 'utf8'),
    ) as unknown;
    expect(searches).toEqual(SEARCHES);
    for (const query of ['harbour', 'goal', '']) {
      const request = { ...DEFAULT_SEARCH, query, sort: 'date' as const };
      const [a, b] = await Promise.all([source.search(request), target.search(request)]);
      expect(b.hits.map((h) => h.id)).toEqual(a.hits.map((h) => h.id));
      expect(b.tags).toEqual(a.tags);
    }
  });

  it('merges into a library that has the articles: tags united, user data merged, files kept', async () => {
    const target = await newLibrary('merge');
    await importInto(target, backupZip);
    const dir = articleDir(target.path, imageId);
    const mine: UserData = {
      reading: { read: false, readAt: null, starred: false, position: 0.2 },
      note: '',
      highlights: [highlight('00000000000000bb', 40)],
    };
    await writeUserData(dir, mine);
    await target.setTags({ id: imageId, tags: ['region/north', 'Mine'] });
    const originalBefore = await fs.readFile(path.join(dir, 'original.html'));
    const report = await importInto(target, backupZip);
    expect(report.imported).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toHaveLength(ids.length);
    const article = await target.getArticle({ id: imageId });
    expect(article.tags).toEqual(['region/north', 'Mine', 'pages']);
    expect(article.user.reading).toEqual({ ...USER.reading, position: 0.2 });
    expect(article.user.note).toBe(USER.note);
    expect(article.user.highlights.map((h) => h.id)).toEqual(['00000000000000aa', '00000000000000bb']);
    expect(await fs.readFile(path.join(dir, 'original.html'))).toEqual(originalBefore);
    // The merged highlight's article is searchable as before; its tag facet counts once.
    const tags = (await target.tags({})).map((t) => t.tag.toLowerCase());
    expect(tags.filter((t) => t === 'region/north')).toHaveLength(1);
  });

  it('restores from an upload too (importFiles): bytes, not a path', async () => {
    const target = await newLibrary('uploaded');
    const started = await target.importFiles({
      files: [{ name: 'library-backup.zip', data: (await fs.readFile(backupZip)).toString('base64') }],
    });
    const done = await target.waitForImport(started.jobId);
    expect(done.report!.failed).toEqual([]);
    expect(done.imported).toBe(ids.length);
    expect((await target.getArticle({ id: imageId })).user).toEqual(USER);
  });

  it('merges saved searches by id', async () => {
    const target = await newLibrary('searches');
    const theirs: SavedSearchesFile = {
      ...SEARCHES,
      searches: [{ ...SEARCHES.searches[0]!, id: '2222222222222222', name: 'Mine' }],
    };
    await fs.writeFile(path.join(target.path, SAVED_SEARCHES_FILE), JSON.stringify(theirs));
    await importInto(target, backupZip);
    await importInto(target, backupZip);
    const merged = JSON.parse(
      await fs.readFile(path.join(target.path, SAVED_SEARCHES_FILE), 'utf8'),
    ) as SavedSearchesFile;
    expect(merged.searches.map((s) => s.name)).toEqual(['Mine', 'Coast']);
  });
});

describe('a tampered backup', () => {
  it('an original changed: that article fails by name, the others are restored', async () => {
    const entries = await zipEntries(backupZip);
    const victim = ids.find((id) => id !== imageId)!;
    const changed = entries.map((e) =>
      e.name.startsWith(`articles/${victim.slice(0, 2)}/${victim}/original`)
        ? { ...e, bytes: Buffer.concat([e.bytes, Buffer.from('tampered')]) }
        : e,
    );
    const target = await newLibrary('tampered-original');
    const report = await importInto(
      target,
      await writeZip(path.join(root, 'tampered-original.zip'), changed),
    );
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.source).toMatch(
      new RegExp(`articles/${victim.slice(0, 2)}/${victim}/original\\.txt$`),
    );
    expect(report.failed[0]!.reason).toMatch(/does not match its id/);
    expect(report.imported.map((i) => i.id).sort()).toEqual(ids.filter((id) => id !== victim));
    await expect(fs.stat(articleDir(target.path, victim))).rejects.toThrow();
  });

  it('an article.json naming another id, a missing original and damaged saved searches each fail by name', async () => {
    const entries = await zipEntries(backupZip);
    const [renamed, orphaned] = ids.filter((id) => id !== imageId);
    const folderOf = (id: string) => `articles/${id.slice(0, 2)}/${id}/`;
    const changed = entries
      .filter((e) => !(e.name.startsWith(folderOf(orphaned!)) && /\/original\.[a-z]+$/.test(e.name)))
      .map((e) => {
        if (e.name === `${folderOf(renamed!)}article.json`) {
          const parsed = JSON.parse(e.bytes.toString('utf8')) as Record<string, unknown>;
          return { ...e, bytes: Buffer.from(JSON.stringify({ ...parsed, id: 'ffffffffffffffffffff' })) };
        }
        return e.name === SAVED_SEARCHES_FILE ? { ...e, bytes: Buffer.from('{"format":') } : e;
      });
    const target = await newLibrary('damaged-parts');
    const report = await importInto(target, await writeZip(path.join(root, 'damaged-parts.zip'), changed));
    const failed = report.failed.map((f) => [f.source.replace(/^.*? › /, ''), f.reason]);
    expect(failed).toContainEqual([
      `${folderOf(renamed!)}article.json`,
      'it names another id (ffffffffffffffffffff); not restored',
    ]);
    expect(failed.find(([source]) => source!.startsWith(folderOf(orphaned!)))?.[1]).toBe(
      'the original named by article.json is missing; not restored',
    );
    expect(failed.find(([source]) => source === SAVED_SEARCHES_FILE)?.[1]).toMatch(/.+/);
    expect(report.failed).toHaveLength(3);
    expect(report.imported.map((i) => i.id).sort()).toEqual(
      ids.filter((id) => id !== renamed && id !== orphaned),
    );
  });

  it('is told from other zips by its first entry alone', () => {
    const head = (name: string, signature = 0x04034b50) => {
      const bytes = Buffer.alloc(30 + name.length);
      bytes.writeUInt32LE(signature, 0);
      bytes.writeUInt16LE(name.length, 26);
      bytes.write(name, 30, 'latin1');
      return bytes;
    };
    expect(firstEntryIsManifest(head(BACKUP_MANIFEST))).toBe(true);
    expect(firstEntryIsManifest(head('offprint-backup.jsom'))).toBe(false);
    expect(firstEntryIsManifest(head(BACKUP_MANIFEST, 0x02014b50))).toBe(false);
    expect(firstEntryIsManifest(head(BACKUP_MANIFEST).subarray(0, 30 + BACKUP_MANIFEST.length - 1))).toBe(
      false,
    );
    expect(firstEntryIsManifest(head(`${BACKUP_MANIFEST}x`))).toBe(false);
  });

  it('a `../` or unexpected entry is refused by name and nothing is written outside the library', async () => {
    const entries = await zipEntries(backupZip);
    const evil = Buffer.from('evil');
    const target = await newLibrary('tampered-names');
    const zip = await writeZip(path.join(root, 'tampered-names.zip'), [
      ...entries,
      { name: '../evil.txt', bytes: evil },
      { name: `articles/${imageId.slice(0, 2)}/${imageId}/../../../evil.txt`, bytes: evil },
      { name: 'index/manifest.json', bytes: evil },
    ]);
    const report = await importInto(target, zip);
    expect(report.failed.map((f) => [f.source.split(' › ')[1], f.reason.replace(/:.*/, '')])).toEqual([
      ['../evil.txt', 'entry refused'],
      [`articles/${imageId.slice(0, 2)}/${imageId}/../../../evil.txt`, 'entry refused'],
      ['index/manifest.json', 'entry refused'],
    ]);
    expect(report.imported).toHaveLength(ids.length);
    await expect(fs.stat(path.join(root, 'evil.txt'))).rejects.toThrow();
    await expect(fs.stat(path.join(target.path, 'evil.txt'))).rejects.toThrow();
  });

  it('a newer backup format is refused whole; a newer article format is refused for that article', async () => {
    const entries = await zipEntries(backupZip);
    const newer = entries.map((e, i) =>
      i === 0
        ? { ...e, bytes: Buffer.from(JSON.stringify({ format: 'offprint-backup', formatVersion: 2 })) }
        : e,
    );
    const target = await newLibrary('newer');
    const report = await importInto(target, await writeZip(path.join(root, 'newer.zip'), newer));
    expect(report.imported).toEqual([]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.reason).toMatch(
      /newer Offprint \(backup format 2; this version reads up to 1\)/,
    );
    expect(await fs.readdir(target.path)).not.toContain('articles');

    const articleJson = `articles/${imageId.slice(0, 2)}/${imageId}/article.json`;
    const newerArticle = entries.map((e) => {
      if (e.name !== articleJson) return e;
      const parsed = JSON.parse(e.bytes.toString('utf8')) as Record<string, unknown>;
      return { ...e, bytes: Buffer.from(JSON.stringify({ ...parsed, formatVersion: 99 })) };
    });
    const second = await newLibrary('newer-article');
    const r2 = await importInto(second, await writeZip(path.join(root, 'newer-article.zip'), newerArticle));
    expect(r2.failed).toHaveLength(1);
    expect(r2.failed[0]!.source).toMatch(/article\.json$/);
    expect(r2.failed[0]!.reason).toMatch(
      /article\.json was written by a newer Offprint \(article format 99; this version reads up to 1\)/,
    );
    expect(r2.imported.map((i) => i.id).sort()).toEqual(ids.filter((id) => id !== imageId));
  });

  it("the import's zip-bomb limits hold: an entry inflating past the archive's allowance stops the restore", async () => {
    const entries = await zipEntries(backupZip);
    const bomb = {
      name: 'articles/ab/ab000000000000000000/original.txt',
      bytes: Buffer.alloc(20 * 1024 * 1024),
    };
    const target = await newLibrary('bomb');
    const report = await importInto(
      target,
      await writeZip(path.join(root, 'bomb.zip'), [entries[0]!, bomb, ...entries.slice(1)]),
    );
    expect(report.imported).toEqual([]);
    expect(report.failed).toEqual([
      {
        source: 'bomb.zip',
        reason: expect.stringMatching(/expands past 16 MB .*; the rest was not restored$/),
      },
    ]);
    expect(await fs.readdir(target.path)).not.toContain('articles');
  });

  it('a restore leaves user data of a restored article readable as written', async () => {
    const target = open.find((l) => l.path.endsWith('restored'))!;
    expect(await readUserData(articleDir(target.path, imageId))).toEqual(USER);
  });
});
