/**
 * Saved searches in a real library folder: saved-searches.json, versioned; names unique in any case; renamed
 * and deleted by id; a file from a newer Offprint refused and left as it is.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAVED_SEARCHES_FILE } from '../../common/saved-search';
import { DEFAULT_SEARCH } from '../../common/search';
import { type Library, openLibrary } from '../../main/library/library';
import { removeDir, tempDir } from '../helpers/fixtures-and-shared';

let root: string;
let lib: string;
let library: Library;

beforeEach(async () => {
  root = await tempDir();
  lib = path.join(root, 'lib');
  library = await openLibrary(lib, { searchThreads: 0 });
});
afterEach(async () => {
  await library.close();
  await removeDir(root);
});

const { offset: _o, limit: _l, ...defaults } = DEFAULT_SEARCH;
const file = () => path.join(lib, SAVED_SEARCHES_FILE);

describe('saved searches', () => {
  it('saves, lists, renames and deletes, and keeps them in the library folder', async () => {
    expect(await library.savedSearches({})).toEqual([]);
    const criteria = {
      ...defaults,
      query: 'harbour',
      tags: ['news'],
      notTags: ['sport'],
      readState: 'unread' as const,
    };
    const saved = await library.saveSearch({ name: '  Unread   harbour news ', criteria });
    expect(saved).toMatchObject({ name: 'Unread harbour news', criteria });
    expect(saved.id).toMatch(/^[0-9a-f]{16}$/);
    const second = await library.saveSearch({ name: 'Starred', criteria: { ...defaults, starred: true } });

    await library.close();
    library = await openLibrary(lib, { searchThreads: 0 });
    expect((await library.savedSearches({})).map((s) => s.name)).toEqual(['Unread harbour news', 'Starred']);
    const stored = JSON.parse(await fs.readFile(file(), 'utf8'));
    expect(stored).toMatchObject({ format: 'offprint-saved-searches', formatVersion: 1 });
    expect(stored.searches[0].criteria).toEqual(criteria);

    const renamed = await library.renameSavedSearch({ id: second.id, name: 'Favourites' });
    expect(renamed).toEqual({ ...second, name: 'Favourites' });
    // A name may change case on its own search.
    await library.renameSavedSearch({ id: second.id, name: 'FAVOURITES' });
    expect(await library.deleteSavedSearch({ id: saved.id })).toEqual({ updated: 1 });
    expect((await library.savedSearches({})).map((s) => [s.id, s.name])).toEqual([[second.id, 'FAVOURITES']]);
  });

  it('refuses a name another search has in any case, an empty name, and unknown ids', async () => {
    const first = await library.saveSearch({ name: 'Politics', criteria: defaults });
    const other = await library.saveSearch({ name: 'Other', criteria: defaults });
    const before = await fs.readFile(file(), 'utf8');
    await expect(library.saveSearch({ name: 'POLITICS', criteria: defaults })).rejects.toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringContaining('"Politics" exists already'),
    });
    await expect(library.renameSavedSearch({ id: other.id, name: 'politics' })).rejects.toMatchObject({
      kind: 'invalid-argument',
    });
    await expect(library.saveSearch({ name: ' \t ', criteria: defaults })).rejects.toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringMatching(/name is empty/),
    });
    for (const call of [
      () => library.renameSavedSearch({ id: 'ffffffffffffffff', name: 'x' }),
      () => library.deleteSavedSearch({ id: 'ffffffffffffffff' }),
    ])
      await expect(call()).rejects.toMatchObject({
        kind: 'not-found',
        message: expect.stringContaining('ffffffffffffffff'),
      });
    expect(await fs.readFile(file(), 'utf8')).toBe(before);
    expect((await library.savedSearches({})).map((s) => s.id)).toEqual([first.id, other.id]);
  });

  it('refuses a file written by a newer Offprint and leaves it as it is', async () => {
    const future = JSON.stringify({ format: 'offprint-saved-searches', formatVersion: 7, searches: [] });
    await fs.writeFile(file(), future);
    for (const call of [
      () => library.savedSearches({}),
      () => library.saveSearch({ name: 'x', criteria: defaults }),
      () => library.deleteSavedSearch({ id: 'ffffffffffffffff' }),
    ])
      await expect(call()).rejects.toThrow(
        /saved-searches\.json was written by a newer Offprint \(saved searches format 7; this version reads up to 1\)/,
      );
    expect(await fs.readFile(file(), 'utf8')).toBe(future);
  });

  it('refuses a damaged file rather than starting over', async () => {
    await fs.writeFile(file(), '{"format":"offprint-saved-searches",');
    await expect(library.saveSearch({ name: 'x', criteria: defaults })).rejects.toThrow(/damaged/);
    expect(await fs.readFile(file(), 'utf8')).toBe('{"format":"offprint-saved-searches",');
  });
});
