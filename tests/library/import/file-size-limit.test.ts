/**
 * A file on disk larger than the per-file limit: it is never loaded whole. One no importer can stream is
 * refused with its size in the reason; a WARC, which streams its records from disk, is still read. Run through
 * `extract` (the worker's entry point) with the limit set low, on files written for the test.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setImportLimits } from '../../../main/library/import/limits';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { articles, importFile } from './helpers';
import { httpResponse, makeWarc } from './warc-writer';

const PAGE = `<!doctype html><html><head><title>Tides rise at the harbour</title></head><body><article>
<h1>Tides rise at the harbour</h1>
<p>The tide rose higher than ever recorded at the harbour wall this week, gauges show.</p>
<p>Harbour masters moved the small boats inland on Tuesday night as the water came over the quay.</p>
<p>Engineers will survey the wall again next month before the spring tides arrive.</p>
</article></body></html>`;

let dir: string;
beforeAll(async () => {
  dir = await tempDir('offprint-file-limit-');
});
afterAll(async () => {
  await removeDir(dir);
});
afterEach(() => setImportLimits());

describe('a file over the per-file limit', () => {
  it('is refused, with its size, when no importer streams it', async () => {
    const file = path.join(dir, 'big.txt');
    await fs.writeFile(file, 'A long note about the harbour wall.\n'.repeat(80_000)); // 2.9 MB
    setImportLimits({ maxFileBytes: 1024 * 1024 });
    expect(await importFile(file)).toEqual([
      { kind: 'failed', source: 'big.txt', reason: 'too large to be an article (3 MB)' },
    ]);
    // Under the limit, the same file is an article.
    setImportLimits({ maxFileBytes: 4 * 1024 * 1024 });
    expect(articles(await importFile(file))).toHaveLength(1);
  });

  it('is still read when it is a WARC, record by record from disk', async () => {
    const file = path.join(dir, 'crawl.warc');
    const warc = makeWarc([
      {
        type: 'response',
        uri: 'https://coast.example/tides',
        block: httpResponse({ 'Content-Type': 'text/html; charset=utf-8' }, PAGE),
      },
    ]);
    await fs.writeFile(file, warc);
    setImportLimits({ maxFileBytes: Math.floor(warc.length / 2) });
    const read = articles(await importFile(file));
    expect(read.map((a) => [a.importer, a.article.title])).toEqual([['warc', 'Tides rise at the harbour']]);
  });
});
