import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH, type SearchRequest } from '../../common/search';
import { type Library, openLibrary } from '../../main/library/library';
import { MANIFEST_FILE, SEGMENTS_DIR } from '../../main/library/search/engine/manifest';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';

let root: string;
let lib: string;
let library: Library;
const ids: Record<string, string> = {};

beforeAll(async () => {
  root = await tempDir();
  lib = path.join(root, 'library');
  await writeFixtures(path.join(root, 'inputs'));
  library = await openLibrary(lib);
  const job = await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: true });
  for (const item of (await library.waitForImport(job.jobId)).report!.imported) ids[item.source] = item.id;
});
afterAll(async () => {
  await library.close();
  await removeDir(root);
});

const find = (query: string, more: Partial<SearchRequest> = {}) =>
  library.search({ ...DEFAULT_SEARCH, query, ...more });
const titles = async (query: string, more: Partial<SearchRequest> = {}) =>
  (await find(query, more)).hits.map((h) => h.title);

describe('search', () => {
  it('finds articles by their words, the title match first', async () => {
    const r = await find('quantum chemistry');
    expect(r.hits[0]!.title).toBe('Quantum computer solves chemistry puzzle');
    expect(r.total).toBe(1);
    expect(r.notice).toBeNull();
    expect(r.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('marks the matched words in a snippet of the best passage', async () => {
    const [hit] = (await find('dock workers')).hits;
    expect(hit!.title).toBe('Harbour cranes return to the old port after ten years');
    expect(hit!.snippet).toContain('<mark>Dock</mark> <mark>workers</mark> welcomed the decision');
  });

  it('supports field scoping, wildcards, fuzziness and presence', async () => {
    expect(await titles('title:goal')).toEqual(['Late goal wins the cup final']);
    expect(await titles('title:rail')).toEqual(['Budget raises spending on rail lines']);
    expect(await titles('quant*')).toEqual(['Quantum computer solves chemistry puzzle']);
    expect(await titles('hedder~1')).toEqual(['Late goal wins the cup final']);
    expect((await titles('+council +quay')).length).toBe(1);
    expect(await titles('rail -budget')).toEqual([]);
    expect(await titles('tags:shipping')).toEqual(['Harbour cranes return to the old port after ten years']);
  });

  it('never fails on a query Lunr cannot parse: it searches the words and says so', async () => {
    for (const query of ['title:', 'goal^', 'https://example.org/late-goal']) {
      const r = await find(query);
      expect(r.notice).toMatch(/searched for the words/);
    }
    expect((await find('goal^')).hits.map((h) => h.title)).toEqual(['Late goal wins the cup final']);
    const dash = await find('-');
    expect(dash.notice).toMatch(/showing everything/);
    expect(dash.total).toBe(5);
  });

  it('bounds queries that would run away: fuzziness above 2, repeated and very many terms', async () => {
    const fuzzy = await find('hedder~9');
    expect(fuzzy.notice).toBe('Note: fuzzy matching was limited to ~2.');
    expect(fuzzy.hits.map((h) => h.title)).toEqual(['Late goal wins the cup final']);
    const many = await find(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ') + ' quantum');
    expect(many.notice).toBe('Note: only the first 32 terms were searched.');
    const repeated = await find(Array(50).fill('*uant*').join(' '));
    expect(repeated.notice).toBeNull();
    expect(repeated.hits.map((h) => h.title)).toEqual(['Quantum computer solves chemistry puzzle']);
  });

  it('lists everything newest first for an empty query, undated last', async () => {
    const r = await find('');
    expect(r.total).toBe(5);
    expect(r.hits.slice(0, 2).map((h) => h.published)).toEqual([
      '2022-01-03T08:30:00Z',
      '2022-01-02T17:00:00Z',
    ]);
    expect(r.hits.slice(2).every((h) => h.published === null)).toBe(true);
  });

  it('filters by tags (all of, any of) and counts tags over every hit', async () => {
    expect((await find('', { tags: ['news'] })).total).toBe(3);
    expect((await find('', { tags: ['news', 'Ports'] })).hits.map((h) => h.title)).toEqual([
      'Harbour cranes return to the old port after ten years',
    ]);
    const any = await find('', { tags: ['science', 'sport'], anyTag: true });
    expect(any.hits.map((h) => h.title).sort()).toEqual([
      'Late goal wins the cup final',
      'Quantum computer solves chemistry puzzle',
    ]);
    const facets = Object.fromEntries((await find('', { tags: ['news'] })).tags.map((t) => [t.tag, t.count]));
    expect(facets).toMatchObject({ news: 3, inputs: 3, Shipping: 1, Ports: 1, 'Maritime history': 1 });
  });

  it('filters by a published date range, inclusive of the end day', async () => {
    expect(await titles('', { from: '2022-01-03', to: '2022-01-03' })).toEqual([
      'Harbour cranes return to the old port after ten years',
    ]);
    expect((await find('', { from: '2021-01-01' })).total).toBe(2);
    expect((await find('', { to: '2022-01-02' })).total).toBe(1);
  });

  it('sorts by date when asked', async () => {
    const r = await find('the', { sort: 'date' });
    expect(r.total).toBe(0); // "the" is a stop word: nothing matches it alone
    const byDate = await find('harbour lighthouse', { sort: 'date' });
    expect(byDate.hits.map((h) => h.published)).toEqual(['2022-01-03T08:30:00Z', '2022-01-02T17:00:00Z']);
  });

  it('pages through hits while the total counts them all', async () => {
    const page = await find('', { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.hits).toHaveLength(2);
    expect(page.hits[0]!.id).toBe((await find('')).hits[1]!.id);
  });

  it('opens the saved segments on reopening, and rebuilds a damaged one from the article files', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(lib, MANIFEST_FILE), 'utf8'));
    expect(manifest).toMatchObject({ format: 'offprint-index', version: 1 });
    const segments = await fs.readdir(path.join(lib, SEGMENTS_DIR));
    expect(segments.sort()).toEqual(manifest.segments.map((s: { name: string }) => s.name).sort());
    const reopened = await openLibrary(lib);
    expect((await reopened.search({ ...DEFAULT_SEARCH, query: 'quantum' })).total).toBe(1);
    await reopened.close();
    // Nothing was rebuilt: the same files.
    expect((await fs.readdir(path.join(lib, SEGMENTS_DIR))).sort()).toEqual(segments.sort());
    for (const name of segments) {
      const file = path.join(lib, SEGMENTS_DIR, name);
      await fs.truncate(file, (await fs.stat(file)).size >> 1);
    }
    const repaired = await openLibrary(lib);
    expect((await repaired.search({ ...DEFAULT_SEARCH, query: 'quantum' })).total).toBe(1);
    expect(repaired.indexProblems.join('\n')).toMatch(/could not be read \(damaged/);
    await repaired.close();
    const after = JSON.parse(await fs.readFile(path.join(lib, MANIFEST_FILE), 'utf8'));
    expect(after.segments.map((s: { name: string }) => s.name)).not.toContain(segments[0]);
    expect(await fs.readdir(path.join(lib, SEGMENTS_DIR))).not.toContain(segments[0]);
  });

  it('finds words with accented letters at their edges', async () => {
    const extra = path.join(root, 'cafe.txt');
    await fs.writeFile(extra, 'Menu of the café\n\nThe café serves soufflé and crème brûlée.');
    const job = await library.importPaths({ paths: [extra], folderTags: false });
    await library.waitForImport(job.jobId);
    expect(await titles('café')).toEqual(['Menu of the café']);
    expect(await titles('soufflé')).toEqual(['Menu of the café']);
  });
});
