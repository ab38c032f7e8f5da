/**
 * One library process searching while it imports (the app and `offprint serve` do this): every search
 * answers, the import commits batch by batch without losing a file, and at the end all of it is searchable.
 * Searching reloads the catalog when another process changed it; it must never mistake this process's own
 * running batch for a crash's leftovers (that once removed the batch's temporary files mid-import).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../common/search';
import { openLibrary } from '../../main/library/library';
import { removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { writeSyntheticCorpus } from '../helpers/synthetic-corpus';

const ARTICLES = 2500;
let root: string;
let folders: string[];

beforeAll(async () => {
  root = await tempDir();
  folders = await writeSyntheticCorpus(path.join(root, 'corpus'), ARTICLES, 5, 21, 'quillwort');
});
afterAll(() => removeDir(root));

describe('searching while importing, in one process', () => {
  it('answers every search and imports every file', async () => {
    const library = await openLibrary(path.join(root, 'lib'));
    const job = await library.importPaths({ paths: folders, folderTags: false });
    let running = true;
    const finished = library.waitForImport(job.jobId).then((p) => ((running = false), p));
    const seen: number[] = [];
    while (running) {
      const r = await library.search({ ...DEFAULT_SEARCH, query: 'quillwort', limit: 5 });
      expect(r.hits.length).toBe(Math.min(5, r.total));
      seen.push(r.total);
      await library.indexStats();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const done = await finished;
    expect(done.state).toBe('done');
    expect(done.report!.failed).toEqual([]);
    expect(done.imported).toBe(ARTICLES);
    expect(seen.length).toBeGreaterThan(0);
    // Never more than what was imported, never fewer later than earlier.
    expect(seen.every((n, i) => n <= ARTICLES && (i === 0 || n >= seen[i - 1]!))).toBe(true);
    const all = await library.search({ ...DEFAULT_SEARCH, query: 'quillwort', limit: 1 });
    expect(all.total).toBe(ARTICLES);
    expect(all.notice).toBeNull();
    expect(await library.indexStats()).toMatchObject({ live: ARTICLES, dead: 0 });
    await library.close();
  }, 180_000);
});
