/**
 * Queries that cannot stall anything: over a real library holding one word of a million letters, each costly
 * shape answers by its deadline with a notice, while it runs other library calls (and other searches) are
 * answered before it, and ordinary queries answer as before.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../../common/search';
import { type Library, openLibrary } from '../../../main/library/library';
import { MAX_FUZZY_LENGTH } from '../../../main/library/search/parse-query';
import { COSTLY_QUERIES, writeCostlyInputs } from '../../helpers/costly-library';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';
import { runCli } from '../../helpers/run-cli';

let root: string;
let library: Library;
let inline: Library;

const search = (lib: Library, query: string) => lib.search({ ...DEFAULT_SEARCH, query });

beforeAll(async () => {
  root = await tempDir();
  await writeCostlyInputs(path.join(root, 'inputs'));
  library = await openLibrary(path.join(root, 'lib'));
  const job = await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: true });
  expect((await library.waitForImport(job.jobId)).report!.failed).toEqual([]);
  inline = await openLibrary(path.join(root, 'lib'), { searchThreads: 0 });
}, 180_000);
afterAll(async () => {
  await library?.close();
  await inline?.close();
  await removeDir(root);
});

describe('costly queries', () => {
  const STOPPED = /this search (took longer than 2 s|was too costly to finish) and was stopped/;

  it('a star and 300 letters answers by its deadline, saying it was stopped', async () => {
    expect((await search(library, COSTLY_QUERIES[0]!)).notice).toMatch(STOPPED);
  }, 60_000);

  it('a*a*a*a*a* answers: with the long word when it finished, else saying it was stopped', async () => {
    const r = await search(library, COSTLY_QUERIES[1]!);
    if (r.notice) expect(r.notice).toMatch(STOPPED);
    else expect(r.hits.map((h) => h.title)).toContain('One very long word');
  }, 60_000);

  it('matches a 300-letter word with ~2 exactly, and says so', async () => {
    const r = await search(library, `${'a'.repeat(300)}~2`);
    expect(r.notice).toMatch(new RegExp(`longer than ${MAX_FUZZY_LENGTH} letters are matched exactly`));
  });

  it('answers other calls, and another search, while a costly search runs', async () => {
    // Both search threads started, so the ordinary search below does not wait for a thread to load.
    await Promise.all([search(library, 'goal'), search(library, 'quantum')]);
    const order: string[] = [];
    const slow = search(library, COSTLY_QUERIES[0]!).then(() => order.push('costly search'));
    await library.list({}).then(() => order.push('list'));
    await library.getArticle({ id: (await library.list({}))[0]!.id }).then(() => order.push('article'));
    await search(library, 'goal').then(() => order.push('other search'));
    await slow;
    expect(order).toEqual(['list', 'article', 'other search', 'costly search']);
  }, 60_000);

  it('answers as the in-process search does, for ordinary queries', async () => {
    for (const query of [
      'goal',
      'quantum chemistry',
      'title:budget',
      'rail*',
      '+cup -quantum',
      'chemstry~1',
      '',
    ]) {
      const [threaded, here] = await Promise.all([search(library, query), search(inline, query)]);
      expect({ ...threaded, tookMs: 0 }).toEqual({ ...here, tookMs: 0 });
      expect(threaded.notice).toBeNull();
    }
  });

  it('bounds `offprint search` (one-shot, on its own thread) by the same deadline', async () => {
    const r = await runCli(['search', '--library', path.join(root, 'lib'), '--json', COSTLY_QUERIES[0]!]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).notice).toMatch(/was stopped/);
  }, 60_000);

  it('bounds the in-process search by the same deadline', async () => {
    expect((await search(inline, COSTLY_QUERIES[0]!)).notice).toMatch(/was stopped/);
  }, 60_000);
});
