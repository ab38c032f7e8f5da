/**
 * A hit read straight from its article's files, called directly on a real article folder: what a hit shows
 * (never the html), the reader's data beside it, and an article gone or damaged since the index was read said
 * in words, naming the id or the file. A damaged or newer user.json never fails the search.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_USER_DATA } from '../../../common/user-data';
import { hitUserData, readHitSource } from '../../../main/library/search/hit-file';
import { writeUserData } from '../../../main/library/store/user-data';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';

let lib: string;
let dir: string;
const ID = 'ab34cd';
const ARTICLE = {
  id: ID,
  formatVersion: 1,
  title: 'Rivers rise',
  subtitle: 'Flood warnings',
  published: '2023-05-01T22:00:00Z',
  site: 'Valley Times',
  tags: ['floods'],
  url: 'https://example.org/rivers',
  linkOnly: false,
  text: 'The river rose a metre overnight.',
  html: '<p>The river rose a metre overnight.</p>',
  author: 'Ann Lee',
};

beforeEach(async () => {
  lib = await tempDir();
  dir = path.join(lib, 'articles', 'ab', ID);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'article.json'), JSON.stringify(ARTICLE));
});
afterEach(async () => {
  await removeDir(lib);
});

describe('readHitSource', () => {
  it('keeps what a hit shows, and the reader data beside it', async () => {
    const data = { ...EMPTY_USER_DATA, note: 'Check the gauges.' };
    await writeUserData(dir, data);
    expect(await readHitSource(lib, ID)).toEqual({
      id: ID,
      title: 'Rivers rise',
      subtitle: 'Flood warnings',
      published: '2023-05-01T22:00:00Z',
      site: 'Valley Times',
      tags: ['floods'],
      url: 'https://example.org/rivers',
      linkOnly: false,
      text: 'The river rose a metre overnight.',
      user: data,
    });
  });

  it('says an article gone since the index was read is gone, by id and file', async () => {
    await removeDir(dir);
    await expect(readHitSource(lib, ID)).rejects.toMatchObject({
      kind: 'not-found',
      message: `No article with id ${ID} in this library (${path.join(dir, 'article.json')} is gone).`,
    });
  });

  it('says a damaged or foreign article file is damaged, naming it', async () => {
    const file = path.join(dir, 'article.json');
    await fs.writeFile(file, '{"id":"ab34cd","formatVer');
    await expect(readHitSource(lib, ID)).rejects.toMatchObject({
      kind: 'failed',
      message: `${file} is damaged: it is not complete JSON.`,
    });
    await fs.writeFile(file, '{"title":"no id"}');
    await expect(readHitSource(lib, ID)).rejects.toThrow(`${file} is not an Offprint article.`);
    await fs.writeFile(file, JSON.stringify({ ...ARTICLE, formatVersion: 7 }));
    await expect(readHitSource(lib, ID)).rejects.toThrow(/was written by a newer Offprint/);
  });

  it('shows no annotation for a damaged or newer user.json, and does not fail', async () => {
    for (const content of ['{"format":', '{"format":"offprint-user-data","formatVersion":9}']) {
      await fs.writeFile(path.join(dir, 'user.json'), content);
      expect((await readHitSource(lib, ID)).user, content).toEqual(EMPTY_USER_DATA);
      expect(await hitUserData(dir)).toEqual(EMPTY_USER_DATA);
    }
  });
});
