/**
 * The reader's own files, called directly on a real folder: an article's user.json (read, written, its flags and
 * stamp for the catalog, which changes search must see) and the library's saved-searches.json, each refused with
 * a message naming the file when damaged or newer, and never rewritten then. user-data.test.ts and
 * saved-searches.test.ts check the same through whole libraries.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedSearch } from '../../../common/saved-search';
import { EMPTY_USER_DATA, type UserData } from '../../../common/user-data';
import {
  parseSavedSearches,
  readSavedSearches,
  savedSearchesPath,
  writeSavedSearches,
} from '../../../main/library/store/saved-searches';
import {
  NO_USER_FLAGS,
  readUserData,
  readUserDataSync,
  readUserFlagsLenient,
  searchSeesChange,
  userDataPath,
  userFlags,
  writeUserData,
} from '../../../main/library/store/user-data';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

const highlight = {
  id: 'h1',
  color: 'yellow',
  text: 'rose a metre',
  note: '',
  created: '2024-01-01T00:00:00Z',
};
const DATA = {
  reading: { read: true, readAt: '2024-01-02T00:00:00Z', starred: true, position: 0.5 },
  note: 'Check the gauge data.',
  highlights: [highlight],
} as unknown as UserData;

describe("an article's user.json", () => {
  it('is the empty state until written, then reads back what was written, sync or not', async () => {
    expect(await readUserData(dir)).toEqual(EMPTY_USER_DATA);
    expect(readUserDataSync(dir)).toEqual(EMPTY_USER_DATA);
    // A copy: changing it never changes the empty state.
    const empty = await readUserData(dir);
    empty.highlights.push(highlight as never);
    expect(EMPTY_USER_DATA.highlights).toEqual([]);
    await writeUserData(dir, DATA);
    expect(JSON.parse(await fs.readFile(userDataPath(dir), 'utf8'))).toEqual({
      format: 'offprint-user-data',
      formatVersion: 1,
      ...DATA,
    });
    expect(await readUserData(dir)).toEqual(DATA);
    expect(readUserDataSync(dir)).toEqual(DATA);
    expect(userDataPath(dir)).toBe(path.join(dir, 'user.json'));
  });

  it('fills what an older or partial file leaves out with the empty state', async () => {
    await fs.writeFile(
      userDataPath(dir),
      JSON.stringify({ format: 'offprint-user-data', formatVersion: 1, reading: { read: true }, note: 5 }),
    );
    expect(await readUserData(dir)).toEqual({
      reading: { read: true, readAt: null, starred: false, position: 0 },
      note: '',
      highlights: [],
    });
  });

  it('is refused, naming the file, when damaged or newer, and left as it is', async () => {
    const file = userDataPath(dir);
    const cases: [string, string][] = [
      ['{"format":', `${file} is damaged (not valid JSON).`],
      ['null', `${file} is damaged (not Offprint user data).`],
      ['{"format":"other","formatVersion":1}', `${file} is damaged (not Offprint user data).`],
      ['{"format":"offprint-user-data"}', `${file} is damaged (not Offprint user data).`],
      [
        '{"format":"offprint-user-data","formatVersion":2}',
        `${file} was written by a newer Offprint (user data format 2; this version reads up to 1). Update Offprint to open it.`,
      ],
    ];
    for (const [content, message] of cases) {
      await fs.writeFile(file, content);
      await expect(readUserData(dir), content).rejects.toMatchObject({ kind: 'failed', message });
      expect(() => readUserDataSync(dir), content).toThrow(message);
      // The catalog's rebuild takes such a file as no flags, and does not fail.
      expect(await readUserFlagsLenient(dir)).toEqual(NO_USER_FLAGS);
      expect(await fs.readFile(file, 'utf8')).toBe(content);
    }
  });

  it('that cannot be read for another reason is an error, not the empty state', async () => {
    await fs.mkdir(userDataPath(dir));
    await expect(readUserData(dir)).rejects.toThrow(/EISDIR/);
    expect(() => readUserDataSync(dir)).toThrow(/EISDIR/);
  });

  it('gives the catalog its flags, and a stamp that changes with what search indexes of it', async () => {
    expect(userFlags(EMPTY_USER_DATA)).toEqual({ read: false, starred: false, userStamp: '' });
    const flags = userFlags(DATA);
    expect(flags.read).toBe(true);
    expect(flags.starred).toBe(true);
    expect(flags.userStamp).toMatch(/^[0-9a-f]{16}$/);
    const noted = userFlags({ ...EMPTY_USER_DATA, note: 'x' });
    const highlighted = userFlags({ ...EMPTY_USER_DATA, highlights: [highlight] } as unknown as UserData);
    expect(noted.userStamp).toMatch(/^[0-9a-f]{16}$/);
    expect(highlighted.userStamp).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set([flags.userStamp, noted.userStamp, highlighted.userStamp]).size).toBe(3);
    // Reading state alone is no annotation: no stamp.
    expect(userFlags({ ...EMPTY_USER_DATA, reading: DATA.reading }).userStamp).toBe('');
    expect(userFlags(structuredClone(DATA))).toEqual(flags);
    await writeUserData(dir, DATA);
    expect(await readUserFlagsLenient(dir)).toEqual(flags);
  });

  it('tells which changes search must see: read, starred, note and highlights, not the reading position', () => {
    const after = (change: (d: UserData) => void) => {
      const copy = structuredClone(DATA);
      change(copy);
      return searchSeesChange(DATA, copy);
    };
    expect(after(() => {})).toBe(false);
    expect(after((d) => (d.reading.position = 0.9))).toBe(false);
    expect(after((d) => (d.reading.readAt = null))).toBe(false);
    expect(after((d) => (d.reading.read = false))).toBe(true);
    expect(after((d) => (d.reading.starred = false))).toBe(true);
    expect(after((d) => (d.note = 'Other.'))).toBe(true);
    expect(after((d) => (d.highlights = []))).toBe(true);
    expect(after((d) => ((d.highlights[0] as { color: string }).color = 'green'))).toBe(true);
  });
});

describe("the library's saved-searches.json", () => {
  const search = (id: string, name: string) =>
    ({ id, name, query: 'rivers', filters: {}, created: '2024-01-01T00:00:00Z' }) as unknown as SavedSearch;

  it('is none until written, then reads back in the order saved', async () => {
    expect(await readSavedSearches(dir)).toEqual([]);
    await writeSavedSearches(dir, [search('s2', 'Second'), search('s1', 'First')]);
    expect(JSON.parse(await fs.readFile(savedSearchesPath(dir), 'utf8'))).toEqual({
      format: 'offprint-saved-searches',
      formatVersion: 1,
      searches: [search('s2', 'Second'), search('s1', 'First')],
    });
    expect(await readSavedSearches(dir)).toEqual([search('s2', 'Second'), search('s1', 'First')]);
    expect(savedSearchesPath(dir)).toBe(path.join(dir, 'saved-searches.json'));
  });

  it('drops entries without an id or a name, keeping the rest', () => {
    const raw = JSON.stringify({
      format: 'offprint-saved-searches',
      formatVersion: 1,
      searches: [
        search('s1', 'Kept'),
        null,
        { id: 's2' },
        { name: 'No id' },
        { id: 3, name: 'x' },
        { id: 's4', name: 5 },
      ],
    });
    expect(parseSavedSearches(raw, 'backup.zip:saved-searches.json')).toEqual([search('s1', 'Kept')]);
  });

  it('is refused, naming its source, when damaged or newer, and left as it is', async () => {
    const source = 'saved.json';
    const cases: [string, string][] = [
      ['{', `${source} is damaged (not valid JSON); it was left as it is.`],
      ['null', `${source} is damaged (not Offprint saved searches); it was left as it is.`],
      [
        '{"format":"x","formatVersion":1,"searches":[]}',
        `${source} is damaged (not Offprint saved searches); it was left as it is.`,
      ],
      [
        '{"format":"offprint-saved-searches","searches":[]}',
        `${source} is damaged (not Offprint saved searches); it was left as it is.`,
      ],
      [
        '{"format":"offprint-saved-searches","formatVersion":1}',
        `${source} is damaged (it has no list of searches); it was left as it is.`,
      ],
      [
        '{"format":"offprint-saved-searches","formatVersion":1,"searches":{}}',
        `${source} is damaged (it has no list of searches); it was left as it is.`,
      ],
      [
        '{"format":"offprint-saved-searches","formatVersion":4,"searches":[]}',
        `${source} was written by a newer Offprint (saved searches format 4; this version reads up to 1). Update Offprint to open it.`,
      ],
    ];
    for (const [content, message] of cases)
      expect(() => parseSavedSearches(content, source), content).toThrow(message);
    await fs.writeFile(savedSearchesPath(dir), cases[0]![0]);
    await expect(readSavedSearches(dir)).rejects.toThrow(
      `${savedSearchesPath(dir)} is damaged (not valid JSON)`,
    );
    expect(await fs.readFile(savedSearchesPath(dir), 'utf8')).toBe('{');
  });

  it('that cannot be read for another reason is an error, not an empty list', async () => {
    await fs.mkdir(savedSearchesPath(dir));
    await expect(readSavedSearches(dir)).rejects.toThrow(/EISDIR/);
  });
});
