/**
 * The article store called directly on a real folder, with articles built by hand (no importer, no worker, no
 * library around it): staging and committing, the journal, versions of a page, restored folders, tag and user
 * data edits (and a write failing half-way), damage found on reading and its quarantine, reconciling after a
 * crash, and every error with its message. article-store.test.ts, damage.test.ts and store-commit-race.test.ts
 * check the same through whole libraries, at seconds a test.
 */
import { mkdirSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractedArticle, StoredArticle } from '../../common/article';
import { OffprintError } from '../../common/errors';
import type { UserData } from '../../common/user-data';
import {
  type ArticleOutcome,
  ArticleStore,
  articleId,
  exists,
  JOURNAL_FILE,
  storedSource,
} from '../../main/library/store/article-store';
import { FileVersionError } from '../../main/library/store/file-versions';
import { LOCK_FILE } from '../../main/library/store/library-lock';
import { removeDir, tempDir } from '../helpers/fixtures-and-shared';

let dir: string;
const scratch: string[] = [];
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
  for (const other of scratch.splice(0)) await removeDir(other);
});

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** Above pid_max: no process has it. Another live process is this one's parent. */
const DEAD = 2 ** 22 + 4321;

function outcome(
  text: string,
  article: Partial<ExtractedArticle> = {},
  extra: Partial<ArticleOutcome> = {},
): ArticleOutcome {
  return {
    kind: 'article',
    source: '/home/ana/private/tides.txt',
    original: Buffer.from(text),
    originalName: 'tides.txt',
    encoding: 'utf-8',
    importer: 'plain-text',
    article: {
      title: 'Tides',
      subtitle: null,
      author: null,
      site: null,
      url: null,
      published: null,
      category: null,
      tags: [],
      text,
      html: null,
      previousTitle: null,
      nextTitle: null,
      linkOnly: false,
      ...article,
    },
    resources: [],
    ...extra,
  };
}

async function imported(store: ArticleStore, o: ArticleOutcome): Promise<string> {
  const added = await store.add(o);
  expect(added.kind).toBe('imported');
  await store.commit();
  return added.id;
}

/** Every file under `root`, relative, sorted. */
async function files(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true }))
    if (!entry.isDirectory()) out.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  return out.sort();
}

