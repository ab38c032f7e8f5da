/**
 * The saved index answers exactly as the one just built: a synthetic corpus is imported, a set of queries of
 * every kind is run, the library is closed and opened again (the segments on disk are loaded, not rebuilt:
 * the same files, untouched), and the same queries give the same ids in the same order with the same scores,
 * on a search thread and on the caller's thread alike.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../../common/search';
import { type Library, openLibrary } from '../../../main/library/library';
import { MANIFEST_FILE, SEGMENTS_DIR } from '../../../main/library/search/engine/manifest';
import { writeSyntheticCorpus } from '../../helpers/synthetic-corpus';
import { removeDir, tempDir } from '../../helpers/temp-library';

const QUERIES = [
  'market profit',
  'title:bank',
  'body:strike wage',
  'tags:group',
  'note:zymurgy',
  'title:film^10 music',
  'champion*',
  'footbal~1',
  '+oil +price',
  'harbour -bridge',
  '"railway airport"',
  'café',
];

let root: string;
let lib: string;
/** The answers of the library that imported the corpus and built the index. */
let built: Array<Array<[string, number]>>;

beforeAll(async () => {
  root = await tempDir();
  lib = path.join(root, 'library');
  const folders = await writeSyntheticCorpus(path.join(root, 'inputs'), 80, 2, 11);
  const library = await openLibrary(lib);
  try {
    const job = await library.importPaths({ paths: folders, folderTags: true });
    const imported = (await library.waitForImport(job.jobId)).report!.imported;
    expect(imported).toHaveLength(80);
    await library.setNote({ id: imported[3]!.id, note: 'Ask about zymurgy.' });
    await library.whenIndexed();
    built = await answers(library);
  } finally {
    await library.close();
  }
});
afterAll(() => removeDir(root));

async function answers(library: Library): Promise<Array<Array<[string, number]>>> {
  const out: Array<Array<[string, number]>> = [];
  for (const query of QUERIES) {
    const response = await library.search({ ...DEFAULT_SEARCH, query, limit: 1000 });
    out.push(response.hits.map((h) => [h.id, h.score]));
  }
  return out;
}

/** Each segment file's name, size and modification time, and the manifest's bytes. */
async function indexOnDisk(): Promise<string> {
  const dir = path.join(lib, SEGMENTS_DIR);
  const files = [];
  for (const name of (await fs.readdir(dir)).sort()) {
    const stat = await fs.stat(path.join(dir, name));
    files.push([name, stat.size, stat.mtimeMs]);
  }
  return JSON.stringify([files, await fs.readFile(path.join(lib, MANIFEST_FILE), 'utf8')]);
}

it('gives the same ids and scores after a close and a reopen that loads the saved segments', async () => {
  const saved = await indexOnDisk();
  // Every kind of query found something: an empty answer on both sides would prove nothing.
  for (const [i, hits] of built.entries()) expect(hits.length, QUERIES[i]).toBeGreaterThan(0);
  expect(built[QUERIES.indexOf('note:zymurgy')]).toHaveLength(1);

  for (const searchThreads of [undefined, 0]) {
    const again = await openLibrary(lib, searchThreads === undefined ? {} : { searchThreads });
    try {
      expect(await answers(again)).toEqual(built);
      expect(again.indexProblems).toEqual([]);
    } finally {
      await again.close();
    }
    // Loaded, not rebuilt: the same segment files, not one of them written again, and the same manifest.
    expect(await indexOnDisk()).toBe(saved);
  }
});
