/**
 * The catalog's files, called directly on a real folder: sixteen append-only shards and head.json, what a
 * commit appends or rewrites (compaction at its thresholds), what a read trusts (a torn last line, and nothing
 * else damaged), format 1's catalog.json read once and replaced, a newer head refused, and article files
 * checked for their version. catalog-and-index-files.test.ts checks the same through whole libraries.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../common/article';
import {
  CATALOG_DIR,
  CATALOG_HEAD,
  type CatalogEntry,
  checkArticleVersion,
  commitCatalog,
  LEGACY_CATALOG_FILE,
  readCatalog,
  readCatalogRevision,
  toCatalogEntry,
} from '../../../main/library/store/catalog';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

const entry = (id: string, title = `Title ${id}`): CatalogEntry =>
  ({ id, title, version: 3, read: false, starred: false, userStamp: '' }) as unknown as CatalogEntry;
const shard = (name: string) => path.join(dir, CATALOG_DIR, `${name}.jsonl`);
const shardLines = async (name: string) =>
  (await fs.readFile(shard(name), 'utf8')).split('\n').filter(Boolean);

/** Commits like the store does: the whole map after applying the changes. */
async function commit(
  revision: number,
  all: Map<string, CatalogEntry>,
  changes: { written: CatalogEntry[]; removed: string[] },
  state: { revisions: Map<string, number>; lines: Map<string, number> },
  full = false,
) {
  for (const e of changes.written) {
    all.set(e.id, e);
    state.revisions.set(e.id, revision);
  }
  for (const id of changes.removed) {
    all.delete(id);
    state.revisions.delete(id);
  }
  await commitCatalog(dir, revision, changes, all, state.revisions, state.lines, full);
}