/** The records of the catalog shard an id is in. */
async function shard(id: string): Promise<Array<{ r: number; e?: { id: string }; d?: string }>> {
  const text = await fs.readFile(path.join(dir, 'index', 'catalog', `${id[0]}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

const headRevision = async () =>
  JSON.parse(await fs.readFile(path.join(dir, 'index', 'catalog', 'head.json'), 'utf8')).revision;

const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8'));

/** A whole article folder written by a store of its own elsewhere, copied in as another process would leave it. */
async function foreignArticle(o: ArticleOutcome): Promise<string> {
  const other = await tempDir();
  scratch.push(other);
  const store = await ArticleStore.open(other);
  const id = await imported(store, o);
  const target = path.join(dir, 'articles', id.slice(0, 2), id);
  await fs.cp(store.articleDir(id), target, { recursive: true });
  return id;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('a new library', () => {
  it('starts empty, clean, writing nothing', async () => {
    const store = await ArticleStore.open(dir);
    expect([store.size, store.needsCommit, store.stateKey, store.currentRevision]).toEqual([
      0,
      false,
      '1:1',
      1,
    ]);
    expect([store.damagedArticles, store.repairs, [...store.all()]]).toEqual([[], [], []]);
    expect(await fs.readdir(dir)).toEqual([]);
    await store.load();
    // Still nothing on disk: reconciled again, from revision 0.
    expect(store.stateKey).toBe('2:1');
    expect(store.articleDir('abcdef')).toBe(path.join(dir, 'articles', 'ab', 'abcdef'));
  });

  it('has something to save when a journal or a damaged catalog is there', async () => {
    await fs.writeFile(path.join(dir, JOURNAL_FILE), 'x');
    expect((await ArticleStore.open(dir)).needsCommit).toBe(true);
    await fs.rm(path.join(dir, JOURNAL_FILE));
    await fs.mkdir(path.join(dir, 'index', 'catalog'), { recursive: true });
    await fs.writeFile(path.join(dir, 'index', 'catalog', 'head.json'), 'not json');
    const store = await ArticleStore.open(dir);
    expect(store.needsCommit).toBe(true);
    expect(store.repairs).toEqual(['the catalog was damaged; rebuilt from the article files']);
  });

  it('has something to save when only article folders are there: whole, cut short or damaged', async () => {
    // No catalog, no journal, no temporary file: what the folders hold is all there is to save.
    const id = await foreignArticle(outcome('Articles without a catalog.'));
    const whole = await ArticleStore.open(dir);
    expect([whole.size, whole.needsCommit]).toEqual([1, true]);
    await whole.commit();
    expect([await headRevision(), (await ArticleStore.open(dir)).get(id)?.id]).toEqual([1, id]);

    const empty = await tempDir();
    scratch.push(empty);
    const cut = path.join(empty, 'articles', 'ab', 'abababababababababab');
    await fs.mkdir(cut, { recursive: true });
    const cutShort = await ArticleStore.open(empty);
    expect([cutShort.size, cutShort.needsCommit]).toEqual([0, true]);
    await cutShort.commit();
    expect(await exists(cut)).toBe(false);

    const spoiled = await tempDir();
    scratch.push(spoiled);
    const damaged = path.join(spoiled, 'articles', 'ee', 'eeeeeeeeeeeeeeeeeeee');
    await fs.mkdir(damaged, { recursive: true });
    await fs.writeFile(path.join(damaged, 'article.json'), 'not json');
    const withDamage = await ArticleStore.open(spoiled);
    expect([withDamage.size, withDamage.needsCommit]).toEqual([0, true]);
    await withDamage.commit();
    expect(await exists(path.join(spoiled, 'quarantine', 'eeeeeeeeeeeeeeeeeeee', 'article.json'))).toBe(true);
  });

  it('reports no damage for a catalog folder that never got its head', async () => {
    await fs.mkdir(path.join(dir, 'index', 'catalog'), { recursive: true });
    const store = await ArticleStore.open(dir);
    expect([store.repairs, store.needsCommit]).toEqual([[], false]);
  });

  it('says in words why its catalog cannot be read, and refuses one from a newer Offprint as it is', async () => {
    const head = path.join(dir, 'index', 'catalog', 'head.json');
    await fs.mkdir(head, { recursive: true });
    const unreadable = await rejection(ArticleStore.open(dir));
    expect(unreadable).toBeInstanceOf(OffprintError);
    expect(unreadable).toMatchObject({
      kind: 'failed',
      message: 'cannot read: it is a folder, not a file',
    });
    await fs.rm(head, { recursive: true });
    await fs.writeFile(head, JSON.stringify({ format: 'offprint-catalog', version: 99, revision: 1 }));
    expect(await rejection(ArticleStore.open(dir))).toBeInstanceOf(FileVersionError);
  });
});

describe('adding articles', () => {
  it('stages the files under the journal, then commits them with the catalog', async () => {
    const store = await ArticleStore.open(dir);
    const o = outcome(
      'High water at six.',
      { url: 'https://harbour.example/tides', tags: ['sea'] },
      {
        originalName: 'Tides.HTML',
        source: '/home/ana/private/export.zip › pages/tides.html',
        resources: [
          { name: 'map.png', bytes: Buffer.from('png') },
          { name: '../../chart.gif', bytes: Buffer.from('gif') },
          { name: 'map.png', bytes: Buffer.from('second') },
          { name: '...', bytes: Buffer.from('nothing') },
        ],
      },
    );
    const id = articleId(o.original);
    const added = await store.add(o);
    expect(added).toEqual({ kind: 'imported', id, title: 'Tides', versionOf: null });
    // Staged: temporary files and the journal, nothing the catalog or a reader sees yet.
    expect(await fs.readFile(path.join(dir, JOURNAL_FILE), 'utf8')).toMatch(ISO);
    const folder = store.articleDir(id);
    expect((await files(folder)).every((f) => f.endsWith('.tmp'))).toBe(true);
    expect(await files(folder)).toHaveLength(4);
    expect([store.size, store.get(id)]).toEqual([0, undefined]);
    expect(await store.add(o)).toEqual({ kind: 'duplicate', id });

    await store.commit();
    expect((await fs.readdir(dir)).sort()).toEqual(['articles', 'index']);
    expect(await files(folder)).toEqual([
      'article.json',
      'original.html',
      'resources/chart.gif',
      'resources/map.png',
    ]);
    expect(await fs.readFile(path.join(folder, 'resources', 'map.png'), 'utf8')).toBe('png');
    expect(await fs.readFile(path.join(folder, 'original.html'), 'utf8')).toBe('High water at six.');
    const stored: StoredArticle = await readJson(path.join(folder, 'article.json'));
    expect(stored).toEqual({
      ...o.article,
      formatVersion: 1,
      id,
      source: 'export.zip › pages/tides.html',
      importer: 'plain-text',
      encoding: 'utf-8',
      original: 'original.html',
      importedAt: expect.stringMatching(ISO),
      previousVersion: null,
      resources: ['map.png', 'chart.gif'],
    });
    expect(await store.readArticle(id)).toEqual(stored);
    const { text: _text, html: _html, ...rest } = stored;
    const entry = { ...rest, read: false, starred: false, userStamp: '' };
    expect(store.get(id)).toEqual(entry);
    expect([store.size, store.currentRevision, store.revisionOf(id), store.revisionOf('x')]).toEqual([
      1, 2, 2, 0,
    ]);
    expect([...store.all()]).toEqual([entry]);
    expect(store.needsCommit).toBe(false);
    expect(await shard(id)).toEqual([{ r: 2, e: entry }]);
    expect(await store.add(o)).toEqual({ kind: 'duplicate', id });

    const reopened = await ArticleStore.open(dir);
    expect([reopened.get(id), reopened.currentRevision, reopened.needsCommit]).toEqual([entry, 2, false]);
    expect(await reopened.readResource(id, 'map.png')).toEqual(Buffer.from('png'));
    // Only the file name counts, as the importers named it.
    expect(await reopened.readResource(id, 'pages/chart.gif')).toEqual(Buffer.from('gif'));
    for (const [article, name] of [
      [id, 'nope.png'],
      [id, '...'],
      [id, ''],
      ['0000', 'map.png'],
    ] as const)
      expect(await rejection(reopened.readResource(article, name))).toMatchObject({
        kind: 'not-found',
        message: `Article ${article} has no resource named ${name}.`,
      });
  });

  it('keeps a plain extension of at most ten letters or digits for the original, in lower case', async () => {
    const store = await ArticleStore.open(dir);
    const cases: Array<[string, string]> = [
      ['a.TXT', 'original.txt'],
      ['archive.tar.gz', 'original.gz'],
      ['a.abcdefghij', 'original.abcdefghij'],
      ['a.abcdefghijk', 'original'],
      ['a.h-m', 'original'],
      ['noextension', 'original'],
      ['.bashrc', 'original'],
      ['a.', 'original'],
    ];
    for (const [name, original] of cases) {
      const id = await imported(store, outcome(`text of ${name}`, {}, { originalName: name }));
      expect([name, (await store.readArticle(id)).original]).toEqual([name, original]);
      expect(await files(store.articleDir(id))).toEqual(['article.json', original]);
    }
  });

  it('counts the same bytes added at once, staged or being committed as one article', async () => {
    const store = await ArticleStore.open(dir);
    const o = outcome('Same bytes.');
    const id = articleId(o.original);
    const both = await Promise.all([store.add(o), store.add(o)]);
    expect(both).toEqual([
      { kind: 'imported', id, title: 'Tides', versionOf: null },
      { kind: 'duplicate', id },
    ]);
    // The same bytes arriving at every turn of the event loop while the batch is renamed into place.
    let committed = false;
    const committing = store.commit().then(() => (committed = true));
    const raced = [];
    do {
      raced.push(await store.add(o));
      await new Promise((resolve) => setImmediate(resolve));
    } while (!committed);
    await committing;
    expect(raced.length).toBeGreaterThan(2);
    for (const result of raced) expect(result).toEqual({ kind: 'duplicate', id });
    expect(store.size).toBe(1);
  });

  it('links a page saved again to the latest version before it, staged ones included', async () => {
    const store = await ArticleStore.open(dir);
    const url = 'https://harbour.example/tides';
    const first = await imported(store, outcome('Monday.', { url }));
    const second = await store.add(outcome('Tuesday.', { url }));
    expect(second).toMatchObject({ kind: 'imported', versionOf: first });
    // The second is staged only: the third is a version of it.
    const third = await store.add(outcome('Wednesday.', { url }));
    expect(third).toMatchObject({ versionOf: second.id });
    expect(await store.add(outcome('Elsewhere.', { url: 'https://harbour.example/ferries' }))).toMatchObject({
      versionOf: null,
    });
    await store.commit();
    expect((await store.readArticle(third.id)).previousVersion).toBe(second.id);
    // Pages without an address are never versions of each other.
    await imported(store, outcome('No address one.'));
    expect(await store.add(outcome('No address two.'))).toMatchObject({ versionOf: null });
    expect(await store.add(outcome('Empty address.', { url: '' }))).toMatchObject({ versionOf: null });
  });

  it('takes the latest by import date, and the last of two imported at once', async () => {
    const store = await ArticleStore.open(dir);
    const restore = async (id: string, url: string, importedAt: string) =>
      store.addRestored({ ...(await restoredArticle(id)), url, importedAt }, [
        { name: 'article.json', bytes: Buffer.from('{}') },
      ]);
    await restore('aa0000000000000000aa', 'https://a.example/', '2024-02-01T00:00:00.000Z');
    await restore('bb0000000000000000bb', 'https://a.example/', '2024-01-01T00:00:00.000Z');
    await restore('cc0000000000000000cc', 'https://c.example/', '2024-01-01T00:00:00.000Z');
    await restore('dd0000000000000000dd', 'https://c.example/', '2024-01-01T00:00:00.000Z');
    await store.commit();
    expect(await store.add(outcome('A again.', { url: 'https://a.example/' }))).toMatchObject({
      versionOf: 'aa0000000000000000aa',
    });
    expect(await store.add(outcome('C again.', { url: 'https://c.example/' }))).toMatchObject({
      versionOf: 'dd0000000000000000dd',
    });
  });

  it('stages into the folders a batch cut short left, resources folder and all, imported or restored', async () => {
    const o = outcome(
      'Cut short with its map.',
      {},
      { resources: [{ name: 'map.png', bytes: Buffer.from('png') }] },
    );
    const id = articleId(o.original);
    const restored = await restoredArticle('ab2222222222222222ab');
    // The crash left both folders with an empty resources folder, and the journal.
    for (const folder of [id, restored.id])
      await fs.mkdir(path.join(dir, 'articles', folder.slice(0, 2), folder, 'resources'), {
        recursive: true,
      });
    await fs.writeFile(path.join(dir, JOURNAL_FILE), 'interrupted');
    const store = await ArticleStore.open(dir);
    expect(await store.add(o)).toMatchObject({ kind: 'imported', id });
    const folder = [
      { name: 'original.txt', bytes: Buffer.from('Restored.') },
      { name: 'resources/a.png', bytes: Buffer.from('png') },
      { name: 'article.json', bytes: Buffer.from(JSON.stringify(restored)) },
    ];
    expect(await store.addRestored(restored, folder)).toMatchObject({ kind: 'imported', id: restored.id });
    await store.commit();
    expect(await files(store.articleDir(id))).toEqual(['article.json', 'original.txt', 'resources/map.png']);
    expect(await files(store.articleDir(restored.id))).toEqual([
      'article.json',
      'original.txt',
      'resources/a.png',
    ]);
    expect([store.size, store.repairs, await exists(path.join(dir, JOURNAL_FILE))]).toEqual([2, [], false]);
  });

  it('says in words why an article could not be staged, and lets the same bytes be added again', async () => {
    const store = await ArticleStore.open(dir);
    const o = outcome('Blocked.');
    const id = articleId(o.original);
    await fs.mkdir(path.join(dir, 'articles'), { recursive: true });
    await fs.writeFile(path.join(dir, 'articles', id.slice(0, 2)), 'a file where a folder goes');
    const error = await rejection(store.add(o));
    expect(error).toBeInstanceOf(OffprintError);
    expect(error).toMatchObject({
      kind: 'failed',
      message: `cannot write ${store.articleDir(id)}: a part of the path is not a folder`,
    });
    const restored = await rejection(store.addRestored(await restoredArticle(id), []));
    expect(restored).toMatchObject({ kind: 'failed', message: error.message });
    await fs.rm(path.join(dir, 'articles', id.slice(0, 2)));
    expect(await store.add(o)).toMatchObject({ kind: 'imported', id });
    expect(await store.addRestored(await restoredArticle('0123456789abcdef0123'), [])).toMatchObject({
      kind: 'imported',
    });
  });
});

/** A stored article as a backup holds it. */
async function restoredArticle(id: string): Promise<StoredArticle> {
  return {
    ...outcome('Restored.').article,
    title: 'Restored',
    formatVersion: 1,
    id,
    source: 'restored.txt',
    importer: 'plain-text',
    encoding: 'utf-8',
    original: 'original.txt',
    importedAt: '2023-03-04T05:06:07.000Z',
    previousVersion: 'ee0000000000000000ee',
    resources: ['a.png'],
  };
}

describe('restoring article folders', () => {
  it('stages the files as they were, with the flags given, and commits them like an import', async () => {
    const store = await ArticleStore.open(dir);
    const article = await restoredArticle('ab0000000000000000ab');
    const content = JSON.stringify({ ...article, note: 'kept byte for byte' });
    const folder = [
      { name: 'original.txt', bytes: Buffer.from('Restored.') },
      { name: 'resources/a.png', bytes: Buffer.from('png') },
      { name: 'resources/b.png', bytes: Buffer.from('png b') },
      { name: 'article.json', bytes: Buffer.from(content) },
    ];
    const flags = { read: true, starred: true, userStamp: 'abc' };
    expect(await store.addRestored(article, folder, flags)).toEqual({
      kind: 'imported',
      id: article.id,
      title: 'Restored',
      versionOf: 'ee0000000000000000ee',
    });
    expect(await fs.readFile(path.join(dir, JOURNAL_FILE), 'utf8')).toMatch(ISO);
    expect(await store.addRestored(article, folder)).toEqual({ kind: 'duplicate', id: article.id });
    expect(store.size).toBe(0);
    await store.commit();
    const target = store.articleDir(article.id);
    expect(await files(target)).toEqual([
      'article.json',
      'original.txt',
      'resources/a.png',
      'resources/b.png',
    ]);
    expect(await fs.readFile(path.join(target, 'article.json'), 'utf8')).toBe(content);
    const { text: _t, html: _h, ...entry } = article;
    expect(store.get(article.id)).toEqual({ ...entry, ...flags });
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
    expect(await store.addRestored(article, folder)).toEqual({ kind: 'duplicate', id: article.id });
    // The same folder restored twice at once, or while its batch commits, is one article.
    const twice = await restoredArticle('ef0000000000000000ef');
    const both = await Promise.all([store.addRestored(twice, []), store.addRestored(twice, [])]);
    expect(both.map((r) => r.kind)).toEqual(['imported', 'duplicate']);
    let committed = false;
    const committing = store.commit().then(() => (committed = true));
    const raced = [];
    do {
      raced.push(await store.addRestored(twice, []));
      await new Promise((resolve) => setImmediate(resolve));
    } while (!committed);
    await committing;
    expect(raced.length).toBeGreaterThan(2);
    for (const result of raced) expect(result).toEqual({ kind: 'duplicate', id: twice.id });
    // Without flags: unread, unstarred, unannotated.
    const plain = await restoredArticle('cd0000000000000000cd');
    await store.addRestored(plain, [{ name: 'original.txt', bytes: Buffer.from('x') }]);
    await store.commit();
    expect(store.get(plain.id)).toMatchObject({ read: false, starred: false, userStamp: '' });
  });
});

describe('reading an article', () => {
  it('says when the library has no such article', async () => {
    const store = await ArticleStore.open(dir);
    expect(await rejection(store.readArticle('nope'))).toMatchObject({
      kind: 'not-found',
      message: 'No article with id nope in this library.',
    });
  });

  it('takes a damaged article out of the list, says why, and quarantines it at the next commit', async () => {
    const store = await ArticleStore.open(dir);
    const damage: Array<[string, (file: string) => Promise<void>]> = [
      ['its article.json is missing', (file) => fs.rm(file)],
      ['its article.json is damaged (not valid JSON)', (file) => fs.writeFile(file, '{"id":')],
      ['its article.json is damaged (it names another id)', (file) => fs.writeFile(file, '{"id":"other"}')],
    ];
    for (const [i, [reason, spoil]] of damage.entries()) {
      const id = await imported(store, outcome(`Damaged ${i}.`));
      const keep = await imported(store, outcome(`Kept ${i}.`));
      await spoil(path.join(store.articleDir(id), 'article.json'));
      const revision = store.currentRevision;
      // Two readers at once: the article leaves the list once, at one new revision.
      const errors = await Promise.all([rejection(store.readArticle(id)), rejection(store.readArticle(id))]);
      for (const error of errors)
        expect(error).toMatchObject({
          kind: 'failed',
          message: `Article ${id} is damaged (${reason}); it was taken out of the library. Run "offprint doctor" for details.`,
        });
      expect(store.currentRevision).toBe(revision + 1);
      expect(store.damagedArticles).toEqual([
        { id, dir: store.articleDir(id), reason: `article ${id}: ${reason}` },
      ]);
      expect([store.get(id), store.size, store.needsCommit]).toEqual([undefined, i + 1, true]);
      expect(await rejection(store.readArticle(id))).toMatchObject({ kind: 'not-found' });

      await store.commit();
      expect(store.damagedArticles).toEqual([]);
      expect(store.repairs.at(-1)).toBe(`article ${id}: ${reason}; moved to ${path.join('quarantine', id)}`);
      expect(store.repairs).toHaveLength(i + 1);
      expect(await exists(store.articleDir(id))).toBe(false);
      const why = await fs.readFile(path.join(dir, 'quarantine', id, 'reason.txt'), 'utf8');
      expect(why.split('\n')[0]).toBe(`article ${id}: ${reason}`);
      expect((await shard(id)).at(-1)).toEqual({ r: revision + 1, d: id });
      expect(store.needsCommit).toBe(false);
      const reopened = await ArticleStore.open(dir);
      expect([reopened.get(id), reopened.get(keep)?.id]).toEqual([undefined, keep]);
    }
  });

  it('says in words why an article.json cannot be read, without taking it out', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Unreadable.'));
    const file = path.join(store.articleDir(id), 'article.json');
    await fs.rm(file);
    await fs.mkdir(file);
    expect(await rejection(store.readArticle(id))).toMatchObject({
      kind: 'failed',
      message: 'cannot read: it is a folder, not a file',
    });
    expect([store.size, store.damagedArticles, store.needsCommit]).toEqual([1, [], false]);
  });

  it('leaves a damaged folder that is gone or whole again by the commit where it is', async () => {
    const store = await ArticleStore.open(dir);
    const gone = await imported(store, outcome('Gone.'));
    const whole = await imported(store, outcome('Whole again.'));
    const wholeFile = path.join(store.articleDir(whole), 'article.json');
    const content = await fs.readFile(wholeFile);
    await fs.rm(path.join(store.articleDir(gone), 'article.json'));
    await fs.rm(wholeFile);
    await rejection(store.readArticle(gone));
    await rejection(store.readArticle(whole));
    expect(store.damagedArticles.map((d) => d.id)).toEqual([gone, whole]);
    await fs.rm(store.articleDir(gone), { recursive: true });
    // Written again by another process since: the next reconcile adopts it.
    await fs.writeFile(wholeFile, content);
    await store.commit();
    expect([store.damagedArticles, store.repairs]).toEqual([[], []]);
    expect(await exists(path.join(dir, 'quarantine'))).toBe(false);
    expect(await exists(wholeFile)).toBe(true);
    expect(store.size).toBe(0);
  });
  it('looks at damage found on reading again as it was found: without hashing the original', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Whole again, original changed.'));
    const file = path.join(store.articleDir(id), 'article.json');
    const content = await fs.readFile(file);
    await fs.rm(file);
    await rejection(store.readArticle(id));
    await fs.writeFile(file, content);
    // Bytes only a doctor's hash would notice: a commit does not read every original, nor this one.
    await fs.writeFile(path.join(store.articleDir(id), 'original.txt'), 'Other bytes.');
    await store.commit();
    expect([store.repairs, await exists(path.join(dir, 'quarantine'))]).toEqual([[], false]);
    expect(await files(store.articleDir(id))).toEqual(['article.json', 'original.txt']);
  });
});

describe('damage that is mended before the commit', () => {
  it('leaves a whole article that a reload named again where it is', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Torn while syncing.'));
    const file = path.join(store.articleDir(id), 'article.json');
    const whole = await fs.readFile(file);
    const lines = (await shard(id)).length;
    // Read while a sync tool was rewriting it: taken out of the list, in this process only.
    await fs.writeFile(file, '{"id":');
    await rejection(store.readArticle(id));
    expect(store.damagedArticles).toHaveLength(1);
    // Whole again, and the library refreshed: the catalog on disk still names it.
    await fs.writeFile(file, whole);
    await store.load();
    expect(store.get(id)?.id).toBe(id);
    await store.commit();
    expect([store.repairs, store.damagedArticles]).toEqual([[], []]);
    expect(await exists(path.join(dir, 'quarantine'))).toBe(false);
    expect((await store.readArticle(id)).id).toBe(id);
    // The reload forgot the removal this process had not saved: nothing of it reaches the catalog.
    expect(await shard(id)).toHaveLength(lines);
  });

  it('leaves one that a reconcile after a crash adopted where it is', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Torn at the crash.'));
    const file = path.join(store.articleDir(id), 'article.json');
    const whole = await fs.readFile(file);
    await fs.writeFile(path.join(dir, JOURNAL_FILE), 'interrupted');
    await fs.writeFile(file, '{"id":');
    const app = await ArticleStore.open(dir);
    expect([app.size, app.damagedArticles.map((d) => d.id)]).toEqual([0, [id]]);
    await fs.writeFile(file, whole);
    await app.load();
    expect(app.size).toBe(1);
    await app.commit();
    expect(app.repairs).toEqual([]);
    expect((await app.readArticle(id)).id).toBe(id);
    expect((await ArticleStore.open(dir)).get(id)?.id).toBe(id);
  });
});

describe('the journal of a batch staged into a store with unsaved changes', () => {
  // A damaged article noted on reading, or an older catalog, leaves the store with changes to save before any
  // batch begins; the batch must still write its journal before its first file, or a crash leaves its
  // temporary files in its folder where no later open looks for them.
  it('is written after a damaged article was noted, and the next open clears what a crash left', async () => {
    const store = await ArticleStore.open(dir);
    const first = await imported(store, outcome('First.'));
    await fs.rm(path.join(store.articleDir(first), 'article.json'));
    await rejection(store.readArticle(first));
    expect(store.needsCommit).toBe(true);
    const second = await store.add(outcome('Second.'));
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(true);
    // The crash: this process ends here. The next one opens, imports and commits.
    const next = await ArticleStore.open(dir);
    await imported(next, outcome('Third.'));
    expect(await exists(next.articleDir(second.id))).toBe(false);
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
  });

  it('is written into a library whose catalog is of the first format', async () => {
    const other = await ArticleStore.open(dir);
    const first = await imported(other, outcome('First.'));
    const entry = other.get(first);
    await fs.rm(path.join(dir, 'index'), { recursive: true, force: true });
    await fs.writeFile(
      path.join(dir, 'catalog.json'),
      JSON.stringify({ format: 'offprint-catalog', version: 1, revision: 7, articles: [entry] }),
    );
    const store = await ArticleStore.open(dir);
    expect(store.needsCommit).toBe(true);
    await store.add(outcome('Second.'));
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(true);
    await store.commit();
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
  });
});

describe('tags', () => {
  it('replaces the tags trimmed and without repeats, keeping the flags, in one appended revision', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Tagged.', { tags: ['old'] }));
    const other = await imported(store, outcome('Other.', { tags: ['other'] }));
    await store.updateUserData([id], (d) => ({ ...d, reading: { ...d.reading, starred: true } }));
    const revision = store.currentRevision;
    const otherRevision = store.revisionOf(other);
    const lines = (await shard(id)).length;
    const updated = await store.setTags(id, [' sea ', 'harbour', '', '  ', 'sea', 'Sea']);
    expect(updated).toEqual({ ...(await store.readArticle(id)), tags: ['sea', 'harbour', 'Sea'] });
    expect((await readJson(path.join(store.articleDir(id), 'article.json'))).tags).toEqual([
      'sea',
      'harbour',
      'Sea',
    ]);
    expect(store.get(id)).toMatchObject({ tags: ['sea', 'harbour', 'Sea'], starred: true });
    expect([store.currentRevision, store.revisionOf(id), store.revisionOf(other)]).toEqual([
      revision + 1,
      revision + 1,
      otherRevision,
    ]);
    expect(await shard(id)).toHaveLength(lines + 1);
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
    expect((await ArticleStore.open(dir)).get(id)).toMatchObject({
      tags: ['sea', 'harbour', 'Sea'],
      starred: true,
    });
  });

  it('changes nothing for no articles, or when one of them is unknown', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Tagged.', { tags: ['old'] }));
    const revision = store.currentRevision;
    expect(await store.setTagsOf(new Map())).toEqual([]);
    expect(
      await rejection(
        store.setTagsOf(
          new Map([
            [id, ['new']],
            ['nope', ['new']],
          ]),
        ),
      ),
    ).toMatchObject({ kind: 'not-found', message: 'No article with id nope in this library.' });
    expect([store.currentRevision, await headRevision(), store.get(id)?.tags]).toEqual([
      revision,
      revision,
      ['old'],
    ]);
    expect((await store.readArticle(id)).tags).toEqual(['old']);
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
  });

  it('records the articles written when another fails, then reports the failure', async () => {
    const store = await ArticleStore.open(dir);
    const good = await imported(store, outcome('Good.'));
    const bad = await imported(store, outcome('Bad.'));
    const badFile = path.join(store.articleDir(bad), 'article.json');
    const revision = store.currentRevision;
    let spoiled = false;
    /** Asked for the tags once every article was read: the bad one's file then becomes a folder. */
    class Spoiling extends Map<string, string[]> {
      override get(key: string) {
        if (key === bad && !spoiled) {
          spoiled = true;
          rmSync(badFile);
          mkdirSync(path.join(badFile, 'inside'), { recursive: true });
        }
        return super.get(key);
      }
    }
    const error = await rejection(
      store.setTagsOf(
        new Spoiling([
          [good, ['ok']],
          [bad, ['lost']],
        ]),
      ),
    );
    expect(error).not.toBeInstanceOf(OffprintError);
    expect(error.message).toContain(badFile);
    expect([store.get(good)?.tags, store.get(bad)?.tags]).toEqual([['ok'], []]);
    expect([store.currentRevision, store.revisionOf(good), store.revisionOf(bad)]).toEqual([
      revision + 1,
      revision + 1,
      3,
    ]);
    const reopened = await ArticleStore.open(dir);
    expect([reopened.get(good)?.tags, reopened.get(bad)?.tags]).toEqual([['ok'], []]);
  });
});

describe("the user's data", () => {
  const read = (d: UserData) => ({
    ...d,
    reading: { ...d.reading, read: true },
  });

  it('writes each article once, re-indexes what search sees, under one revision', async () => {
    const store = await ArticleStore.open(dir);
    const a = await imported(store, outcome('A.'));
    const b = await imported(store, outcome('B.'));
    const revision = store.currentRevision;
    const asked: string[] = [];
    const result = await store.updateUserData([a, b, a], (data, id) => {
      asked.push(id);
      return read(data);
    });
    expect(result).toEqual({ written: [a, b], reindex: 2 });
    expect(asked).toEqual([a, b]);
    expect([store.currentRevision, store.revisionOf(a), store.revisionOf(b)]).toEqual([
      revision + 1,
      revision + 1,
      revision + 1,
    ]);
    expect(store.get(a)).toMatchObject({ read: true, starred: false, userStamp: '' });
    expect((await readJson(path.join(store.articleDir(a), 'user.json'))).reading.read).toBe(true);
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
    expect(await headRevision()).toBe(revision + 1);
    expect((await ArticleStore.open(dir)).get(b)).toMatchObject({ read: true });

    const noted = await store.updateUserData([a], (data) => ({ ...data, note: 'A note.' }));
    expect(noted).toEqual({ written: [a], reindex: 1 });
    expect(store.get(a)?.userStamp).toMatch(/^[0-9a-f]{16}$/);
  });

  it('writes without a revision what search does not see, and nothing for no change', async () => {
    const store = await ArticleStore.open(dir);
    const a = await imported(store, outcome('A.'));
    const revision = store.currentRevision;
    const entry = store.get(a);
    expect(await store.updateUserData([a], (data) => data)).toEqual({ written: [], reindex: 0 });
    expect(await exists(path.join(store.articleDir(a), 'user.json'))).toBe(false);
    // Changed in place: the change gets a copy, so this is a change.
    const moved = await store.updateUserData([a], (data) => {
      data.reading.position = 0.5;
      return data;
    });
    expect(moved).toEqual({ written: [a], reindex: 0 });
    expect((await readJson(path.join(store.articleDir(a), 'user.json'))).reading.position).toBe(0.5);
    expect([store.currentRevision, await headRevision(), store.get(a)]).toEqual([revision, revision, entry]);
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
    expect(store.needsCommit).toBe(false);
    // Nor is anything else committed with it: a damaged article waits for the next commit.
    const damaged = await imported(store, outcome('Damaged.'));
    await fs.rm(path.join(store.articleDir(damaged), 'article.json'));
    await rejection(store.readArticle(damaged));
    await store.updateUserData([a], (data) => ({ ...data, reading: { ...data.reading, position: 0.7 } }));
    expect([store.damagedArticles.length, await exists(path.join(dir, 'quarantine'))]).toEqual([1, false]);
  });

  it('refuses an unknown article or a refused change before writing anything', async () => {
    const store = await ArticleStore.open(dir);
    const a = await imported(store, outcome('A.'));
    expect(await rejection(store.updateUserData([a, 'nope'], read))).toMatchObject({
      kind: 'not-found',
      message: 'No article with id nope in this library.',
    });
    const refused = new OffprintError('invalid-argument', 'no');
    expect(
      await rejection(
        store.updateUserData([a], () => {
          throw refused;
        }),
      ),
    ).toBe(refused);
    expect(await exists(path.join(store.articleDir(a), 'user.json'))).toBe(false);
    expect(store.get(a)?.read).toBe(false);
  });

  it('records the articles written when another fails, then reports the failure', async () => {
    const store = await ArticleStore.open(dir);
    const good = await imported(store, outcome('Good.'));
    const bad = await imported(store, outcome('Bad.'));
    const revision = store.currentRevision;
    const error = await rejection(
      store.updateUserData([good, bad], (data, id) => {
        // Read already: the bad article's user.json becomes a folder before it is written.
        if (id === bad)
          mkdirSync(path.join(store.articleDir(bad), 'user.json', 'inside'), { recursive: true });
        return read(data);
      }),
    );
    expect(error.message).toContain(path.join(store.articleDir(bad), 'user.json'));
    expect([store.get(good)?.read, store.get(bad)?.read]).toEqual([true, false]);
    expect([store.currentRevision, store.revisionOf(good), store.revisionOf(bad)]).toEqual([
      revision + 1,
      revision + 1,
      3,
    ]);
    expect((await ArticleStore.open(dir)).get(good)?.read).toBe(true);
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
  });
  it('keeps the journal when the catalog cannot take a change search sees: the next open adopts it', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Read, then the catalog failed.'));
    const shardFile = path.join(dir, 'index', 'catalog', `${id[0]}.jsonl`);
    const shardText = await fs.readFile(shardFile);
    await fs.rm(shardFile);
    await fs.mkdir(shardFile);
    expect((await rejection(store.updateUserData([id], read))).message).toBe(
      `The import could not be saved: cannot open ${shardFile}: it is a folder, not a file`,
    );
    await fs.rm(shardFile, { recursive: true });
    await fs.writeFile(shardFile, shardText);
    // As after a crash between user.json and the catalog: the catalog on disk has the article unread.
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(true);
    const reopened = await ArticleStore.open(dir);
    expect(reopened.get(id)).toMatchObject({ read: true });
  });
});

describe('committing', () => {
  it('with nothing staged keeps the revision and appends nothing', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('A.'));
    const before = await shard(id);
    await store.commit();
    await store.commit();
    expect([store.currentRevision, await headRevision(), await shard(id)]).toEqual([2, 2, before]);
  });

  it('says in words why a batch could not be saved, and lets its bytes be added again', async () => {
    const store = await ArticleStore.open(dir);
    const o = outcome('Lost temp.');
    const { id } = await store.add(o);
    const folder = store.articleDir(id);
    const temp = (await fs.readdir(folder)).find((n) => n.startsWith('original.'))!;
    await fs.rm(path.join(folder, temp));
    const error = await rejection(store.commit());
    expect(error).toMatchObject({
      kind: 'failed',
      message: `The import could not be saved: cannot write ${path.join(folder, temp)}: it does not exist`,
    });
    expect(store.size).toBe(0);
    expect(await store.add(o)).toMatchObject({ kind: 'imported', id });
    await store.commit();
    expect(store.get(id)?.original).toBe('original.txt');

    await fs.rm(path.join(dir, 'index', 'catalog'), { recursive: true });
    await fs.writeFile(path.join(dir, 'index', 'catalog'), 'a file where a folder goes');
    await store.add(outcome('B.'));
    expect((await rejection(store.commit())).message).toMatch(
      /^The import could not be saved: cannot write .*catalog.*: (it already exists|a part of the path is not a folder)$/,
    );
  });

  it('renames article.json last: a batch stopped at its original leaves no article.json', async () => {
    const store = await ArticleStore.open(dir);
    const o = outcome(
      'Stopped at its original.',
      {},
      { resources: [{ name: 'a.png', bytes: Buffer.from('png') }] },
    );
    const { id } = await store.add(o);
    const folder = store.articleDir(id);
    const temp = (await fs.readdir(folder)).find((n) => n.startsWith('original.'))!;
    await fs.rm(path.join(folder, temp));
    await rejection(store.commit());
    expect((await fs.readdir(folder)).filter((n) => !n.endsWith('.tmp')).sort()).toEqual(['resources']);
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(true);
  });

  it('is not stopped by a folder cut short that another process removed since', async () => {
    const cut = path.join(dir, 'articles', 'ab', 'abababababababababab');
    await fs.mkdir(cut, { recursive: true });
    await fs.writeFile(path.join(dir, JOURNAL_FILE), 'interrupted');
    const store = await ArticleStore.open(dir);
    expect(store.needsCommit).toBe(true);
    await fs.rm(cut, { recursive: true });
    await store.commit();
    expect([store.needsCommit, await exists(path.join(dir, JOURNAL_FILE)), await headRevision()]).toEqual([
      false,
      false,
      1,
    ]);
  });

  it('goes on after a journal that could not be written or removed', async () => {
    const store = await ArticleStore.open(dir);
    const journal = path.join(dir, JOURNAL_FILE);
    await fs.mkdir(path.join(journal, 'inside'), { recursive: true });
    const error = await rejection(store.add(outcome('A.')));
    expect(error).toMatchObject({ kind: 'failed' });
    expect(error.message).toMatch(
      /^cannot write .*import\.journal\.[0-9a-f]+\.tmp: it is a folder, not a file$/,
    );
    await fs.rm(journal, { recursive: true });
    await store.commit();
    await imported(store, outcome('A.'));
    expect(await exists(journal)).toBe(false);

    // Removing the journal fails: the batch is saved, and the next one writes the journal afresh.
    await store.add(outcome('B.'));
    await fs.rm(journal);
    await fs.mkdir(path.join(journal, 'inside'), { recursive: true });
    expect((await rejection(store.commit())).message).toMatch(/^The import could not be saved: /);
    await fs.rm(journal, { recursive: true });
    await store.add(outcome('C.'));
    expect(await fs.readFile(journal, 'utf8')).toMatch(ISO);
    await store.commit();
    expect([store.size, await exists(journal)]).toEqual([3, false]);
  });

  it('passes on a newer article found while repairing, as it is', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Newer.'));
    const file = path.join(store.articleDir(id), 'article.json');
    const article = await readJson(file);
    await fs.writeFile(file, 'damaged');
    await rejection(store.readArticle(id));
    await fs.writeFile(file, JSON.stringify({ ...article, formatVersion: 99 }));
    const error = await rejection(store.commit());
    expect(error).toBeInstanceOf(FileVersionError);
    expect(error.message).not.toMatch(/could not be saved/);
  });
});

describe('reconciling after a crash', () => {
  it('adopts, drops and keeps revisions as the folders say, and leaves the cleanup to the next commit', async () => {
    const store = await ArticleStore.open(dir);
    const kept = await imported(store, outcome('Kept as it was.'));
    const retagged = await imported(store, outcome('Retagged on disk.'));
    const vanished = await imported(store, outcome('Vanished.'));
    // The crash: a batch cut short, an article changed, one gone, one adopted with its user data, damage.
    await fs.writeFile(path.join(dir, JOURNAL_FILE), 'interrupted');
    const retaggedFile = path.join(store.articleDir(retagged), 'article.json');
    await fs.writeFile(retaggedFile, JSON.stringify({ ...(await readJson(retaggedFile)), tags: ['new'] }));
    await fs.rm(store.articleDir(vanished), { recursive: true });
    const adopted = await foreignArticle(outcome('Adopted.'));
    await fs.writeFile(
      path.join(store.articleDir(adopted), 'user.json'),
      JSON.stringify({
        format: 'offprint-user-data',
        formatVersion: 1,
        reading: { read: true, starred: true },
      }),
    );
    const stray = path.join(store.articleDir(kept), 'original.txt.1a2b3c.tmp');
    await fs.writeFile(stray, 'half');
    const cut = path.join(dir, 'articles', 'ff', 'ffffffffffffffffffff');
    await fs.mkdir(path.join(cut, 'resources'), { recursive: true });
    await fs.writeFile(path.join(cut, 'article.json.1a2b3c.tmp'), '{"id":"fff');
    await fs.writeFile(path.join(cut, 'resources', 'a.png.1a2b3c.tmp'), 'png');
    const damaged = path.join(dir, 'articles', 'ee', 'eeeeeeeeeeeeeeeeeeee');
    await fs.mkdir(damaged, { recursive: true });
    await fs.writeFile(path.join(damaged, 'article.json'), 'not json');

    const after = await ArticleStore.open(dir);
    expect([...after.all()].map((e) => e.id).sort()).toEqual([kept, retagged, adopted].sort());
    expect([after.currentRevision, after.stateKey, after.needsCommit]).toEqual([5, '1:5', true]);
    expect([after.revisionOf(kept), after.revisionOf(retagged), after.revisionOf(adopted)]).toEqual([
      2, 5, 5,
    ]);
    expect(after.get(retagged)?.tags).toEqual(['new']);
    expect(after.get(adopted)).toMatchObject({ read: true, starred: true });
    expect(after.damagedArticles).toEqual([
      {
        id: 'eeeeeeeeeeeeeeeeeeee',
        dir: damaged,
        reason: 'article eeeeeeeeeeeeeeeeeeee: its article.json is damaged (not valid JSON)',
        verify: false,
      },
    ]);
    // A reader writes nothing.
    expect([await exists(stray), await exists(cut), await exists(damaged)]).toEqual([true, true, true]);

    await after.commit();
    expect([await exists(stray), await exists(cut), await exists(damaged)]).toEqual([false, false, false]);
    expect(after.repairs).toEqual([
      `article eeeeeeeeeeeeeeeeeeee: its article.json is damaged (not valid JSON); moved to ${path.join('quarantine', 'eeeeeeeeeeeeeeeeeeee')}`,
    ]);
    expect(await exists(path.join(dir, JOURNAL_FILE))).toBe(false);
    expect([after.needsCommit, after.currentRevision, await headRevision()]).toEqual([false, 5, 5]);
    // The catalog was written whole: one line per article, at the revision each has.
    expect((await shard(kept)).filter((r) => r.e?.id === kept)).toEqual([{ r: 2, e: after.get(kept) }]);
    const reopened = await ArticleStore.open(dir);
    expect([reopened.revisionOf(kept), reopened.revisionOf(retagged), reopened.size]).toEqual([2, 5, 3]);
    // From now on the catalog is appended to again.
    const lines = (await shard(kept)).length;
    await reopened.setTags(kept, ['x']);
    expect(await shard(kept)).toHaveLength(lines + 1);
  });

  it('keeps a folder cut short that the same bytes, or another process, have filled since', async () => {
    const o = outcome('Cut short, then imported again.');
    const id = articleId(o.original);
    const other = outcome('Cut short, then finished by another process.');
    const otherId = await foreignArticle(other);
    const folder = path.join(dir, 'articles', id.slice(0, 2), id);
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'article.json.1a2b3c.tmp'), 'half');
    // The other folder is cut short when the store opens…
    const otherFolder = path.join(dir, 'articles', otherId.slice(0, 2), otherId);
    const whole = await files(otherFolder);
    const saved = path.join(dir, 'saved');
    await fs.rename(otherFolder, saved);
    await fs.mkdir(otherFolder);
    await fs.writeFile(path.join(otherFolder, 'article.json.4d5e6f.tmp'), 'half');
    const store = await ArticleStore.open(dir);
    expect(store.needsCommit).toBe(true);
    // …and finished before it commits.
    await fs.rm(otherFolder, { recursive: true });
    await fs.rename(saved, otherFolder);
    expect(await store.add(o)).toMatchObject({ kind: 'imported', id });
    await store.commit();
    expect(store.get(id)?.id).toBe(id);
    expect(await files(folder)).toEqual(['article.json', 'original.txt']);
    expect(await files(otherFolder)).toEqual(whole);
  });

  it("does not reconcile beside another live process's lock, and leaves its journal", async () => {
    // A committed catalog that does not name the article another process is writing.
    await (await ArticleStore.open(dir)).commit();
    const id = await foreignArticle(outcome('Being written by another process.'));
    await fs.writeFile(path.join(dir, JOURNAL_FILE), 'in progress');
    const lock = (pid: number) => JSON.stringify({ pid, host: os.hostname(), nonce: 'n' });
    await fs.writeFile(path.join(dir, LOCK_FILE), lock(process.ppid));
    const reader = await ArticleStore.open(dir);
    expect([reader.size, reader.currentRevision, reader.needsCommit]).toEqual([0, 1, false]);
    await reader.commit();
    expect(await fs.readFile(path.join(dir, JOURNAL_FILE), 'utf8')).toBe('in progress');
    // Its own lock is no other process's: the journal is a crash's.
    await fs.writeFile(path.join(dir, LOCK_FILE), lock(process.pid));
    expect((await ArticleStore.open(dir)).get(id)?.id).toBe(id);
    await fs.writeFile(path.join(dir, LOCK_FILE), lock(DEAD));
    const after = await ArticleStore.open(dir);
    expect([after.get(id)?.id, after.needsCommit]).toEqual([id, true]);
  });

  it('reconciles on demand, hashing each original against its id with verify', async () => {
    const store = await ArticleStore.open(dir);
    const changed = await imported(store, outcome('Changed on disk.'));
    await fs.writeFile(path.join(store.articleDir(changed), 'original.txt'), 'Other bytes.');
    const extra = await foreignArticle(outcome('Not in the catalog.'));
    await store.load();
    expect([store.size, store.get(extra)]).toEqual([1, undefined]);
    await store.load({ verify: true });
    expect([...store.all()].map((e) => e.id)).toEqual([extra]);
    const reason = `article ${changed}: its original (original.txt) does not match its id (changed or damaged)`;
    expect(store.damagedArticles).toEqual([
      { id: changed, dir: store.articleDir(changed), reason, verify: true },
    ]);
    await store.commit();
    expect(store.repairs).toEqual([`${reason}; moved to ${path.join('quarantine', changed)}`]);
  });

  it('reads a catalog of format 1 and writes it in the current format at the next commit', async () => {
    const store = await ArticleStore.open(dir);
    const id = await imported(store, outcome('Legacy.'));
    const entry = store.get(id);
    await fs.rm(path.join(dir, 'index'), { recursive: true });
    const legacy = path.join(dir, 'catalog.json');
    await fs.writeFile(
      legacy,
      JSON.stringify({ format: 'offprint-catalog', version: 1, revision: 7, articles: [entry] }),
    );
    const old = await ArticleStore.open(dir);
    expect([old.get(id), old.currentRevision, old.revisionOf(id), old.needsCommit]).toEqual([
      entry,
      7,
      7,
      true,
    ]);
    await old.commit();
    expect([await exists(legacy), await headRevision(), await shard(id)]).toEqual([
      false,
      7,
      [{ r: 7, e: entry }],
    ]);
    expect((await ArticleStore.open(dir)).needsCommit).toBe(false);
  });

  it('has the loss to save when a catalog of format 1 names articles that are gone', async () => {
    await fs.writeFile(
      path.join(dir, 'catalog.json'),
      JSON.stringify({ format: 'offprint-catalog', version: 1, revision: 3, articles: [] }),
    );
    const empty = await ArticleStore.open(dir);
    await empty.load({ verify: true });
    // Named nothing, holds nothing: a new library, nothing to save.
    expect([empty.size, empty.needsCommit]).toEqual([0, false]);
    const other = await tempDir();
    scratch.push(other);
    const store = await ArticleStore.open(other);
    const id = await imported(store, outcome('Gone since.'));
    await fs.writeFile(
      path.join(dir, 'catalog.json'),
      JSON.stringify({ format: 'offprint-catalog', version: 1, revision: 3, articles: [store.get(id)] }),
    );
    const old = await ArticleStore.open(dir);
    expect(old.size).toBe(1);
    await old.load({ verify: true });
    expect([old.size, old.needsCommit]).toEqual([0, true]);
  });
});

describe('small helpers', () => {
  it('keeps the file name of a source without its folders, and an archive entry whole', () => {
    expect(storedSource('/home/ana/private/notes.txt')).toBe('notes.txt');
    expect(storedSource('notes.txt')).toBe('notes.txt');
    expect(storedSource('/data/export.zip › folder/page.html')).toBe('export.zip › folder/page.html');
    expect(storedSource('/a/crawl.warc.gz › https://x.example/a › inner')).toBe(
      'crawl.warc.gz › https://x.example/a › inner',
    );
  });

  it('tells whether a file exists', async () => {
    expect(await exists(dir)).toBe(true);
    expect(await exists(path.join(dir, 'missing'))).toBe(false);
  });
});
