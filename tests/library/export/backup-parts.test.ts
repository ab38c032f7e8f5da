/**
 * The backup's parts called directly, without a library, a worker or jsdom, so that each mutant of the backup
 * group costs a fraction of a second: the manifest and its refusals, telling a backup from other zips, the
 * merges of tags, user data and saved searches, writing a backup from article folders made by hand, where
 * each zip entry of a backup belongs, and restoring real backup zips into a real ArticleStore with every
 * failure named by its entry and reason. backup-restore.test.ts does the same round trip through a library.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yauzl from 'yauzl';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoredArticle } from '../../../common/article';
import { OffprintError } from '../../../common/errors';
import { SAVED_SEARCHES_FILE, type SavedSearch } from '../../../common/saved-search';
import { DEFAULT_SEARCH } from '../../../common/search';
import type { Highlight, UserData } from '../../../common/user-data';
import { firstEntryIsManifest, isBackupZip } from '../../../main/library/export/backup-detect';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST,
  backupManifest,
  parseManifest,
} from '../../../main/library/export/backup-format';
import { mergeSavedSearches } from '../../../main/library/export/merge-saved-searches';
import { mergeTags, mergeUserData } from '../../../main/library/export/merge-user-data';
import { offprintVersion } from '../../../main/library/export/offprint-version';
import { placeOf, type RestoreReport, restoreBackup } from '../../../main/library/export/restore-backup';
import { writeBackup } from '../../../main/library/export/write-backup';
import { zipBuffer } from '../../../main/library/export/zip-buffer';
import { megabytes, setImportLimits } from '../../../main/library/import/limits';
import { articleId } from '../../../main/library/store/article-folder';
import { ArticleStore } from '../../../main/library/store/article-store';
import { toCatalogEntry } from '../../../main/library/store/catalog';
import { DESCRIPTOR_FILE } from '../../../main/library/store/descriptor';
import { readSavedSearches, writeSavedSearches } from '../../../main/library/store/saved-searches';
import { readUserData, writeUserData } from '../../../main/library/store/user-data';
import { deflatedEntry, type RawZipEntry, writeZip } from '../../helpers/hostile-catalogue/bombs';
import { REPO, removeDir, tempDir } from '../../helpers/temp-library';
import { makeZip, type ZipEntrySpec } from '../import/zip-writer';

let root: string;
beforeAll(async () => {
  root = await tempDir('offprint-backup-parts-');
});
afterAll(async () => {
  await removeDir(root);
});
afterEach(() => {
  setImportLimits();
  vi.useRealTimers();
});

let dirs = 0;
/** A new empty folder under root for one test. */
async function freshDir(name: string): Promise<string> {
  const dir = path.join(root, `${name}-${++dirs}`);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

const ARROW = ' › ';

function stored(original: string, extra: Partial<StoredArticle> = {}): StoredArticle {
  return {
    formatVersion: 1,
    id: articleId(Buffer.from(original)),
    source: 'note.txt',
    importer: 'plain-text',
    encoding: 'utf-8',
    original: 'original.txt',
    importedAt: '2024-03-06T08:00:00.000Z',
    previousVersion: null,
    resources: [],
    title: `About ${original.slice(0, 12)}`,
    subtitle: null,
    author: null,
    site: null,
    url: null,
    published: null,
    category: null,
    tags: [],
    text: original,
    html: null,
    previousTitle: null,
    nextTitle: null,
    linkOnly: false,
    ...extra,
  };
}

const highlight = (id: string, start: number, note = ''): Highlight => ({
  id,
  color: 'yellow',
  quote: { type: 'TextQuoteSelector', exact: 'harbour', prefix: 'The ', suffix: ' wall' },
  position: { type: 'TextPositionSelector', start, end: start + 7 },
  note,
  created: '2024-03-06T08:00:00.000Z',
  modified: '2024-03-06T08:00:00.000Z',
});

const user = (reading: Partial<UserData['reading']>, note = '', highlights: Highlight[] = []): UserData => ({
  reading: { read: false, readAt: null, starred: false, position: 0, ...reading },
  note,
  highlights,
});

const search = (id: string, name: string): SavedSearch => ({
  id,
  name,
  criteria: { ...DEFAULT_SEARCH, query: name.toLowerCase() },
  created: '2024-03-06T08:00:00.000Z',
});

const SAVED = {
  format: 'offprint-saved-searches',
  formatVersion: 1,
  searches: [search('1111111111111111', 'Coast')],
};

const MANIFEST = JSON.stringify({ format: 'offprint-backup', formatVersion: 1, articles: 2 });
const folderOf = (id: string) => `articles/${id.slice(0, 2)}/${id}/`;

/** Article A: a page with one image and user data. B: a plain note without user data. */
const A = stored('The harbour wall was rebuilt in 1954 after the storm.', {
  original: 'original.html',
  resources: ['wall.png'],
  tags: ['pages', 'Region/North'],
  title: 'The harbour wall',
});
const B = stored('Eels leave the river every autumn for the Sargasso Sea.', { tags: ['nature'] });
const A_ORIGINAL = 'The harbour wall was rebuilt in 1954 after the storm.';
const B_ORIGINAL = 'Eels leave the river every autumn for the Sargasso Sea.';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const A_USER = user(
  { read: true, readAt: '2024-03-06T08:00:00.000Z', starred: true, position: 0.5 },
  'Rebuilt.',
  [highlight('00000000000000aa', 4, 'check this')],
);
const userFile = (data: UserData) =>
  JSON.stringify({ format: 'offprint-user-data', formatVersion: 1, ...data });

/** The entries of a well-formed backup of A and B, as writeBackup lays them out. */
function backupEntries(): ZipEntrySpec[] {
  return [
    { name: BACKUP_MANIFEST, data: MANIFEST },
    { name: DESCRIPTOR_FILE, data: '{"format":"offprint-library"}' },
    { name: SAVED_SEARCHES_FILE, data: JSON.stringify(SAVED) },
    { name: `${folderOf(A.id)}article.json`, data: JSON.stringify(A) },
    { name: `${folderOf(A.id)}original.html`, data: A_ORIGINAL },
    { name: `${folderOf(A.id)}resources/wall.png`, data: PNG },
    { name: `${folderOf(A.id)}user.json`, data: userFile(A_USER) },
    { name: `${folderOf(B.id)}article.json`, data: JSON.stringify(B) },
    { name: `${folderOf(B.id)}original.txt`, data: B_ORIGINAL },
  ];
}

type Call = [string, ...string[]];
function recorder(): { calls: Call[]; report: RestoreReport } {
  const calls: Call[] = [];
  return {
    calls,
    report: {
      restored: (id, title, source) => void calls.push(['restored', id, title, source]),
      merged: (id, source) => void calls.push(['merged', id, source]),
      failed: (source, reason) => void calls.push(['failed', source, reason]),
    },
  };
}

/** Restores `zip` (bytes, or a file written from them) into `store`, committed; returns the report's calls. */
async function restore(
  store: ArticleStore,
  zip: Buffer | null,
  options: { name?: string; onDisk?: boolean; signal?: AbortSignal } = {},
): Promise<Call[]> {
  const name = options.name ?? 'b.zip';
  let file: string | null = null;
  if (zip && options.onDisk) {
    file = path.join(await freshDir('zips'), name);
    await fs.writeFile(file, zip);
  }
  const { calls, report } = recorder();
  await restoreBackup({ name, path: file, bytes: file ? null : zip }, store, report, options.signal);
  await store.commit();
  return calls;
}

async function emptyStore(): Promise<ArticleStore> {
  return ArticleStore.open(await freshDir('library'));
}

const failures = (calls: Call[]) => calls.filter((c) => c[0] === 'failed');

async function zipNames(bytes: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e || !z ? reject(e) : resolve(z))),
  );
  const out: Array<{ name: string; data: Buffer }> = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}