describe('the catalog files', () => {
  it('writes one shard per first hex digit and a head, and reads back every entry at its revision', async () => {
    const all = new Map<string, CatalogEntry>();
    const state = { revisions: new Map<string, number>(), lines: new Map<string, number>() };
    await commit(
      1,
      all,
      { written: [entry('a1'), entry('a2'), entry('f9'), entry('zz')], removed: [] },
      state,
    );
    expect(JSON.parse(await fs.readFile(path.join(dir, CATALOG_HEAD), 'utf8'))).toEqual({
      format: 'offprint-catalog',
      version: 2,
      revision: 1,
    });
    expect((await fs.readdir(path.join(dir, CATALOG_DIR))).sort()).toEqual([
      '0.jsonl', // an id that does not start with a hex digit
      'a.jsonl',
      'f.jsonl',
      'head.json',
    ]);
    expect(await shardLines('a')).toEqual([
      JSON.stringify({ r: 1, e: entry('a1') }),
      JSON.stringify({ r: 1, e: entry('a2') }),
    ]);
    expect(state.lines).toEqual(
      new Map([
        ['a', 2],
        ['f', 1],
        ['0', 1],
      ]),
    );

    await commit(2, all, { written: [entry('a2', 'New title'), entry('b1')], removed: ['f9'] }, state);
    const read = (await readCatalog(dir))!;
    expect(read.revision).toBe(2);
    expect(read.legacy).toBe(false);
    expect([...read.entries.values()].map((e) => [e.id, e.title]).sort()).toEqual([
      ['a1', 'Title a1'],
      ['a2', 'New title'],
      ['b1', 'Title b1'],
      ['zz', 'Title zz'],
    ]);
    expect(Object.fromEntries(read.revisions)).toEqual({ a1: 1, a2: 2, b1: 2, zz: 1 });
    // Lines, live or superseded, per shard: a1, a2, a2 again; f9 and its removal; b1; zz. Empty shards count 0.
    expect(read.lines.get('a')).toBe(3);
    expect(read.lines.get('f')).toBe(2);
    expect(read.lines.get('b')).toBe(1);
    expect(read.lines.get('0')).toBe(1);
    expect(read.lines.get('c')).toBe(0);
    expect(await readCatalogRevision(dir)).toBe(2);
  });

  it('rewrites a shard whose log is over 256 lines and over three times its live entries, else appends', async () => {
    // The shard's earlier lines are taken as given (`lines`): the decision is made on the counts alone.
    const run = async (earlier: number, live: number) => {
      await removeDir(dir);
      dir = await tempDir();
      const all = new Map<string, CatalogEntry>();
      for (let i = 0; i < live; i++) all.set(`a${i}`, entry(`a${i}`));
      const revisions = new Map([...all.keys()].map((id) => [id, 1]));
      const lines = new Map([['a', earlier]]);
      await commitCatalog(dir, 2, { written: [all.get('a0')!], removed: [] }, all, revisions, lines, false);
      return { written: (await shardLines('a')).length, counted: lines.get('a') };
    };
    // 256 lines in all (255 + 1) is not over 256: appended.
    expect(await run(255, 10)).toEqual({ written: 1, counted: 256 });
    // 257 lines, 86 live (258 ≥ 257): appended; 85 live (255 < 257): rewritten as the live entries.
    expect(await run(256, 86)).toEqual({ written: 1, counted: 257 });
    expect(await run(256, 85)).toEqual({ written: 85, counted: 85 });
  });

  it('rewrites every shard with `full`, leaves empty shards unwritten, and drops format 1', async () => {
    await fs.writeFile(path.join(dir, LEGACY_CATALOG_FILE), '{}');
    const all = new Map([
      ['a1', entry('a1')],
      ['b1', entry('b1')],
    ]);
    const revisions = new Map([
      ['a1', 4],
      ['b1', 5],
    ]);
    const lines = new Map<string, number>();
    await commitCatalog(dir, 6, { written: [entry('a1')], removed: ['zz'] }, all, revisions, lines, true);
    expect(await shardLines('a')).toEqual([JSON.stringify({ r: 4, e: entry('a1') })]);
    expect(await shardLines('b')).toEqual([JSON.stringify({ r: 5, e: entry('b1') })]);
    expect((await fs.readdir(path.join(dir, CATALOG_DIR))).sort()).toEqual([
      'a.jsonl',
      'b.jsonl',
      'head.json',
    ]);
    await expect(fs.access(path.join(dir, LEGACY_CATALOG_FILE))).rejects.toThrow();
    // A shard that had lines and now has no entry is emptied.
    all.delete('b1');
    await commitCatalog(dir, 7, { written: [], removed: [] }, all, revisions, lines, true);
    expect(await fs.readFile(shard('b'), 'utf8')).toBe('');
    expect(lines.get('b')).toBe(0);
    // An entry with no recorded revision is written at the commit's.
    revisions.delete('a1');
    await commitCatalog(dir, 8, { written: [], removed: [] }, all, revisions, lines, true);
    expect(await shardLines('a')).toEqual([JSON.stringify({ r: 8, e: entry('a1') })]);
  });

  it('ignores a torn last line; a later append starts on a line of its own', async () => {
    const all = new Map<string, CatalogEntry>();
    const state = { revisions: new Map<string, number>(), lines: new Map<string, number>() };
    await commit(1, all, { written: [entry('a1')], removed: [] }, state);
    const torn = '{"r":2,"e":{"id":"a2","ti';
    await fs.appendFile(shard('a'), torn);
    expect([...(await readCatalog(dir))!.entries.keys()]).toEqual(['a1']);
    // The store never appends after a torn line (the crash left its journal, and the reconcile that follows
    // rewrites every shard); if anything did, its record is not glued to the fragment, and the fragment, no
    // longer last, makes the shard read as damaged: rebuilt from the article files, never half-trusted.
    await commit(2, all, { written: [entry('a3')], removed: [] }, state);
    expect(await shardLines('a')).toEqual([
      JSON.stringify({ r: 1, e: entry('a1') }),
      torn,
      JSON.stringify({ r: 2, e: entry('a3') }),
    ]);
    expect(await readCatalog(dir)).toBeNull();
  });

  it('reads a shard with anything else wrong as damaged: null, for the store to rebuild', async () => {
    const all = new Map<string, CatalogEntry>();
    const state = { revisions: new Map<string, number>(), lines: new Map<string, number>() };
    await commit(1, all, { written: [entry('a1'), entry('b1')], removed: [] }, state);
    const good = await fs.readFile(shard('b'), 'utf8');
    const damaged = [
      `{"r":1,"e":{"id":"b0"\n${good}`, // a torn line that is not the last
      `${good}{"r":2,"e":{"id":"b2"\n`, // the last line torn, yet ended by a newline: not an append cut short
      `${good}{"e":${JSON.stringify(entry('b2'))}}\n`, // no revision
      `${good}{"r":"2","e":${JSON.stringify(entry('b2'))}}\n`, // a revision that is no number
      `${good}{"r":2}\n`, // neither an entry nor a removal
      `${good}{"r":2,"e":{"title":"no id"}}\n`,
      `${good}{"r":2,"d":5}\n`,
    ];
    for (const text of damaged) {
      await fs.writeFile(shard('b'), text);
      expect(await readCatalog(dir), text).toBeNull();
    }
    await fs.writeFile(shard('b'), `${good}\n\n{"r":2,"d":"b1"}\n`);
    expect([...(await readCatalog(dir))!.entries.keys()]).toEqual(['a1']);
  });

  it('gives entries written before the reader flags existed their defaults', async () => {
    await commit(
      1,
      new Map(),
      { written: [{ id: 'a1', title: 'Old' } as CatalogEntry], removed: [] },
      { revisions: new Map(), lines: new Map() },
    );
    const read = (await readCatalog(dir))!.entries.get('a1')!;
    expect(read).toEqual({ id: 'a1', title: 'Old', read: false, starred: false, userStamp: '' });
    await commit(
      2,
      new Map(),
      {
        written: [{ id: 'a1', title: 'Kept', read: true, starred: true, userStamp: 's1' } as CatalogEntry],
        removed: [],
      },
      { revisions: new Map(), lines: new Map() },
    );
    expect((await readCatalog(dir))!.entries.get('a1')).toMatchObject({
      read: true,
      starred: true,
      userStamp: 's1',
    });
  });
});

