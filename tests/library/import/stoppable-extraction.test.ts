/**
 * A file that would keep the extraction worker busy for minutes costs one failed import, never the batch:
 * past its time limit the worker thread is terminated and replaced, the file fails with the reason in words,
 * the files queued behind it are extracted by the new thread, and cancel stops the job while one runs.
 * The hostile file is real: 1,500 nested `<div>`s, which Readability needs minutes for (the depth pre-scan is
 * turned off here with a high limit, so only the time limit can stop it).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../../common/search';
import { openLibrary } from '../../../main/library/library';
import { removeDir, tempDir } from '../../helpers/temp-library';

const DEPTH = 1500;
const HOSTILE = `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(DEPTH)}<p>Words at the bottom of a very deep page.</p>${'</div>'.repeat(DEPTH)}</body></html>`;
const page = (title: string, word: string): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>The ${word} story has enough words in its paragraphs to be an article that Readability keeps as content.</p>`.repeat(4)}</article></body></html>`;

/** Limits for these tests: a short clock, and depth no longer refused before parsing. */
const LIMITS = { fileTimeoutMs: 2000, maxNestingDepth: 100_000 };

let root: string;
beforeEach(async () => {
  root = await tempDir();
});
afterEach(() => removeDir(root));

async function writeBatch(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  // Named so the hostile page is asked for first: the others queue behind it in the worker.
  await fs.writeFile(path.join(dir, 'a-deep.html'), HOSTILE);
  const names: string[] = [];
  for (const [i, word] of ['heron', 'otter', 'badger', 'kestrel', 'lynx'].entries()) {
    const name = `b${i}-${word}.html`;
    await fs.writeFile(path.join(dir, name), page(`The ${word}`, word));
    names.push(name);
  }
  await fs.writeFile(path.join(dir, 'c-notes.txt'), 'Field notes\n\nThe weasel crossed the path at dawn.');
  return [...names, 'c-notes.txt'];
}

describe('a file past its time limit', () => {
  it('fails alone with the reason; the worker is replaced and the rest of the batch imports', async () => {
    const inputs = path.join(root, 'inputs');
    const others = await writeBatch(inputs);
    const library = await openLibrary(path.join(root, 'lib'), { importLimits: LIMITS });
    try {
      const job = await library.importPaths({ paths: [inputs], folderTags: false });
      const done = await library.waitForImport(job.jobId);
      expect(done.state).toBe('done');
      expect(done.report!.failed).toEqual([
        { source: 'a-deep.html', reason: 'took longer than 2 s to read, and was stopped' },
      ]);
      expect(done.report!.imported.map((a) => a.source).sort()).toEqual(others);
      expect(library.extractionWorker.threadsStarted).toBe(2);
      // The stopped thread is gone, not left computing unseen (the new one stays until the library closes).
      while (library.extractionWorker.threadsAlive > 1) await new Promise((r) => setTimeout(r, 50));
      // The library goes on: the new thread extracts, and everything imported is listed and searchable.
      expect((await library.list({})).length).toBe(others.length);
      const hits = await library.search({ ...DEFAULT_SEARCH, query: 'kestrel' });
      expect(hits.hits.map((h) => h.title)).toEqual(['The kestrel']);
      const again = await library.importFiles({
        files: [
          { name: 'later.txt', data: Buffer.from('Later\n\nA later note about a vole.').toString('base64') },
        ],
      });
      expect((await library.waitForImport(again.jobId)).imported).toBe(1);
    } finally {
      await library.close();
    }
  }, 120_000);

  it('cancel stops the job while the hostile file runs, and the library imports again afterwards', async () => {
    const inputs = path.join(root, 'inputs');
    await writeBatch(inputs);
    // A clock far longer than the test: only cancelling can end this job in time.
    const library = await openLibrary(path.join(root, 'lib'), {
      importLimits: { ...LIMITS, fileTimeoutMs: 600_000 },
    });
    try {
      const job = await library.importPaths({ paths: [inputs], folderTags: false });
      // Wait until the hostile page holds the worker (the others wait behind it).
      while ((await library.importStatus({ jobId: job.jobId })).total < 7)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      await library.cancelImport({ jobId: job.jobId });
      const done = await library.waitForImport(job.jobId);
      expect(done.state).toBe('cancelled');
      expect(done.report!.failed).toEqual([]);
      expect(done.report!.imported).toEqual([]);
      const again = await library.importFiles({
        files: [
          { name: 'after.txt', data: Buffer.from('After\n\nA note about a stoat.').toString('base64') },
        ],
      });
      const after = await library.waitForImport(again.jobId);
      expect(after.report!.imported.map((a) => a.title)).toEqual(['After']);
    } finally {
      await library.close();
    }
  }, 120_000);
});
