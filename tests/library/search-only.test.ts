/**
 * `offprint search` answers from the index alone when the index covers the catalog: the same answer as the
 * whole library gives, and it steps aside (null) whenever it could be wrong: a batch cut short, an index
 * behind the catalog. Removed articles stay out of it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH, type SearchRequest, type SearchResponse } from '../../common/search';
import { openLibrary } from '../../main/library/library';
import { openSearchOnly } from '../../main/library/search-only';
import { JOURNAL_FILE } from '../../main/library/store/article-store';
import { CATALOG_HEAD } from '../../main/library/store/catalog';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';
import { writeSyntheticCorpus } from '../helpers/synthetic-corpus';

let root: string;
let lib: string;

const REQUESTS: Array<Partial<SearchRequest>> = [
  { query: 'quantum' },
  { query: 'govern* -market', limit: 20 },
  { query: 'title:elect~1', sort: 'date' },
  { query: '', limit: 30 },
  { query: '', tags: ['politics'], sort: 'date', offset: 5, limit: 10 },
  { query: 'school teacher', tags: ['science', 'tech'], anyTag: true },
  { query: 'harbour', from: '2000-01-01', to: '2030-12-31' },
];

const comparable = ({ tookMs: _t, ...rest }: SearchResponse) => rest;

async function bothAnswers(): Promise<Array<[unknown, unknown]>> {
  const only = await openSearchOnly(lib);
  expect(only).not.toBeNull();
  const library = await openLibrary(lib);
  try {
    const pairs: Array<[unknown, unknown]> = [];
    for (const r of REQUESTS) {
      const request = { ...DEFAULT_SEARCH, ...r };
      pairs.push([comparable(await only!.search(request)), comparable(await library.search(request))]);
    }
    return pairs;
  } finally {
    await only!.close();
    await library.close();
  }
}

beforeAll(async () => {
  root = await tempDir();
  lib = path.join(root, 'lib');
  await writeFixtures(path.join(root, 'inputs'));
  const folders = await writeSyntheticCorpus(path.join(root, 'corpus'), 300, 2, 5);
  const library = await openLibrary(lib);
  const job = await library.importPaths({
    paths: [path.join(root, 'inputs'), ...folders],
    folderTags: false,
  });
  await library.waitForImport(job.jobId);
  await library.close();
}, 120_000);
afterAll(() => removeDir(root));

describe('searching from the index alone', () => {
  it('answers as the whole library does', async () => {
    for (const [only, full] of await bothAnswers()) expect(only).toEqual(full);
  });

  it('sees a tag edit once it is indexed', async () => {
    const library = await openLibrary(lib);
    const [first] = await library.list({});
    await library.setTags({ id: first!.id, tags: ['just-edited'] });
    await library.close();
    const only = await openSearchOnly(lib);
    const r = await only!.search({ ...DEFAULT_SEARCH, query: '', tags: ['just-edited'] });
    await only!.close();
    expect(r.hits.map((h) => h.id)).toEqual([first!.id]);
  });

  it('steps aside after a crash or when the index is behind, and leaves removed articles out', async () => {
    const library = await openLibrary(lib);
    const [gone] = await library.list({});
    await library.close();
    await fs.rm(path.join(lib, 'articles', gone!.id.slice(0, 2), gone!.id), { recursive: true });
    await fs.writeFile(path.join(lib, JOURNAL_FILE), 'interrupted');
    expect(await openSearchOnly(lib)).toBeNull();
    // Opening the library reconciles the catalog, and its catch-up records the removal in the index.
    const reopened = await openLibrary(lib);
    await reopened.whenIndexed();
    await reopened.close();
    for (const [only, full] of await bothAnswers()) expect(only).toEqual(full);
    const only = await openSearchOnly(lib);
    const all = await only!.search({ ...DEFAULT_SEARCH, query: '', limit: 1000 });
    await only!.close();
    expect(all.hits.map((h) => h.id)).not.toContain(gone!.id);
    // A catalog ahead of the index (another process mid-import): not from the index alone.
    const head = JSON.parse(await fs.readFile(path.join(lib, CATALOG_HEAD), 'utf8'));
    await fs.writeFile(
      path.join(lib, CATALOG_HEAD),
      JSON.stringify({ ...head, revision: head.revision + 1 }),
    );
    expect(await openSearchOnly(lib)).toBeNull();
  });

  it('steps aside when the catalog has no revision, before looking at the index', async () => {
    // An index from a newer Offprint beside a catalog never written: not the index's to answer.
    const bare = path.join(root, 'bare');
    await (await openLibrary(bare, { create: true })).close();
    await fs.mkdir(path.join(bare, 'index'), { recursive: true });
    await fs.writeFile(
      path.join(bare, 'index', 'manifest.json'),
      JSON.stringify({ format: 'offprint-index', version: 99, coveredRevision: 0, segments: [] }),
    );
    expect(await openSearchOnly(bare)).toBeNull();
  });
});
