/**
 * The segmented engine answers exactly as plain Lunr would over the same articles: for 200 mixed queries,
 * the same hits in the same order with scores within 1e-6, after many small imports, after edits that
 * replace articles (tombstones), after articles disappear, and after a merge into one segment.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../common/search';
import { type Library, openLibrary } from '../../main/library/library';
import { SegmentedIndex } from '../../main/library/search/engine/segmented-index';
import { ArticleStore, JOURNAL_FILE } from '../../main/library/store/article-store';
import { BBC, needShared, removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { compareQuery, mixedQueries, referenceIndex, vocabularyOf } from '../helpers/lunr-equivalence';
import { writeSyntheticCorpus } from '../helpers/synthetic-corpus';

async function differences(lib: string, queries: string[]): Promise<string[]> {
  const store = await ArticleStore.open(lib);
  const index = new SegmentedIndex(lib);
  await index.refresh();
  try {
    const reference = await referenceIndex(store);
    const { set } = index.current(store);
    expect(set.liveCount).toBe(store.size);
    return queries.flatMap((q) => compareQuery(q, set, reference) ?? []);
  } finally {
    index.close();
  }
}

async function importEach(library: Library, folders: string[]): Promise<void> {
  for (const folder of folders) {
    const job = await library.importPaths({ paths: [folder], folderTags: true });
    const done = await library.waitForImport(job.jobId);
    expect(done.state).toBe('done');
  }
}

/** Edits tags of every `step`-th article: each edit indexes the article anew and leaves a tombstone. */
async function retag(library: Library, step: number): Promise<number> {
  const list = await library.list({});
  let edited = 0;
  for (let i = 0; i < list.length; i += step) {
    await library.setTags({ id: list[i]!.id, tags: [...list[i]!.tags, `edited-${i % 3}`] });
    edited++;
  }
  return edited;
}

/** Removes article folders behind the library's back, as a crash-recovery reconcile then finds them. */
async function removeArticles(lib: string, ids: string[]): Promise<void> {
  for (const id of ids) await fs.rm(path.join(lib, 'articles', id.slice(0, 2), id), { recursive: true });
  await fs.writeFile(path.join(lib, JOURNAL_FILE), 'interrupted');
}

describe('segmented search equals plain Lunr (self-contained corpus)', () => {
  let root: string;
  let lib: string;
  let queries: string[];

  beforeAll(async () => {
    root = await tempDir();
    lib = path.join(root, 'lib');
    const folders = await writeSyntheticCorpus(path.join(root, 'corpus'), 600, 6);
    const texts: string[] = [];
    for (const folder of folders.slice(0, 2))
      for (const name of await fs.readdir(folder))
        texts.push(await fs.readFile(path.join(folder, name), 'utf8'));
    queries = mixedQueries(vocabularyOf(texts), 200);
    const library = await openLibrary(lib);
    await importEach(library, folders);
    await library.close();
  }, 120_000);
  afterAll(() => removeDir(root));

  it('after six separate imports (six segments)', async () => {
    const library = await openLibrary(lib);
    expect((await library.indexStats()).segments).toBeGreaterThanOrEqual(6);
    await library.close();
    expect(await differences(lib, queries)).toEqual([]);
  });

  it('after edits replaced articles (tombstones in older segments)', async () => {
    const library = await openLibrary(lib);
    expect(await retag(library, 15)).toBe(40);
    const stats = await library.indexStats();
    expect(stats.dead).toBeGreaterThan(0);
    expect(stats.live).toBe(600);
    await library.close();
    expect(await differences(lib, queries)).toEqual([]);
    // Edited tags are searchable at once.
    const reopened = await openLibrary(lib);
    const found = await reopened.search({ ...DEFAULT_SEARCH, query: 'tags:edited', limit: 100 });
    expect(found.total).toBe(40);
    await reopened.close();
  }, 60_000);

  it('after articles disappeared and the catalog was reconciled', async () => {
    const store = await ArticleStore.open(lib);
    const gone = [...store.all()].slice(0, 12).map((e) => e.id);
    await removeArticles(lib, gone);
    const library = await openLibrary(lib);
    expect((await library.indexStats()).live).toBe(588);
    await library.close();
    expect(await differences(lib, queries)).toEqual([]);
  });

  it('after a merge into one segment without tombstones', async () => {
    const library = await openLibrary(lib);
    await library.compactIndex();
    expect(await library.indexStats()).toMatchObject({ segments: 1, dead: 0, live: 588 });
    await library.close();
    expect(await differences(lib, queries)).toEqual([]);
  });
});

const present = await needShared(BBC, 'BBC search equivalence test');

describe.skipIf(!present)('segmented search equals plain Lunr (BBC corpus)', () => {
  let root: string;
  let lib: string;
  let queries: string[];

  beforeAll(async () => {
    root = await tempDir();
    lib = path.join(root, 'lib');
    const topics = ['business', 'entertainment', 'politics', 'sport', 'tech'].map((t) => path.join(BBC, t));
    const texts: string[] = [];
    for (const name of (await fs.readdir(topics[0]!)).slice(0, 200))
      texts.push(await fs.readFile(path.join(topics[0]!, name), 'latin1'));
    queries = mixedQueries(vocabularyOf(texts), 220, 5);
    const library = await openLibrary(lib);
    await importEach(library, topics);
    await library.close();
  }, 300_000);
  afterAll(() => removeDir(root));

  it('after five imports, one per topic', async () => {
    expect(await differences(lib, queries)).toEqual([]);
  }, 120_000);

  it('after edits replaced 100 articles, and after a merge', async () => {
    const library = await openLibrary(lib);
    expect(await retag(library, 21)).toBeGreaterThanOrEqual(100);
    expect((await library.indexStats()).dead).toBeGreaterThan(0);
    await library.close();
    expect(await differences(lib, queries)).toEqual([]);
    const again = await openLibrary(lib);
    await again.compactIndex();
    expect(await again.indexStats()).toMatchObject({ segments: 1, dead: 0 });
    await again.close();
    expect(await differences(lib, queries)).toEqual([]);
  }, 240_000);
});