/** The files under `dir` this process has open (read through /proc/self/fd). */
async function openUnder(dir: string): Promise<string[]> {
  const targets = await Promise.all(
    (await fs.readdir('/proc/self/fd')).map((fd) => fs.readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  );
  return targets.filter((t) => t.startsWith(`${dir}${path.sep}`));
}

describe('the manifest', () => {
  it('names the format, its version, the time, the article count and the Offprint that wrote it', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(backupManifest(3, new Date('2024-03-06T08:00:00.000Z'))).toEqual({
      format: 'offprint-backup',
      formatVersion: 1,
      created: '2024-03-06T08:00:00.000Z',
      articles: 3,
      offprint: pkg.version,
    });
    expect([BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MANIFEST]).toEqual([
      'offprint-backup',
      1,
      'offprint-backup.json',
    ]);
    // Without a time it is now.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-02T03:04:05.678Z'));
    expect(backupManifest(0).created).toBe('2025-01-02T03:04:05.678Z');
  });

  it('is the version in package.json, read once', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(offprintVersion()).toBe(pkg.version);
    expect(offprintVersion()).toBe(pkg.version);
  });

  it('walks up at most six folders for the package.json that names Offprint with a version, once', async () => {
    const module = await fs.readFile(path.join(REPO, 'main', 'library', 'export', 'offprint-version.ts'));
    const base = await freshDir('version');
    /** The module's own copy, in a folder `folders` below base; each copy keeps its own cache. */
    const copy = async (...folders: string[]): Promise<() => string> => {
      const dir = path.join(base, ...folders);
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, 'offprint-version.ts'), module);
      const loaded = (await import(pathToFileURL(path.join(dir, 'offprint-version.ts')).href)) as {
        offprintVersion: () => string;
      };
      return loaded.offprintVersion;
    };
    const pkg = (folder: string, data: object) =>
      fs.writeFile(path.join(base, folder, 'package.json'), JSON.stringify(data));
    // Nearer package.json files name another package, or Offprint without a version in words.
    const nested = await copy('near', 'p1', 'p2', 'p3');
    await pkg('near', { name: 'offprint', version: '9.9.9' });
    await pkg('near/p1', { name: 'offprint', version: 3 });
    await pkg('near/p1/p2', { name: 'other', version: '1.0.0' });
    expect(nested()).toBe('9.9.9');
    // Read once: a later change is not seen.
    await pkg('near', { name: 'offprint', version: '9.9.10' });
    expect(nested()).toBe('9.9.9');
    // Seven folders up is too far: unknown.
    const far = await copy('far', 'a', 'b', 'c', 'd', 'e', 'f', 'g');
    await pkg('far/a', { name: 'offprint', version: '7.7.7' });
    expect(far()).toBe('unknown');
    const six = await copy('six', 'b', 'c', 'd', 'e', 'f', 'g');
    await pkg('six/b', { name: 'offprint', version: '6.6.6' });
    expect(six()).toBe('6.6.6');
  });

  it('parses a manifest of this version back as it was written', () => {
    const manifest = backupManifest(2, new Date('2024-03-06T08:00:00.000Z'));
    expect(parseManifest(JSON.stringify(manifest), 'b.zip')).toEqual(manifest);
  });

  it('refuses damaged, foreign and newer manifests with the backup named and why', () => {
    const refusal = (raw: string): unknown => {
      try {
        parseManifest(raw, 'b.zip');
      } catch (error) {
        expect(error).toBeInstanceOf(OffprintError);
        return { kind: (error as OffprintError).kind, message: (error as Error).message };
      }
      return 'accepted';
    };
    const notOurs = {
      kind: 'failed',
      message: 'b.zip: its offprint-backup.json is not an Offprint backup manifest.',
    };
    expect(refusal('{"format":')).toEqual({
      kind: 'failed',
      message: 'b.zip: its offprint-backup.json is damaged (not valid JSON).',
    });
    expect(refusal('null')).toEqual(notOurs);
    expect(refusal('[]')).toEqual(notOurs);
    expect(refusal('{"format":"offprint-library","formatVersion":1}')).toEqual(notOurs);
    // Ours by name but without a version, or a version no Offprint wrote: not a manifest either.
    expect(refusal('{"format":"offprint-backup"}')).toEqual(notOurs);
    expect(refusal('{"format":"offprint-backup","formatVersion":0}')).toEqual(notOurs);
    expect(refusal('{"format":"offprint-backup","formatVersion":2}')).toEqual({
      kind: 'failed',
      message:
        'b.zip was written by a newer Offprint (backup format 2; this version reads up to 1). Update Offprint to ' +
        'open it. Nothing was restored.',
    });
    expect(refusal('{"format":"offprint-backup","formatVersion":1}')).toBe('accepted');
  });
});

