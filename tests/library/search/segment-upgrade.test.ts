/**
 * A library whose index was written in segment format 1 (tests/fixtures/libraries/segment-v1, made by Offprint
 * before the note and highlight fields and the reading flags): opening it rebuilds the index from the article
 * files, so the new fields and metadata are there, says so once as a repair note, never as damage.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../../common/search';
import { EMPTY_USER_DATA } from '../../../common/user-data';
import { openLibrary } from '../../../main/library/library';
import { SEGMENTS_DIR } from '../../../main/library/search/engine/manifest';
import { SEGMENT_FORMAT_VERSION } from '../../../main/library/search/engine/segment-format';
import { writeUserData } from '../../../main/library/store/user-data';
import { REPO, removeDir, tempDir } from '../../helpers/temp-library';

const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'libraries', 'segment-v1');
let root: string;
let lib: string;

async function segmentVersions(): Promise<Record<string, number>> {
  const dir = path.join(lib, SEGMENTS_DIR);
  const out: Record<string, number> = {};
  for (const name of await fs.readdir(dir))
    out[name] = (await fs.readFile(path.join(dir, name))).readUInt32LE(8);
  return out;
}

beforeAll(async () => {
  root = await tempDir();
  lib = path.join(root, 'library');
  await fs.cp(FIXTURE, lib, { recursive: true });
});
afterAll(async () => {
  await removeDir(root);
});

it('rebuilds format-1 segments from the article files on open, as an upgrade', async () => {
  const before = await segmentVersions();
  expect(Object.values(before)).toEqual([1, 1]);
  // The harbour article (id from its folder) gains a note and is read: only a rebuilt index knows.
  const harbour = 'cd52c57de2c34044dd89';
  await writeUserData(path.join(lib, 'articles', harbour.slice(0, 2), harbour), {
    ...EMPTY_USER_DATA,
    reading: { ...EMPTY_USER_DATA.reading, read: true },
    note: 'Ask about zymurgy.',
  });

  const library = await openLibrary(lib);
  try {
    const r = await library.search({ ...DEFAULT_SEARCH, query: 'note:zymurgy' });
    expect(r.hits.map((h) => h.id)).toEqual([harbour]);
    expect(r.hits[0]).toMatchObject({ read: true, hasNote: true });
    expect((await library.search({ ...DEFAULT_SEARCH, query: 'rail' })).total).toBe(1);
    expect((await library.search({ ...DEFAULT_SEARCH, tags: ['politics'] })).hits.map((h) => h.id)).toEqual([
      harbour,
    ]);
    const health = await library.libraryHealth({});
    expect(health.repairs).toEqual([
      'the search index was written by an earlier Offprint (segment format 1); re-indexing its articles',
    ]);
    expect(health.unrepaired).toEqual([]);
  } finally {
    await library.close();
  }
  // The old files are gone, replaced by segments of the current format.
  const after = await segmentVersions();
  expect(Object.keys(after).some((name) => name in before)).toBe(false);
  expect(new Set(Object.values(after))).toEqual(new Set([SEGMENT_FORMAT_VERSION]));

  // Opened again, on this thread this time: nothing left to upgrade, nothing to report.
  const again = await openLibrary(lib, { searchThreads: 0 });
  try {
    expect((await again.search({ ...DEFAULT_SEARCH, query: 'zymurgy' })).hits[0]!.annotationSnippet).toBe(
      'Ask about <mark>zymurgy</mark>.',
    );
    expect((await again.libraryHealth({})).repairs).toEqual([]);
  } finally {
    await again.close();
  }
});
