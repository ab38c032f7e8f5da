/**
 * The catalog and the search index on disk: appended to, not rewritten; a torn last line ignored; format 1
 * upgraded; files from a newer Offprint refused with a message and left as they are.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../common/search';
import { openLibrary } from '../../main/library/library';
import { MANIFEST_FILE, SEGMENTS_DIR } from '../../main/library/search/engine/manifest';
import { SEGMENT_FORMAT_VERSION } from '../../main/library/search/engine/segment-format';
import { ArticleStore } from '../../main/library/store/article-store';
import {
  CATALOG_DIR,
  CATALOG_HEAD,
  LEGACY_CATALOG_FILE,
  readCatalog,
} from '../../main/library/store/catalog';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';

let root: string;
let lib: string;
let ids: string[];

beforeEach(async () => {
  root = await tempDir();
  lib = path.join(root, 'lib');
  await writeFixtures(path.join(root, 'inputs'));
  const library = await openLibrary(lib);
  const job = await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: false });
  ids = (await library.waitForImport(job.jobId)).report!.imported.map((i) => i.id).sort();
  await library.close();
});
afterEach(() => removeDir(root));

const listed = async () => {
  const library = await openLibrary(lib);
  try {
    return (await library.list({})).map((a) => a.id).sort();
  } finally {
    await library.close();
  }
};
const shardOf = (id: string) => path.join(lib, CATALOG_DIR, `${id[0]}.jsonl`);

describe('the catalog on disk', () => {
  it('holds one line per article in sixteen shards, and a tag edit appends one line to one shard', async () => {
    expect(ids).toHaveLength(5);
    const before = new Map<string, string>();
    for (const name of await fs.readdir(path.join(lib, CATALOG_DIR)))
      before.set(name, await fs.readFile(path.join(lib, CATALOG_DIR, name), 'utf8'));
    const lines = [...before.entries()]
      .filter(([n]) => n.endsWith('.jsonl'))
      .flatMap(([, t]) => t.split('\n').filter(Boolean));
    expect(lines.map((l) => JSON.parse(l).e.id).sort()).toEqual(ids);
    const library = await openLibrary(lib);
    await library.setTags({ id: ids[0]!, tags: ['renamed'] });
    await library.close();
    for (const [name, text] of before) {
      const now = await fs.readFile(path.join(lib, CATALOG_DIR, name), 'utf8');
      if (name === `${ids[0]![0]}.jsonl`) {
        expect(now.startsWith(text)).toBe(true);
        const added = now.slice(text.length).split('\n').filter(Boolean);
        expect(added.map((l) => JSON.parse(l).e)).toEqual([
          expect.objectContaining({ id: ids[0], tags: ['renamed'] }),
        ]);
      } else if (name !== 'head.json') expect(now).toBe(text);
    }
  });

  it('ignores a line torn by a crash at the end of a shard', async () => {
    await fs.appendFile(shardOf(ids[0]!), '{"r":99,"e":{"id":"0123456789abcdef0123","ti');
    // Read as it is, not rebuilt from the article files (which would hide a reader that gave up).
    expect([...(await readCatalog(lib))!.entries.keys()].sort()).toEqual(ids);
    expect(await listed()).toEqual(ids);
  });

  it('upgrades a format-1 catalog.json and removes it', async () => {
    const store = await ArticleStore.open(lib);
    const articles = [...store.all()];
    await fs.rm(path.join(lib, CATALOG_DIR), { recursive: true });
    await fs.writeFile(
      path.join(lib, LEGACY_CATALOG_FILE),
      JSON.stringify({ format: 'offprint-catalog', version: 1, revision: 3, articles }),
    );
    expect(await listed()).toEqual(ids);
    await expect(fs.access(path.join(lib, LEGACY_CATALOG_FILE))).rejects.toThrow();
    expect(JSON.parse(await fs.readFile(path.join(lib, CATALOG_HEAD), 'utf8'))).toMatchObject({ version: 2 });
  });

  it('refuses a catalog written by a newer Offprint and leaves it alone', async () => {
    const head = JSON.stringify({ format: 'offprint-catalog', version: 3, revision: 9 });
    await fs.writeFile(path.join(lib, CATALOG_HEAD), head);
    await expect(openLibrary(lib)).rejects.toThrow(/head\.json was written by a newer Offprint \(catalog format 3; this version reads up to 2\)/);
    expect(await fs.readFile(path.join(lib, CATALOG_HEAD), 'utf8')).toBe(head);
  });
});

describe('the search index on disk', () => {
  it('refuses an index manifest written by a newer Offprint and leaves it alone', async () => {
    const file = path.join(lib, MANIFEST_FILE);
    const manifest = { ...JSON.parse(await fs.readFile(file, 'utf8')), version: 2 };
    await fs.writeFile(file, JSON.stringify(manifest));
    await expect(openLibrary(lib)).rejects.toThrow(/manifest\.json was written by a newer Offprint \(index format 2; this version reads up to 1\)/);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).version).toBe(2);
  });

  it('refuses a segment written by a newer Offprint and leaves it alone', async () => {
    const [name] = await fs.readdir(path.join(lib, SEGMENTS_DIR));
    const file = path.join(lib, SEGMENTS_DIR, name!);
    const bytes = await fs.readFile(file);
    const newer = SEGMENT_FORMAT_VERSION + 1;
    bytes.writeUInt32LE(newer, 8);
    await fs.writeFile(file, bytes);
    await expect(openLibrary(lib)).rejects.toThrow(
      `${name} was written by a newer Offprint (segment format ${newer}; this version reads up to ${SEGMENT_FORMAT_VERSION})`,
    );
    expect((await fs.readFile(file)).readUInt32LE(8)).toBe(newer);
  });

  it('rebuilds a lost index from the article files', async () => {
    await fs.rm(path.join(lib, 'index', 'manifest.json'));
    await fs.rm(path.join(lib, SEGMENTS_DIR), { recursive: true });
    const library = await openLibrary(lib);
    expect((await library.search({ ...DEFAULT_SEARCH, query: 'quantum' })).total).toBe(1);
    await library.close();
    expect(await fs.readdir(path.join(lib, SEGMENTS_DIR))).toHaveLength(1);
  });
});