describe('telling a backup from other zips', () => {
  /** A first local header naming `name`, in a buffer of its own (nothing readable past its end). */
  const head = (name: string, signature = 0x04034b50, length = 30 + name.length) => {
    const bytes = Buffer.alloc(30 + name.length);
    bytes.writeUInt32LE(signature, 0);
    bytes.writeUInt16LE(name.length, 26);
    bytes.write(name, 30, 'latin1');
    return new Uint8Array(bytes.subarray(0, length));
  };

  it('reads only the first local header: its signature, name length and name', () => {
    expect(firstEntryIsManifest(head(BACKUP_MANIFEST))).toBe(true);
    // Exactly as long as the header and the name: enough.
    expect(head(BACKUP_MANIFEST).length).toBe(50);
    expect(firstEntryIsManifest(head(BACKUP_MANIFEST, 0x02014b50))).toBe(false);
    expect(firstEntryIsManifest(head('offprint-backup.jsom'))).toBe(false);
    expect(firstEntryIsManifest(head(`x${BACKUP_MANIFEST}`))).toBe(false);
    expect(firstEntryIsManifest(head('offprint-backup.jso'))).toBe(false);
    // One byte short of the name (a copy, so nothing past it can be read), or only the signature: not a backup.
    expect(firstEntryIsManifest(head(BACKUP_MANIFEST, 0x04034b50, 49))).toBe(false);
    expect(firstEntryIsManifest(head(BACKUP_MANIFEST, 0x04034b50, 4))).toBe(false);
    expect(firstEntryIsManifest(new Uint8Array(0))).toBe(false);
  });

  it('looks at bytes, or at a file on disk named .zip, and nothing else', async () => {
    const backup = await zipBuffer([
      { name: BACKUP_MANIFEST, data: MANIFEST },
      { name: 'other.txt', data: 'x' },
    ]);
    const other = await zipBuffer([
      { name: 'other.txt', data: 'x' },
      { name: BACKUP_MANIFEST, data: MANIFEST },
    ]);
    expect(await isBackupZip({ name: 'a', path: null, bytes: backup })).toBe(true);
    expect(await isBackupZip({ name: 'a', path: null, bytes: other })).toBe(false);
    const dir = await freshDir('detect');
    const file = path.join(dir, 'b.bin');
    await fs.writeFile(file, backup);
    const short = path.join(dir, 'short.zip');
    await fs.writeFile(short, backup.subarray(0, 49));
    expect(await isBackupZip({ name: 'b.zip', path: file, bytes: null })).toBe(true);
    expect(await isBackupZip({ name: 'B.ZIP', path: file, bytes: null })).toBe(true);
    // Another name is never opened, whatever the file holds.
    expect(await isBackupZip({ name: 'b.zip.txt', path: file, bytes: null })).toBe(false);
    expect(await isBackupZip({ name: 'bzip', path: file, bytes: null })).toBe(false);
    expect(await isBackupZip({ name: 'short.zip', path: short, bytes: null })).toBe(false);
    expect(await isBackupZip({ name: 'gone.zip', path: path.join(dir, 'gone.zip'), bytes: null })).toBe(
      false,
    );
    expect(await isBackupZip({ name: 'b.zip', path: null, bytes: null })).toBe(false);
  });

  it('is no backup, and no error, when the first name is longer than the manifest name', async () => {
    const name = 'a-first-entry-named-at-length.txt';
    // Only 50 bytes, in a buffer of their own: the name runs past them.
    expect(firstEntryIsManifest(head(name, 0x04034b50, 50))).toBe(false);
    const dir = await freshDir('detect-long');
    const file = path.join(dir, 'other.zip');
    await fs.writeFile(file, await zipBuffer([{ name, data: 'x' }]));
    expect(await isBackupZip({ name: 'other.zip', path: file, bytes: null })).toBe(false);
    // The file it opened is closed again.
    expect(await openUnder(dir)).toEqual([]);
  });
});

