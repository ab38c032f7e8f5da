/**
 * Tag edits across a real library: add and remove on many articles in one commit, case-insensitive merging,
 * renames with descendants and merges. After each, a search filtered by the tag finds exactly the right
 * articles: the edits reached the index without a rebuild.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTags } from '../../common/clean-text';
import { DEFAULT_SEARCH } from '../../common/search';
import { type Library, openLibrary } from '../../main/library/library';
import { CATALOG_HEAD } from '../../main/library/store/catalog';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';

let root: string;
let lib: string;
let library: Library;
/** By source file name. */
const id: Record<string, string> = {};

beforeAll(async () => {
  root = await tempDir();
  lib = path.join(root, 'lib');
  await writeFixtures(path.join(root, 'inputs'));
  library = await openLibrary(lib, { searchThreads: 0 });
  const job = await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: false });
  for (const item of (await library.waitForImport(job.jobId)).report!.imported)
    id[path.basename(item.source)] = item.id;
});
afterAll(async () => {
  await library.close();
  await removeDir(root);
});

const tagged = async (tags: string[], more: Partial<typeof DEFAULT_SEARCH> = {}) =>
  (await library.search({ ...DEFAULT_SEARCH, tags, limit: 100, ...more })).hits.map((h) => h.id).sort();
const tagsOf = async (key: string) => (await library.getArticle({ id: id[key]! })).tags;
const headRevision = async () =>
  (JSON.parse(await fs.readFile(path.join(lib, CATALOG_HEAD), 'utf8')) as { revision: number }).revision;

describe('tag edits', () => {
  it('cleans hierarchical tags: segments trimmed, empty segments dropped', () => {
    expect(cleanTags([' region / middle-east ', 'a//b', '/x/', '///', 'Region/Middle-East'])).toEqual([
      'region/middle-east',
      'a/b',
      'x',
    ]);
  });

  it('adds and removes tags on three articles in one commit, case-insensitively', async () => {
    const three = [id['quantum.txt']!, id['football.txt']!, id['budget.txt']!];
    const revision = await headRevision();
    expect(await library.editTags({ ids: three, add: ['politics', 'Review'], remove: [] })).toEqual({
      updated: 3,
    });
    expect(await headRevision()).toBe(revision + 1);
    expect(await tagged(['politics'])).toEqual([...three].sort());

    // Adding another spelling of a tag an article has keeps the one it has.
    await library.editTags({ ids: [three[0]!], add: ['Politics', 'POLITICS'], remove: [] });
    expect(await tagsOf('quantum.txt')).toEqual(['politics', 'Review']);

    // Removal ignores case; an article without the tag is left as it is (not counted).
    expect(await library.editTags({ ids: three, add: [], remove: ['REVIEW'] })).toEqual({ updated: 3 });
    expect(await library.editTags({ ids: three, add: [], remove: ['review'] })).toEqual({ updated: 0 });
    expect(await tagged(['review'])).toEqual([]);
    expect(await tagged(['politics'])).toEqual([...three].sort());
  });

  it('refuses an unknown article, naming it, and changes nothing', async () => {
    const unknown = 'e'.repeat(20);
    const revision = await headRevision();
    await expect(
      library.editTags({ ids: [id['cranes.txt']!, unknown], add: ['never'], remove: [] }),
    ).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining(unknown) });
    expect(await headRevision()).toBe(revision);
    expect(await tagged(['never'])).toEqual([]);
  });

  it('renames a tag with its descendants', async () => {
    await library.editTags({ ids: [id['quantum.txt']!], add: ['region/europe'], remove: [] });
    await library.editTags({ ids: [id['football.txt']!], add: ['Region/Asia/Japan', 'region'], remove: [] });
    await library.editTags({ ids: [id['budget.txt']!], add: ['regional'], remove: [] });
    expect(await tagged(['region/europe'])).toEqual([id['quantum.txt']!]);

    expect(await library.renameTag({ from: 'REGION', to: 'area' })).toEqual({ updated: 2 });
    expect(await tagsOf('quantum.txt')).toContain('area/europe');
    expect(await tagsOf('football.txt')).toEqual(expect.arrayContaining(['area/Asia/Japan', 'area']));
    // `regional` only starts with the same letters: not a descendant.
    expect(await tagsOf('budget.txt')).toContain('regional');
    // The engine matches tags in any case, and a parent matches its descendants.
    for (const old of ['region', 'region/europe', 'region/asia/japan'])
      expect(await tagged([old])).toEqual([]);
    expect(await tagged(['area/europe'])).toEqual([id['quantum.txt']!]);
    expect(await tagged(['AREA/ASIA/JAPAN'])).toEqual([id['football.txt']!]);
    expect((await tagged(['area'])).sort()).toEqual([id['football.txt']!, id['quantum.txt']!].sort());
    expect(await tagged(['regional'])).toEqual([id['budget.txt']!]);
  });

  it('merges a renamed tag into an existing one', async () => {
    // budget has `politics`; give it `government` too, and cranes only `government`.
    await library.editTags({ ids: [id['budget.txt']!, id['cranes.txt']!], add: ['government'], remove: [] });
    expect(await library.renameTag({ from: 'government', to: 'Politics' })).toEqual({ updated: 2 });
    // budget keeps one `politics` (its own spelling comes first); cranes gets the new name as typed.
    expect((await tagsOf('budget.txt')).filter((t) => t.toLowerCase() === 'politics')).toEqual(['politics']);
    expect(await tagsOf('budget.txt')).not.toContain('government');
    expect(await tagsOf('cranes.txt')).toContain('Politics');
    expect(await tagged(['government'])).toEqual([]);
    expect(await tagged(['politics'])).toEqual(
      [id['quantum.txt']!, id['football.txt']!, id['budget.txt']!, id['cranes.txt']!].sort(),
    );
    // The index took the edited articles again, not the whole library.
    const stats = await library.indexStats();
    expect(stats.coveredRevision).toBe(await headRevision());
  });

  it('refuses empty tag names', async () => {
    for (const [from, to] of [
      ['', 'x'],
      ['x', ' / '],
    ] as const)
      await expect(library.renameTag({ from, to })).rejects.toMatchObject({
        kind: 'invalid-argument',
        message: expect.stringMatching(/not a tag name/),
      });
  });

  it('keeps tag edits across a reopen', async () => {
    await library.close();
    library = await openLibrary(lib, { searchThreads: 0 });
    expect(await tagged(['area/europe'])).toEqual([id['quantum.txt']!]);
    expect(await tagsOf('cranes.txt')).toContain('Politics');
  });
});
