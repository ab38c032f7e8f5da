/**
 * Every versioned file through the one registry (main/library/store/file-versions.ts), on the fixture
 * libraries of tests/fixtures/libraries (see its README), each copied to a temporary folder first:
 *
 *   - a past version the code reads (catalog format 1) is upgraded: articles listed, search finds them, the
 *     file is at the current version (segment format 1: tests/library/search/segment-upgrade.test.ts);
 *   - each kind of file in turn at version current + 1 is refused with a message naming the file, the format
 *     and both versions, and nothing in the library is written: not that file, nor any other.
 *
 * The backup manifest's refusal is in tests/library/export/backup-restore.test.ts (it needs a zip).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../common/search';
import { type Library, openLibrary } from '../../main/library/library';
import {
  CATALOG_DIR,
  CATALOG_HEAD,
  LEGACY_CATALOG_FILE,
  readCatalog,
} from '../../main/library/store/catalog';
import { FILE_FORMATS, type FileKind, upgrade } from '../../main/library/store/file-versions';
import { REPO, removeDir, tempDir } from '../helpers/temp-library';

const FIXTURES = path.join(REPO, 'tests', 'fixtures', 'libraries');
/** The fixtures' two articles: the harbour one, and the rail one (which has a note in `current`). */
const HARBOUR = 'cd52c57de2c34044dd89';
const RAIL = 'b191a9aeeaf46c941631';

let root: string;
let lib: string;
beforeEach(async () => {
  root = await tempDir();
  lib = path.join(root, 'library');
});
afterEach(() => removeDir(root));

/** Every file under `dir` with a hash of its bytes: what "nothing was written" compares. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha1')
      .update(await fs.readFile(file))
      .digest('hex');
  }
  return out;
}

async function withLibrary<T>(act: (library: Library) => Promise<T>): Promise<T> {
  const library = await openLibrary(lib, { searchThreads: 0 });
  try {
    return await act(library);
  } finally {
    await library.close();
  }
}

describe('a library of a past version', () => {
  it('catalog format 1 (one catalog.json): upgraded step by step, then written as format 2', async () => {
    await fs.cp(path.join(FIXTURES, 'catalog-v1'), lib, { recursive: true });
    // The migration itself, read as is (no rebuild from the article files could stand in for it).
    const read = (await readCatalog(lib))!;
    expect(read).toMatchObject({ legacy: true, revision: 3 });
    expect([...read.entries.keys()].sort()).toEqual([RAIL, HARBOUR]);
    expect(read.entries.get(HARBOUR)).toMatchObject({ read: false, starred: false, userStamp: '' });

    await withLibrary(async (library) => {
      expect((await library.list()).map((a) => a.id).sort()).toEqual([RAIL, HARBOUR]);
      const hits = await library.search({ ...DEFAULT_SEARCH, query: 'title:cranes' });
      expect(hits.hits.map((h) => h.id)).toEqual([HARBOUR]);
      // An upgrade, not damage: no catalog was rebuilt from the article files.
      expect((await library.libraryHealth({})).repairs.join('\n')).not.toMatch(/catalog/i);
    });
    await expect(fs.access(path.join(lib, LEGACY_CATALOG_FILE))).rejects.toThrow();
    const head = JSON.parse(await fs.readFile(path.join(lib, CATALOG_HEAD), 'utf8'));
    expect(head).toMatchObject({ format: 'offprint-catalog', version: FILE_FORMATS.catalog.current });
    expect(head.revision).toBeGreaterThanOrEqual(3);
    const shards = await fs.readdir(path.join(lib, CATALOG_DIR));
    expect(shards.filter((n) => n.endsWith('.jsonl')).sort()).toEqual(['b.jsonl', 'c.jsonl']);
  });
});

interface FutureCase {
  kind: FileKind;
  /** The file that carries the newer version, relative to the library. */
  file: string;
  /** What the reader does that must be refused. */
  act: () => Promise<unknown>;
  /** Changes to the copy before the newer file is written (e.g. drop the catalog so a rebuild reads it). */
  prepare?: () => Promise<void>;
}