describe('merging what the reader added', () => {
  it('unites tags case-insensitively, keeping the library spelling and order', () => {
    expect(mergeTags(['region/north', 'Mine'], ['pages', 'Region/North', 'PAGES', 'mine'])).toEqual([
      'region/north',
      'Mine',
      'pages',
    ]);
    expect(mergeTags([], ['a', 'b'])).toEqual(['a', 'b']);
    expect(mergeTags(['a'], [])).toEqual(['a']);
    const target = ['a'];
    mergeTags(target, ['b']);
    expect(target).toEqual(['a']);
  });

  it('reads read and starred from either side, with the later read time', () => {
    const earlier = '2024-01-01T00:00:00.000Z';
    const later = '2024-02-01T00:00:00.000Z';
    expect(mergeUserData(user({}), user({ read: true, readAt: later })).reading).toEqual({
      read: true,
      readAt: later,
      starred: false,
      position: 0,
    });
    expect(
      mergeUserData(user({ read: true, readAt: later }), user({ read: true, readAt: earlier })).reading
        .readAt,
    ).toBe(later);
    expect(
      mergeUserData(user({ read: true, readAt: earlier }), user({ read: true, readAt: later })).reading
        .readAt,
    ).toBe(later);
    expect(mergeUserData(user({ read: true, readAt: earlier }), user({})).reading).toEqual({
      read: true,
      readAt: earlier,
      starred: false,
      position: 0,
    });
    // Unread on both sides: no read time, whatever a side remembers.
    expect(mergeUserData(user({ readAt: earlier }), user({ readAt: later })).reading.readAt).toBeNull();
    expect(mergeUserData(user({ read: true }), user({})).reading).toEqual({
      read: true,
      readAt: null,
      starred: false,
      position: 0,
    });
    expect(mergeUserData(user({ starred: true }), user({})).reading.starred).toBe(true);
    expect(mergeUserData(user({}), user({ starred: true })).reading.starred).toBe(true);
    expect(mergeUserData(user({}), user({})).reading.starred).toBe(false);
    expect(mergeUserData(user({ position: 0.2 }), user({ position: 0.7 })).reading.position).toBe(0.2);
    expect(mergeUserData(user({ position: 0 }), user({ position: 0.7 })).reading.position).toBe(0.7);
  });

  it("keeps the library's note unless it is blank, and unites highlights by id in text order", () => {
    expect(mergeUserData(user({}, 'mine'), user({}, 'theirs')).note).toBe('mine');
    expect(mergeUserData(user({}, ' \n'), user({}, 'theirs')).note).toBe('theirs');
    expect(mergeUserData(user({}, ''), user({}, 'theirs')).note).toBe('theirs');
    const merged = mergeUserData(
      user({}, '', [highlight('bb', 40, 'mine'), highlight('cc', 90)]),
      user({}, '', [highlight('bb', 40, 'theirs'), highlight('aa', 4), highlight('dd', 60)]),
    );
    expect(merged.highlights.map((h) => [h.id, h.position.start, h.note])).toEqual([
      ['aa', 4, ''],
      ['bb', 40, 'mine'],
      ['dd', 60, ''],
      ['cc', 90, ''],
    ]);
  });

  it('adds the backup saved searches the library lacks, by id, and writes only when one is new', async () => {
    const dir = await freshDir('searches');
    expect(await mergeSavedSearches(dir, [])).toBe(0);
    await expect(fs.stat(path.join(dir, SAVED_SEARCHES_FILE))).rejects.toThrow();
    expect(await mergeSavedSearches(dir, [search('1111111111111111', 'Coast')])).toBe(1);
    expect(await readSavedSearches(dir)).toEqual([search('1111111111111111', 'Coast')]);
    const renamed = { ...search('1111111111111111', 'Renamed') };
    expect(
      await mergeSavedSearches(dir, [
        renamed,
        search('2222222222222222', 'Eels'),
        search('3333333333333333', 'Tide'),
      ]),
    ).toBe(2);
    expect((await readSavedSearches(dir)).map((s) => s.name)).toEqual(['Coast', 'Eels', 'Tide']);
    const before = await fs.readFile(path.join(dir, SAVED_SEARCHES_FILE));
    await fs.utimes(path.join(dir, SAVED_SEARCHES_FILE), new Date(0), new Date(0));
    expect(await mergeSavedSearches(dir, [renamed])).toBe(0);
    expect((await fs.stat(path.join(dir, SAVED_SEARCHES_FILE))).mtimeMs).toBe(0);
    expect(await fs.readFile(path.join(dir, SAVED_SEARCHES_FILE))).toEqual(before);
  });

  it("refuses a library's saved searches from a newer Offprint and leaves them as they are", async () => {
    const dir = await freshDir('searches-newer');
    const newer = JSON.stringify({ format: 'offprint-saved-searches', formatVersion: 9, searches: [] });
    await fs.writeFile(path.join(dir, SAVED_SEARCHES_FILE), newer);
    await expect(mergeSavedSearches(dir, [search('1111111111111111', 'Coast')])).rejects.toThrow(
      /was written by a newer Offprint \(saved searches format 9/,
    );
    expect(await fs.readFile(path.join(dir, SAVED_SEARCHES_FILE), 'utf8')).toBe(newer);
  });
});

describe('writing a backup', () => {
  /** A library folder made by hand: the descriptor, A (with image and user data) and B, and saved searches. */
  async function handLibrary(
    withSearches: boolean,
  ): Promise<{ dir: string; source: Parameters<typeof writeBackup>[0] }> {
    const dir = await freshDir('source');
    await fs.writeFile(path.join(dir, DESCRIPTOR_FILE), '{"format":"offprint-library"}');
    if (withSearches) await writeSavedSearches(dir, SAVED.searches);
    const articleDir = (id: string) => path.join(dir, 'articles', id.slice(0, 2), id);
    for (const [article, original] of [
      [A, A_ORIGINAL],
      [B, B_ORIGINAL],
    ] as const) {
      await fs.mkdir(path.join(articleDir(article.id), 'resources'), { recursive: true });
      await fs.writeFile(path.join(articleDir(article.id), 'article.json'), JSON.stringify(article));
      await fs.writeFile(path.join(articleDir(article.id), article.original), original);
    }
    await fs.writeFile(path.join(articleDir(A.id), 'resources', 'wall.png'), PNG);
    await writeUserData(articleDir(A.id), A_USER);
    return { dir, source: { libraryDir: dir, articles: [toCatalogEntry(A), toCatalogEntry(B)], articleDir } };
  }

  it('writes the manifest first, then the descriptor, saved searches and each folder, and says what it wrote', async () => {
    const { dir, source } = await handLibrary(true);
    const out = await freshDir('out');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-01T10:00:00.000Z'));
    const result = await writeBackup(source, path.join(out, 'lib.zip'));
    vi.useRealTimers();
    const bytes = await fs.readFile(path.join(out, 'lib.zip'));
    expect(result).toEqual({
      path: path.join(await fs.realpath(out), 'lib.zip'),
      articles: 2,
      bytes: bytes.length,
    });
    // Nothing else is left beside it (the temporary file was renamed).
    expect(await fs.readdir(out)).toEqual(['lib.zip']);
    const entries = await zipNames(bytes);
    expect(entries.map((e) => e.name)).toEqual([
      'offprint-backup.json',
      'offprint-library.json',
      'saved-searches.json',
      `${folderOf(A.id)}article.json`,
      `${folderOf(A.id)}original.html`,
      `${folderOf(A.id)}resources/wall.png`,
      `${folderOf(A.id)}user.json`,
      `${folderOf(B.id)}article.json`,
      `${folderOf(B.id)}original.txt`,
    ]);
    expect(JSON.parse(entries[0]!.data.toString('utf8'))).toEqual({
      format: 'offprint-backup',
      formatVersion: 1,
      created: '2024-05-01T10:00:00.000Z',
      articles: 2,
      offprint: offprintVersion(),
    });
    for (const entry of entries.slice(1))
      expect(entry.data.equals(await fs.readFile(path.join(dir, ...entry.name.split('/')))), entry.name).toBe(
        true,
      );
    expect(firstEntryIsManifest(bytes)).toBe(true);
  });

  it('leaves out saved searches the library does not have, and replaces an earlier backup whole', async () => {
    const { source } = await handLibrary(false);
    const out = await freshDir('out');
    const target = path.join(out, 'lib.zip');
    await fs.writeFile(target, 'an older backup');
    await writeBackup(source, target);
    const names = (await zipNames(await fs.readFile(target))).map((e) => e.name);
    expect(names.slice(0, 3)).toEqual([
      'offprint-backup.json',
      'offprint-library.json',
      `${folderOf(A.id)}article.json`,
    ]);
    expect(names).not.toContain(SAVED_SEARCHES_FILE);
  });

  it('refuses a relative path, a missing folder, a folder, and anywhere inside the library', async () => {
    const { dir, source } = await handLibrary(false);
    const out = await freshDir('out');
    const refusal = async (target: string) =>
      writeBackup(source, target).then(
        () => 'written',
        (error: OffprintError) => ({ kind: error.kind, message: error.message }),
      );
    expect(await refusal('lib.zip')).toEqual({
      kind: 'invalid-argument',
      message: 'The backup path must be absolute (got lib.zip).',
    });
    expect(await refusal(path.join(out, 'no', 'lib.zip'))).toEqual({
      kind: 'invalid-argument',
      message: `The folder ${path.join(out, 'no')} does not exist; the backup was not written.`,
    });
    await fs.mkdir(path.join(out, 'lib.zip'));
    expect(await refusal(path.join(out, 'lib.zip'))).toEqual({
      kind: 'invalid-argument',
      message: `${path.join(out, 'lib.zip')} is a folder; name the zip file to write.`,
    });
    // A folder in the library whose name starts with two dots is in the library all the same.
    await fs.mkdir(path.join(dir, '..backups'));
    for (const target of [
      path.join(dir, 'b.zip'),
      path.join(dir, 'articles', 'b.zip'),
      path.join(dir, '..backups', 'b.zip'),
    ])
      expect(await refusal(target)).toEqual({
        kind: 'invalid-argument',
        message: `${target} is inside the library folder ${dir}; write the backup somewhere else.`,
      });
    // Through a link into the library, too: the real folder counts.
    await fs.symlink(dir, path.join(out, 'link'));
    expect(await refusal(path.join(out, 'link', 'b.zip'))).toMatchObject({
      message: `${path.join(out, 'link', 'b.zip')} is inside the library folder ${dir}; write the backup somewhere else.`,
    });
    // Beside the library, in a folder whose name starts like it or with dots, is outside it.
    await fs.mkdir(`${dir}-backups`);
    expect(await refusal(`${dir}-backups/b.zip`)).toBe('written');
    expect(await fs.readdir(out)).toEqual(['lib.zip', 'link']);
  });

  it('fails whole when a file cannot be read, naming the target, and leaves nothing behind', async () => {
    const { dir, source } = await handLibrary(false);
    await fs.rm(path.join(dir, 'articles', B.id.slice(0, 2), B.id, 'original.txt'));
    const out = await freshDir('out');
    const target = path.join(out, 'lib.zip');
    await fs.writeFile(target, 'an older backup');
    const error = await writeBackup(source, target).catch((e: OffprintError) => e);
    expect(error).toBeInstanceOf(OffprintError);
    expect((error as OffprintError).kind).toBe('failed');
    expect((error as Error).message).toMatch(
      new RegExp(
        `^The backup could not be written to ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`,
      ),
    );
    expect(await fs.readdir(out)).toEqual(['lib.zip']);
    expect(await fs.readFile(target, 'utf8')).toBe('an older backup');
  });

  it('writes a backup only its owner can read, and may write it beside the library', async () => {
    const { dir, source } = await handLibrary(false);
    const target = path.join(path.dirname(dir), `${path.basename(dir)}.zip`);
    const result = await writeBackup(source, target);
    expect(result.path).toBe(path.join(await fs.realpath(path.dirname(dir)), path.basename(target)));
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('zipBuffer', () => {
  it('zips text and bytes under their names, in order', async () => {
    const bytes = await zipBuffer([
      { name: 'a.txt', data: 'héllo' },
      { name: 'dir/b.bin', data: new Uint8Array([0, 1, 2, 255]) },
    ]);
    expect((await zipNames(bytes)).map((e) => [e.name, [...e.data]])).toEqual([
      ['a.txt', [...Buffer.from('héllo')]],
      ['dir/b.bin', [0, 1, 2, 255]],
    ]);
    expect(await zipNames(await zipBuffer([]))).toEqual([]);
  });
});

describe('where a backup entry belongs', () => {
  const id = A.id;
  const inFolder = (file: string) => `${folderOf(id)}${file}`;
  const layout = { refused: "it is not part of an Offprint backup's layout" };

  it('takes the descriptor, saved searches and the known files of an article folder', () => {
    expect(placeOf('offprint-library.json')).toEqual({ kind: 'descriptor' });
    expect(placeOf('saved-searches.json')).toEqual({ kind: 'searches' });
    for (const file of [
      'article.json',
      'user.json',
      'original',
      'original.html',
      'original.a',
      'original.abcdefghij',
      'original.m4a',
      'resources/wall.png',
      'resources/a-b_c.d',
    ])
      expect(placeOf(inFolder(file)), file).toEqual({ kind: 'article', id, file });
  });

  it('refuses unsafe names with their reason, and anything outside the layout', () => {
    expect(placeOf('../evil.txt')).toEqual({ refused: 'its name points outside the archive (`..`)' });
    expect(placeOf('/etc/passwd')).toEqual({ refused: 'its name is an absolute path' });
    expect(placeOf(inFolder('../../../evil.txt'))).toEqual({
      refused: 'its name points outside the archive (`..`)',
    });
    for (const name of [
      'index/manifest.json',
      'offprint-library.json.bak',
      'x/saved-searches.json',
      'articles/ab/ab000000000000000000',
      `articles/${id.slice(0, 2)}/${id}/`,
      `articles/ff/${id}/article.json`,
      `articles/${id.slice(0, 2)}/${id.slice(0, 19)}/article.json`,
      `articles/${id.slice(0, 2)}/${id}0/article.json`,
      `articles/${id.slice(0, 2).toUpperCase()}/${id.toUpperCase()}/article.json`,
      `x/articles/${id.slice(0, 2)}/${id}/article.json`,
      `articles/${id.slice(0, 2)}/${id}/article.json/x`,
      `articles/${id.slice(0, 2)}/${id}/sub/article.json`,
    ])
      expect(placeOf(name), name).toEqual(layout);
    for (const file of [
      'notes.txt',
      'article.jsonx',
      'xuser.json',
      'original.',
      'original.HTML',
      'original.abcdefghijk',
      'xoriginal.txt',
      'original.txt.bak',
      'resources/',
      'resources/a/b.png',
      'resources/a b.png',
      'resources/.hidden',
      'resourcesx/a.png',
    ])
      expect(placeOf(inFolder(file)), file).toEqual(layout);
  });

  it('refuses a name broken by a line break, and resources anywhere but in resources/', () => {
    for (const file of ['article.json\nnotes', 'xresources/a.png', 'sub/resources/a.png'])
      expect(placeOf(inFolder(file)), file).toEqual(layout);
  });
});

describe('restoring a backup into a store', () => {
  it('restores every folder byte for byte, with its user flags, and the saved searches', async () => {
    const store = await emptyStore();
    const calls = await restore(store, makeZip(backupEntries()), { onDisk: true });
    expect(calls).toEqual([
      ['restored', A.id, 'The harbour wall', `b.zip${ARROW}${folderOf(A.id)}article.json`],
      ['restored', B.id, B.title, `b.zip${ARROW}${folderOf(B.id)}article.json`],
    ]);
    const files = async (article: StoredArticle) => {
      const dir = store.articleDir(article.id);
      return Object.fromEntries(
        await Promise.all(
          ['article.json', article.original, ...article.resources.map((r) => `resources/${r}`)].map(
            async (f) => [f, (await fs.readFile(path.join(dir, f))).toString('hex')] as const,
          ),
        ),
      );
    };
    expect(await files(A)).toEqual({
      'article.json': Buffer.from(JSON.stringify(A)).toString('hex'),
      'original.html': Buffer.from(A_ORIGINAL).toString('hex'),
      'resources/wall.png': PNG.toString('hex'),
    });
    expect(await files(B)).toEqual({
      'article.json': Buffer.from(JSON.stringify(B)).toString('hex'),
      'original.txt': Buffer.from(B_ORIGINAL).toString('hex'),
    });
    expect(await readUserData(store.articleDir(A.id))).toEqual(A_USER);
    expect(store.get(A.id)).toMatchObject({ read: true, starred: true, tags: ['pages', 'Region/North'] });
    expect(store.get(A.id)!.userStamp).toMatch(/^[0-9a-f]{16}$/);
    expect(store.get(B.id)).toMatchObject({ read: false, starred: false, userStamp: '' });
    await expect(fs.stat(path.join(store.articleDir(B.id), 'user.json'))).rejects.toThrow();
    // The descriptor of the backup is not the library's: it is never written.
    await expect(fs.stat(path.join(store.dir, DESCRIPTOR_FILE))).rejects.toThrow();
    expect(await readSavedSearches(store.dir)).toEqual(SAVED.searches);
  });

  it('restores from bytes as from a file', async () => {
    const store = await emptyStore();
    const calls = await restore(store, makeZip(backupEntries()), { name: 'up.zip' });
    expect(calls.map((c) => [c[0], c[1]])).toEqual([
      ['restored', A.id],
      ['restored', B.id],
    ]);
  });

  it('merges into articles the library has: tags united, user data merged, nothing rewritten when equal', async () => {
    const store = await emptyStore();
    await restore(store, makeZip(backupEntries()));
    await store.setTags(A.id, ['region/north', 'Mine']);
    const mine = user({ position: 0.2 }, '', [highlight('00000000000000bb', 40)]);
    await store.updateUserData([A.id], () => mine);
    const original = await fs.readFile(path.join(store.articleDir(A.id), 'original.html'));
    const calls = await restore(store, makeZip(backupEntries()));
    expect(calls).toEqual([
      ['merged', A.id, `b.zip${ARROW}${folderOf(A.id)}article.json`],
      ['merged', B.id, `b.zip${ARROW}${folderOf(B.id)}article.json`],
    ]);
    expect(store.get(A.id)!.tags).toEqual(['region/north', 'Mine', 'pages']);
    expect(store.get(A.id)).toMatchObject({ read: true, starred: true });
    const merged = await readUserData(store.articleDir(A.id));
    expect(merged.reading).toEqual({ ...A_USER.reading, position: 0.2 });
    expect(merged.note).toBe('Rebuilt.');
    expect(merged.highlights.map((h) => h.id)).toEqual(['00000000000000aa', '00000000000000bb']);
    expect(await fs.readFile(path.join(store.articleDir(A.id), 'original.html'))).toEqual(original);
    // Once more: nothing changes, so no revision is spent on either article.
    const revisions = [store.revisionOf(A.id), store.revisionOf(B.id)];
    const again = await restore(store, makeZip(backupEntries()));
    expect(failures(again)).toEqual([]);
    expect([store.revisionOf(A.id), store.revisionOf(B.id)]).toEqual(revisions);
    expect(store.get(B.id)!.tags).toEqual(['nature']);
  });

  it('merges an article restored twice before a commit (it is staged already)', async () => {
    const store = await emptyStore();
    const { calls, report } = recorder();
    const zip = makeZip(backupEntries());
    await restoreBackup({ name: 'b.zip', path: null, bytes: zip }, store, report);
    await restoreBackup({ name: 'c.zip', path: null, bytes: zip }, store, report);
    await store.commit();
    expect(calls.map((c) => c.slice(0, 2))).toEqual([
      ['restored', A.id],
      ['restored', B.id],
      ['merged', A.id],
      ['merged', B.id],
    ]);
    expect(calls[2]![2]).toBe(`c.zip${ARROW}${folderOf(A.id)}article.json`);
  });

  it('skips folders and the descriptor, and refuses entries outside the layout by name', async () => {
    const store = await emptyStore();
    const entries = backupEntries();
    const calls = await restore(
      store,
      makeZip([
        entries[0]!,
        { name: 'articles/', data: '' },
        { name: folderOf(A.id), data: '' },
        ...entries.slice(1),
        { name: '../evil.txt', data: 'evil' },
        { name: 'index/manifest.json', data: '{}' },
      ]),
    );
    expect(failures(calls)).toEqual([
      ['failed', `b.zip${ARROW}../evil.txt`, 'entry refused: its name points outside the archive (`..`)'],
      [
        'failed',
        `b.zip${ARROW}index/manifest.json`,
        "entry refused: it is not part of an Offprint backup's layout",
      ],
    ]);
    expect(calls.filter((c) => c[0] === 'restored')).toHaveLength(2);
    await expect(fs.stat(path.join(store.dir, '..', 'evil.txt'))).rejects.toThrow();
  });

  it('leaves saved searches alone when the backup has none', async () => {
    const store = await emptyStore();
    const calls = await restore(
      store,
      makeZip(backupEntries().filter((e) => e.name !== SAVED_SEARCHES_FILE)),
    );
    expect(failures(calls)).toEqual([]);
    await expect(fs.stat(path.join(store.dir, SAVED_SEARCHES_FILE))).rejects.toThrow();
  });

  it("names damaged saved searches in the backup, and the library's own when they cannot be merged", async () => {
    const damaged = backupEntries().map((e) =>
      e.name === SAVED_SEARCHES_FILE ? { ...e, data: '{"format":' } : e,
    );
    const store = await emptyStore();
    expect(failures(await restore(store, makeZip(damaged)))).toEqual([
      [
        'failed',
        `b.zip${ARROW}saved-searches.json`,
        `b.zip${ARROW}saved-searches.json is damaged (not valid JSON); it was left as it is.`,
      ],
    ]);
    const second = await emptyStore();
    await fs.writeFile(path.join(second.dir, SAVED_SEARCHES_FILE), 'not json');
    const calls = await restore(second, makeZip(backupEntries()));
    expect(failures(calls)).toEqual([
      [
        'failed',
        `b.zip${ARROW}saved-searches.json`,
        `${path.join(second.dir, SAVED_SEARCHES_FILE)} is damaged (not valid JSON); it was left as it is.`,
      ],
    ]);
    expect(calls.filter((c) => c[0] === 'restored')).toHaveLength(2);
  });

  it('refuses a folder whose entries come back after another folder', async () => {
    const entries = backupEntries();
    const [aJson, aOriginal, aImage, aUser, bJson, bOriginal] = entries.slice(3);
    const store = await emptyStore();
    const calls = await restore(
      store,
      makeZip([...entries.slice(0, 3), aJson!, aOriginal!, aImage!, bJson!, aUser!, bOriginal!]),
    );
    // A is restored when B starts; A's user.json then ends B's folder (without its original) and is refused,
    // and so is B's original after it.
    expect(calls).toEqual([
      ['restored', A.id, 'The harbour wall', `b.zip${ARROW}${folderOf(A.id)}article.json`],
      [
        'failed',
        `b.zip${ARROW}${folderOf(B.id)}original.txt`,
        'the original named by article.json is missing; not restored',
      ],
      [
        'failed',
        `b.zip${ARROW}${folderOf(A.id)}user.json`,
        `entry refused: article ${A.id} was already read earlier in the backup`,
      ],
      [
        'failed',
        `b.zip${ARROW}${folderOf(B.id)}original.txt`,
        `entry refused: article ${B.id} was already read earlier in the backup`,
      ],
    ]);
    expect(store.get(A.id)!.read).toBe(false);
  });

  it('stops before anything when the import is stopped', async () => {
    const store = await emptyStore();
    const controller = new AbortController();
    controller.abort();
    expect(await restore(store, makeZip(backupEntries()), { signal: controller.signal })).toEqual([]);
    expect(store.size).toBe(0);
  });

  it('refuses a file in a folder without resources that its article.json does not name', async () => {
    const entries = backupEntries();
    const calls = await restore(
      await emptyStore(),
      makeZip([...entries, { name: `${folderOf(B.id)}resources/extra.png`, data: PNG }]),
    );
    expect(calls.slice(1)).toEqual([
      [
        'failed',
        `b.zip${ARROW}${folderOf(B.id)}resources/extra.png`,
        'article.json does not name this file; the article was not restored',
      ],
    ]);
  });

  it('merges tags from an article.json that has no list of them as none', async () => {
    const store = await emptyStore();
    await restore(store, makeZip(backupEntries()));
    const calls = await restore(
      store,
      makeZip(
        backupEntries().map((e) =>
          e.name === `${folderOf(A.id)}article.json`
            ? { ...e, data: JSON.stringify({ ...A, tags: 'x' }) }
            : e,
        ),
      ),
    );
    expect(calls.map((c) => c[0])).toEqual(['merged', 'merged']);
    expect(store.get(A.id)!.tags).toEqual(['pages', 'Region/North']);
  });

  it('closes a backup on disk it stops reading early', async () => {
    const dir = await freshDir('zips-closed');
    const file = path.join(dir, 'b.zip');
    const entries = backupEntries();
    await fs.writeFile(file, makeZip([entries[1]!, entries[0]!, ...entries.slice(2)]));
    const { calls, report } = recorder();
    await restoreBackup({ name: 'b.zip', path: file, bytes: null }, await emptyStore(), report);
    expect(calls).toEqual([
      ['failed', 'b.zip', 'not an Offprint backup (offprint-backup.json is not its first entry)'],
    ]);
    // yauzl lets go of the file with fs.close, whose callback comes a few turns later: wait for it, by turns.
    let open = await openUnder(dir);
    for (let turn = 0; turn < 100 && open.length > 0; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      open = await openUnder(dir);
    }
    expect(open).toEqual([]);
  });
});

describe('a backup refused whole', () => {
  it('says so when there is nothing to read, or no zip', async () => {
    const store = await emptyStore();
    expect(await restore(store, null)).toEqual([['failed', 'b.zip', 'nothing to read']]);
    expect(await restore(store, Buffer.from('not a zip at all, only text'))).toEqual([
      [
        'failed',
        'b.zip',
        'not a readable zip archive: End of central directory record signature not found. Either not a zip file, or file is truncated.',
      ],
    ]);
  });

  it('refuses a zip whose first entry is not the manifest, or an empty zip', async () => {
    const store = await emptyStore();
    const entries = backupEntries();
    const reason = 'not an Offprint backup (offprint-backup.json is not its first entry)';
    expect(await restore(store, makeZip([entries[1]!, entries[0]!, ...entries.slice(2)]))).toEqual([
      ['failed', 'b.zip', reason],
    ]);
    expect(await restore(store, makeZip([]))).toEqual([['failed', 'b.zip', reason]]);
    expect(store.size).toBe(0);
  });

  it('refuses a manifest from a newer Offprint in its own words', async () => {
    const store = await emptyStore();
    const entries = backupEntries();
    entries[0] = { name: BACKUP_MANIFEST, data: '{"format":"offprint-backup","formatVersion":2}' };
    expect(await restore(store, makeZip(entries))).toEqual([
      [
        'failed',
        'b.zip',
        'b.zip was written by a newer Offprint (backup format 2; this version reads up to 1). Update Offprint to ' +
          'open it. Nothing was restored.',
      ],
    ]);
    expect(store.size).toBe(0);
  });

  it('allows eight entries per entry an archive may hold, and not one more', async () => {
    setImportLimits({ maxEntries: 1 });
    const entries = backupEntries().slice(0, 8);
    const eight = await restore(await emptyStore(), makeZip(entries));
    // Read whole, though B's original was left out to stay at eight.
    expect(eight).toEqual([
      ['restored', A.id, 'The harbour wall', `b.zip${ARROW}${folderOf(A.id)}article.json`],
      [
        'failed',
        `b.zip${ARROW}${folderOf(B.id)}original.txt`,
        'the original named by article.json is missing; not restored',
      ],
    ]);
    const nine = [...entries, { name: `${folderOf(B.id)}original.txt`, data: B_ORIGINAL }];
    expect(await restore(await emptyStore(), makeZip(nine))).toEqual([
      ['failed', 'b.zip', 'the backup has 9 entries, more than the limit of 8'],
    ]);
  });

  it('says the backup is damaged when its directory is', async () => {
    const zip = makeZip(backupEntries());
    // Break the signature of the third central directory record: the listing stops there.
    let at = -1;
    for (let n = 0; n < 3; n++) at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 1);
    zip[at + 3] = 0x09;
    const calls = await restore(await emptyStore(), zip);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.slice(0, 2)).toEqual(['failed', 'b.zip']);
    expect(calls[0]![2]).toMatch(
      /^the backup is damaged: invalid central directory file header signature: 0x9014b50$/,
    );
  });
});

describe('the zip-bomb limits in a restore', () => {
  it('stops at an entry past the expansion allowance, keeping the folders read before it', async () => {
    setImportLimits({ expansionFloorBytes: 1024, maxExpansionRatio: 2 });
    const entries = backupEntries();
    const bomb = { name: `${folderOf(B.id)}original.txt`, data: Buffer.alloc(200_000) };
    const zip = makeZip([...entries.slice(0, 7), bomb, ...entries.slice(7)]);
    for (const onDisk of [false, true]) {
      const store = await emptyStore();
      const calls = await restore(store, zip, { onDisk });
      const allowance = Math.max(1024, zip.length * 2);
      expect(calls).toEqual([
        ['restored', A.id, 'The harbour wall', `b.zip${ARROW}${folderOf(A.id)}article.json`],
        [
          'failed',
          'b.zip',
          `the archive expands past ${megabytes(allowance)} (more than 2 times its ${megabytes(zip.length)}: a zip ` +
            'bomb?); the rest was not restored',
        ],
      ]);
      expect(store.get(A.id)).toBeDefined();
      expect(store.get(B.id)).toBeUndefined();
    }
  });

  it('stops at an entry whose declared size is past the allowance, before inflating it', async () => {
    setImportLimits({ expansionFloorBytes: 1024, maxExpansionRatio: 2 });
    const entries = backupEntries();
    // It says a million bytes and holds B's original: its size alone stops the restore.
    const lying: RawZipEntry = {
      ...deflatedEntry(`${folderOf(B.id)}original.txt`, B_ORIGINAL),
      declaredSize: 1_000_000,
    };
    const raw = (e: ZipEntrySpec): RawZipEntry => deflatedEntry(e.name, Buffer.from(e.data));
    const zip = writeZip([...entries.slice(0, 8).map(raw), lying]);
    const calls = await restore(await emptyStore(), zip);
    expect(calls).toEqual([
      ['restored', A.id, 'The harbour wall', `b.zip${ARROW}${folderOf(A.id)}article.json`],
      // B's folder, read up to there, is checked before the restore stops.
      [
        'failed',
        `b.zip${ARROW}${folderOf(B.id)}original.txt`,
        'the original named by article.json is missing; not restored',
      ],
      [
        'failed',
        'b.zip',
        `the archive expands past ${megabytes(Math.max(1024, zip.length * 2))} (more than 2 times its ` +
          `${megabytes(zip.length)}: a zip bomb?); the rest was not restored`,
      ],
    ]);
  });

  it('fails one entry past the entry limit by name, and goes on', async () => {
    setImportLimits({ maxEntryBytes: 1000 });
    const big = stored(`${'x'.repeat(10)}big`, { resources: ['big.png'] });
    const calls = await restore(
      await emptyStore(),
      makeZip([
        ...backupEntries().slice(0, 3),
        { name: `${folderOf(big.id)}article.json`, data: JSON.stringify(big) },
        { name: `${folderOf(big.id)}original.txt`, data: `${'x'.repeat(10)}big` },
        { name: `${folderOf(big.id)}resources/big.png`, data: Buffer.alloc(2000, 1) },
        ...backupEntries().slice(3),
      ]),
    );
    expect(calls.slice(0, 2)).toEqual([
      [
        'failed',
        `b.zip${ARROW}${folderOf(big.id)}resources/big.png`,
        'could not be unpacked: the entry expands past 1 KB',
      ],
      [
        'failed',
        `b.zip${ARROW}${folderOf(big.id)}resources/big.png`,
        'this resource is missing; not restored',
      ],
    ]);
    expect(calls.slice(2).map((c) => c.slice(0, 2))).toEqual([
      ['restored', A.id],
      ['restored', B.id],
    ]);
  });
});

describe('an article folder refused alone', () => {
  /** Restores A's folder changed by `change` beside an intact B; returns what was said about A. */
  async function aFolder(
    change: (files: Map<string, string | Buffer>) => void,
    store?: ArticleStore,
  ): Promise<Call[]> {
    const files = new Map<string, string | Buffer>([
      ['article.json', JSON.stringify(A)],
      ['original.html', A_ORIGINAL],
      ['resources/wall.png', PNG],
      ['user.json', userFile(A_USER)],
    ]);
    change(files);
    const entries = backupEntries();
    const zip = makeZip([
      ...entries.slice(0, 3),
      ...[...files].map(([file, data]) => ({ name: `${folderOf(A.id)}${file}`, data })),
      ...entries.slice(7),
    ]);
    const target = store ?? (await emptyStore());
    const calls = await restore(target, zip);
    expect(calls.filter((c) => c[1] === B.id).map((c) => c[0])).toEqual(['restored']);
    if (calls.some((c) => c[0] === 'failed')) expect(target.get(A.id)).toBeUndefined();
    return calls.filter((c) => c[1] !== B.id);
  }
  const at = (file: string) => `b.zip${ARROW}${folderOf(A.id)}${file}`;
  const articleWith = (fields: Record<string, unknown>) => JSON.stringify({ ...A, ...fields });

  it('without article.json, or with one that is not JSON, not an article, or newer', async () => {
    expect(await aFolder((f) => f.delete('article.json'))).toEqual([
      ['failed', at(''), 'the article folder has no article.json; not restored'],
    ]);
    expect(await aFolder((f) => f.set('article.json', '{"id":'))).toEqual([
      ['failed', at('article.json'), 'it is not valid JSON; not restored'],
    ]);
    expect(await aFolder((f) => f.set('article.json', articleWith({ id: 7 })))).toEqual([
      ['failed', at('article.json'), `${at('article.json')} is not an Offprint article; not restored`],
    ]);
    expect(await aFolder((f) => f.set('article.json', articleWith({ formatVersion: 99 })))).toEqual([
      [
        'failed',
        at('article.json'),
        `${at('article.json')} was written by a newer Offprint (article format 99; this version reads up to 1). ` +
          'Update Offprint to open it; not restored',
      ],
    ]);
  });

  it('naming another id, or an original that is missing or changed', async () => {
    expect(await aFolder((f) => f.set('article.json', articleWith({ id: B.id })))).toEqual([
      ['failed', at('article.json'), `it names another id (${B.id}); not restored`],
    ]);
    expect(await aFolder((f) => f.delete('original.html'))).toEqual([
      ['failed', at('original.html'), 'the original named by article.json is missing; not restored'],
    ]);
    expect(await aFolder((f) => f.set('original.html', `${A_ORIGINAL}!`))).toEqual([
      [
        'failed',
        at('original.html'),
        'the original does not match its id (changed or damaged); not restored',
      ],
    ]);
  });

  it('with a resource missing, or a file article.json does not name', async () => {
    expect(await aFolder((f) => f.delete('resources/wall.png'))).toEqual([
      ['failed', at('resources/wall.png'), 'this resource is missing; not restored'],
    ]);
    expect(await aFolder((f) => f.set('resources/extra.png', PNG))).toEqual([
      [
        'failed',
        at('resources/extra.png'),
        'article.json does not name this file; the article was not restored',
      ],
    ]);
    expect(await aFolder((f) => f.set('original', A_ORIGINAL))).toEqual([
      ['failed', at('original'), 'article.json does not name this file; the article was not restored'],
    ]);
  });

  it('takes an article.json without a resource list as having none', async () => {
    const calls = await aFolder((f) => {
      f.set('article.json', articleWith({ resources: 'wall.png' }));
      f.delete('resources/wall.png');
    });
    expect(calls).toEqual([['restored', A.id, 'The harbour wall', at('article.json')]]);
  });

  it('with damaged user data', async () => {
    expect(await aFolder((f) => f.set('user.json', '{"format":'))).toEqual([
      ['failed', at('user.json'), `${at('user.json')} is damaged (not valid JSON). Not restored.`],
    ]);
  });

  it('when the store cannot take it', async () => {
    const store = await emptyStore();
    const add = vi.spyOn(store, 'addRestored').mockRejectedValueOnce(new Error('the disk is full'));
    const calls = await aFolder(() => undefined, store);
    add.mockRestore();
    expect(calls).toEqual([['failed', at(''), 'could not be restored: the disk is full']]);
  });
});
