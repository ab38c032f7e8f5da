/**
 * The same bytes arriving while a batch commits (two files with one content, or a second import racing the
 * first) must become one article: between staging and the catalog naming it, an id still counts as present.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../main/library/library';
import { ArticleStore } from '../../main/library/store/article-store';
import { removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { articles, importBytes } from './import/helpers';

let root: string;
let lib: string;
beforeEach(async () => {
  root = await tempDir();
  lib = path.join(root, 'library');
  await (await openLibrary(lib)).close();
});
afterEach(() => removeDir(root));

const page = (title: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `<p>${'A paragraph long enough to count as an article body. '.repeat(8)}</p></article></body></html>`;

describe('an import batch being committed', () => {
  it('counts its articles as present, so the same bytes arriving meanwhile are a duplicate', async () => {
    const [first] = articles(await importBytes('first.html', page('Same bytes')));
    const [again] = articles(await importBytes('copy-of-first.html', page('Same bytes')));
    const store = await ArticleStore.open(lib);
    const added = await store.add(first!);
    expect(added.kind).toBe('imported');

    // The second file arrives at every turn of the event loop while the batch is renamed into place and synced.
    let committed = false;
    const committing = store.commit().then(() => (committed = true));
    const raced = [];
    do {
      raced.push(await store.add(again!));
      await new Promise((resolve) => setImmediate(resolve));
    } while (!committed);
    await committing;
    await store.commit();

    expect(raced.length).toBeGreaterThan(1);
    for (const result of raced) expect(result).toEqual({ kind: 'duplicate', id: added.id });
    expect([...store.all()].map((e) => e.id)).toEqual([added.id]);
    const reopened = await ArticleStore.open(lib);
    expect([...reopened.all()].map((e) => e.title)).toEqual(['Same bytes']);
  });
});
