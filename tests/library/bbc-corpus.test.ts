/** The whole BBC corpus (2,225 articles) imported into a temporary library, then searched. */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../common/search';
import type { ImportReport } from '../../common/import';
import { type Library, openLibrary } from '../../main/library/library';
import { BBC, needShared, removeDir, tempDir } from '../helpers/fixtures-and-shared';

const TOPICS = ['business', 'entertainment', 'politics', 'sport', 'tech'];
const present = await needShared(BBC, 'BBC corpus integration test');

describe.skipIf(!present)('importing the BBC corpus', () => {
  let root: string;
  let library: Library;
  let first: ImportReport;
  const files: string[] = [];

  beforeAll(async () => {
    for (const topic of TOPICS) {
      for (const name of await fs.readdir(path.join(BBC, topic))) files.push(path.join(BBC, topic, name));
    }
    root = await tempDir();
    library = await openLibrary(path.join(root, 'lib'));
    const job = await library.importPaths({ paths: TOPICS.map((t) => path.join(BBC, t)), folderTags: true });
    first = (await library.waitForImport(job.jobId)).report!;
  });
  afterAll(async () => {
    await library?.close();
    await removeDir(root);
  });

  it('gives every one of the 2,225 files a result, none failed', async () => {
    expect(files).toHaveLength(2225);
    expect(first.failed).toEqual([]);
    expect(first.imported.length + first.duplicates.length).toBe(2225);
    // The corpus holds some byte-identical files; each duplicate must really equal an imported article.
    const hashes = new Set<string>();
    for (const file of files)
      hashes.add(
        createHash('sha256')
          .update(await fs.readFile(file))
          .digest('hex'),
      );
    expect(first.imported).toHaveLength(hashes.size);
    expect((await library.libraryInfo({})).articles).toBe(hashes.size);
  });

  it('reports all 2,225 as duplicates on a second import', async () => {
    const job = await library.importPaths({ paths: TOPICS.map((t) => path.join(BBC, t)), folderTags: true });
    const second = (await library.waitForImport(job.jobId)).report!;
    expect(second.imported).toEqual([]);
    expect(second.failed).toEqual([]);
    expect(second.duplicates).toHaveLength(2225);
  });

  it('decodes the ISO-8859-1 file to the right characters', async () => {
    const item = first.imported.find((i) => i.source === '199.txt' && i.title.length > 0 && i.id);
    const candidates = first.imported.filter((i) => i.source === '199.txt');
    const texts = await Promise.all(candidates.map((c) => library.getArticle({ id: c.id })));
    expect(item).toBeDefined();
    const latin = texts.find((t) => /[\u00c0-\u00ff£]/.test(t.text));
    expect(latin).toBeDefined();
    expect(latin!.text).not.toMatch(/\ufffd|[\u0080-\u009f]/);
  });

  it('finds the right articles', async () => {
    const r = await library.search({ ...DEFAULT_SEARCH, query: 'time warner profit', limit: 3 });
    expect(r.hits[0]!.title).toBe('Ad sales boost Time Warner profit');
    expect(r.hits[0]!.snippet).toMatch(/<mark>/);
    const tech = await library.search({ ...DEFAULT_SEARCH, query: '', tags: ['tech'], limit: 100_000 });
    expect(tech.total).toBeGreaterThan(300);
    expect(tech.hits.every((h) => h.tags.includes('tech'))).toBe(true);
    expect(tech.tags.find((t) => t.tag === 'tech')!.count).toBe(tech.total);
    expect(tech.tags.map((t) => t.tag)).toEqual(['tech']);
    const phone = await library.search({ ...DEFAULT_SEARCH, query: '+title:mobile +phone', tags: ['tech'] });
    expect(phone.hits.length).toBeGreaterThan(0);
    expect(phone.hits.every((h) => /mobile/i.test(h.title))).toBe(true);
  });
});
