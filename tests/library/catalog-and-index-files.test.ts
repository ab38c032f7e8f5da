/**
 * The catalog and the search index on disk: appended to, not rewritten; a torn last line ignored; a lost index
 * rebuilt. Past and newer versions of these files: tests/library/file-versions.test.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../common/search';
import { openLibrary } from '../../main/library/library';
import { SEGMENTS_DIR } from '../../main/library/search/engine/manifest';
import { CATALOG_DIR, readCatalog } from '../../main/library/store/catalog';
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
});

describe('the search index on disk', () => {
  it('rebuilds a lost index from the article files', async () => {
    await fs.rm(path.join(lib, 'index', 'manifest.json'));
    await fs.rm(path.join(lib, SEGMENTS_DIR), { recursive: true });
    const library = await openLibrary(lib);
    expect((await library.search({ ...DEFAULT_SEARCH, query: 'quantum' })).total).toBe(1);
    await library.close();
    expect(await fs.readdir(path.join(lib, SEGMENTS_DIR))).toHaveLength(1);
  });
});