const FUTURE: FutureCase[] = [
  { kind: 'descriptor', file: 'offprint-library.json', act: () => withLibrary(async () => {}) },
  { kind: 'catalog', file: path.join(CATALOG_DIR, 'head.json'), act: () => withLibrary(async () => {}) },
  {
    kind: 'article',
    file: path.join('articles', 'cd', HARBOUR, 'article.json'),
    act: () => withLibrary((library) => library.getArticle({ id: HARBOUR })),
  },
  {
    // With the catalog lost, opening rebuilds it from the article files: a newer article must stop that
    // rebuild, not be taken for damage and moved to quarantine.
    kind: 'article',
    file: path.join('articles', 'cd', HARBOUR, 'article.json'),
    prepare: () => fs.rm(path.join(lib, CATALOG_DIR), { recursive: true }),
    act: () => withLibrary(async () => {}),
  },
  {
    kind: 'index-manifest',
    file: path.join('index', 'manifest.json'),
    act: () => withLibrary(async () => {}),
  },
  { kind: 'segment', file: '', act: () => withLibrary(async () => {}) },
  {
    kind: 'user-data',
    file: path.join('articles', 'b1', RAIL, 'user.json'),
    act: () => withLibrary((library) => library.setNote({ id: RAIL, note: 'overwritten?' })),
  },
  {
    kind: 'saved-searches',
    file: 'saved-searches.json',
    act: () =>
      withLibrary(async (library) => {
        const [first] = await library.savedSearches();
        return library.renameSavedSearch({ id: first!.id, name: 'overwritten?' });
      }),
  },
];

/** Writes version current + 1 into the file, as a newer Offprint would have. */
async function makeNewer(kind: FileKind, file: string): Promise<void> {
  const format = FILE_FORMATS[kind];
  if (kind === 'segment') {
    const bytes = await fs.readFile(file);
    bytes.writeUInt32LE(format.current + 1, 8);
    await fs.writeFile(file, bytes);
    return;
  }
  const parsed = JSON.parse(await fs.readFile(file, 'utf8'));
  await fs.writeFile(file, JSON.stringify({ ...parsed, [format.field]: format.current + 1 }));
}

describe('a library with a file from a newer Offprint', () => {
  it.each(FUTURE.map((c, i) => [`${c.kind}${c.prepare ? ' (catalog lost)' : ''}`, i] as const))(
    '%s: refused, naming the file and both versions, and nothing is written',
    async (_name, i) => {
      const c = FUTURE[i]!;
      await fs.cp(path.join(FIXTURES, 'current'), lib, { recursive: true });
      await c.prepare?.();
      let relative = c.file;
      if (c.kind === 'segment') {
        const [name] = (await fs.readdir(path.join(lib, 'index', 'segments'))).sort();
        relative = path.join('index', 'segments', name!);
      }
      await makeNewer(c.kind, path.join(lib, relative));
      const before = await snapshot(lib);
      const { label, current } = FILE_FORMATS[c.kind];

      const refused = await c.act().then(
        () => null,
        (error: Error) => error,
      );
      expect(refused?.message).toContain(
        `${path.join(lib, relative)} was written by a newer Offprint (${label} ${current + 1}; ` +
          `this version reads up to ${current}). Update Offprint`,
      );
      expect(await snapshot(lib)).toEqual(before);
    },
  );
});

describe('an index a newer Offprint writes while this one has the library open', () => {
  it('is refused at every turn, never rebuilt over', async () => {
    await fs.cp(path.join(FIXTURES, 'current'), lib, { recursive: true });
    const file = path.join(lib, 'index', 'manifest.json');
    const library = await openLibrary(lib, { searchThreads: 0 });
    try {
      expect((await library.search({ ...DEFAULT_SEARCH, query: 'cranes' })).total).toBe(1);
      await makeNewer('index-manifest', file);
      const newer = await fs.readFile(file);
      const refused =
        /manifest\.json was written by a newer Offprint \(index format 2; this version reads up to 1\)/;
      // Refused again the second time: a reader that remembered it had seen this manifest would go on from
      // its old view, and the next catch-up would write its own manifest over the newer one.
      for (let turn = 0; turn < 2; turn++)
        await expect(library.search({ ...DEFAULT_SEARCH, query: 'cranes' })).rejects.toThrow(refused);
      await expect(library.setNote({ id: HARBOUR, note: 'Ask about zymurgy.' })).rejects.toThrow(refused);
      expect(await fs.readFile(file)).toEqual(newer);
    } finally {
      await library.close().catch(() => {});
    }
    expect(JSON.parse(await fs.readFile(file, 'utf8')).version).toBe(2);
  });
});

describe('the registry', () => {
  it('has exactly one step per version between the oldest it reads and the current one', () => {
    for (const format of Object.values(FILE_FORMATS))
      expect(format.steps).toHaveLength(format.current - format.oldest);
  });

  it('refuses a file without a version, or with one that is not a number, as damaged', () => {
    for (const value of [{}, { version: '2' }, { version: 1.5 }, null])
      expect(() => upgrade('descriptor', value, 'x.json')).toThrow(
        expect.objectContaining({ reason: 'damaged', message: expect.stringMatching(/^x\.json is damaged/) }),
      );
  });
});