describe('the catalog head', () => {
  const writeHead = async (content: string) => {
    await fs.mkdir(path.join(dir, CATALOG_DIR), { recursive: true });
    await fs.writeFile(path.join(dir, CATALOG_HEAD), content);
  };

  it('is missing, damaged, of another format or version 1: no catalog to trust', async () => {
    expect(await readCatalog(dir)).toBeNull();
    expect(await readCatalogRevision(dir)).toBeNull();
    for (const head of [
      '{"format":"offprint-catalog","version":2,"revision":',
      '{"format":"other","version":2,"revision":3}',
      '{"format":"offprint-catalog","version":1,"revision":3}',
      '{"format":"offprint-catalog","version":2}',
      '{"format":"offprint-catalog","version":2,"revision":"3"}',
      '{"format":"offprint-catalog","revision":3}',
      '{"format":"offprint-catalog","version":-1,"revision":3}',
    ]) {
      await writeHead(head);
      expect(await readCatalog(dir), head).toBeNull();
      expect(await readCatalogRevision(dir), head).toBeNull();
    }
    await writeHead('{"format":"offprint-catalog","version":2,"revision":3}');
    expect(await readCatalogRevision(dir)).toBe(3);
    expect((await readCatalog(dir))?.entries.size).toBe(0);
  });

  it('of a newer Offprint is refused with a message, never read or replaced', async () => {
    const head = '{"format":"offprint-catalog","version":3,"revision":3}';
    await writeHead(head);
    const message = `${path.join(dir, CATALOG_HEAD)} was written by a newer Offprint (catalog format 3; this version reads up to 2). Update Offprint to open it.`;
    await expect(readCatalog(dir)).rejects.toThrow(message);
    await expect(readCatalogRevision(dir)).rejects.toThrow(message);
    expect(await fs.readFile(path.join(dir, CATALOG_HEAD), 'utf8')).toBe(head);
  });

  it('that cannot be read for another reason than its absence is an error, not a lost catalog', async () => {
    await fs.mkdir(path.join(dir, CATALOG_HEAD), { recursive: true }); // a folder where the file should be
    await expect(readCatalog(dir)).rejects.toThrow(/EISDIR/);
  });
});

describe("format 1's catalog.json", () => {
  const legacy = (value: unknown) => fs.writeFile(path.join(dir, LEGACY_CATALOG_FILE), JSON.stringify(value));

  it('is read once, upgraded in memory with every entry at its revision, and marked for rewriting', async () => {
    await legacy({
      format: 'offprint-catalog',
      version: 1,
      revision: 7,
      articles: [
        { id: 'a1', title: 'One' },
        { id: 'b2', title: 'Two', read: true },
      ],
    });
    const read = (await readCatalog(dir))!;
    expect(read.legacy).toBe(true);
    expect(read.revision).toBe(7);
    expect(Object.fromEntries(read.revisions)).toEqual({ a1: 7, b2: 7 });
    expect(read.entries.get('a1')).toEqual({
      id: 'a1',
      title: 'One',
      read: false,
      starred: false,
      userStamp: '',
    });
    expect(read.entries.get('b2')).toMatchObject({ read: true });
    expect(read.lines.size).toBe(0);
  });

  it('damaged, of another format, without articles or a version is no catalog; a newer one is refused', async () => {
    for (const value of [
      { format: 'other', version: 1, revision: 1, articles: [] },
      { format: 'offprint-catalog', version: 1, revision: 1 },
      { format: 'offprint-catalog', revision: 1, articles: [] },
    ]) {
      await legacy(value);
      expect(await readCatalog(dir), JSON.stringify(value)).toBeNull();
    }
    await fs.writeFile(path.join(dir, LEGACY_CATALOG_FILE), '{"format":');
    expect(await readCatalog(dir)).toBeNull();
    await legacy({ format: 'offprint-catalog', version: 9, revision: 1, articles: [] });
    await expect(readCatalog(dir)).rejects.toThrow(/newer Offprint \(catalog format 9/);
    // Without a revision, format 1 is read at revision 0.
    await legacy({ format: 'offprint-catalog', version: 1, articles: [{ id: 'a1', title: 'One' }] });
    expect((await readCatalog(dir))?.revision).toBe(0);
  });
});

describe('article files', () => {
  it('checks an article.json for its id and version, naming the file', () => {
    const article = { id: 'a1', formatVersion: 1, title: 'T' } as unknown as StoredArticle;
    expect(checkArticleVersion(article, 'x/article.json')).toEqual(article);
    for (const broken of [
      { formatVersion: 1 },
      { id: 5, formatVersion: 1 },
      { id: 'a1' },
      { id: 'a1', formatVersion: 'x' },
    ])
      expect(
        () => checkArticleVersion(broken as Partial<StoredArticle>, 'x/article.json'),
        JSON.stringify(broken),
      ).toThrow('x/article.json is not an Offprint article.');
    expect(() =>
      checkArticleVersion({ id: 'a1', formatVersion: 99 } as Partial<StoredArticle>, 'x/article.json'),
    ).toThrow(/x\/article\.json was written by a newer Offprint/);
  });

  it('become catalog entries without their body, with the reader flags given or none', () => {
    const article = {
      id: 'a1',
      version: 3,
      title: 'T',
      text: 'body',
      html: '<p>body</p>',
    } as unknown as StoredArticle;
    expect(toCatalogEntry(article)).toEqual({
      id: 'a1',
      version: 3,
      title: 'T',
      read: false,
      starred: false,
      userStamp: '',
    });
    expect(toCatalogEntry(article, { read: true, starred: false, userStamp: 'u' })).toEqual({
      id: 'a1',
      version: 3,
      title: 'T',
      read: true,
      starred: false,
      userStamp: 'u',
    });
  });
});
