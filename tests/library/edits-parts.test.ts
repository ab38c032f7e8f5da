/**
 * The rules behind the user's edits, called directly: reading state, highlights (refusals and their messages,
 * document order, the limit), tag lists (added, removed, renamed with their descendants, compared), and saved
 * searches' names and ids. tag-edits.test.ts, user-data.test.ts and saved-searches.test.ts check the same
 * through whole libraries, at seconds a test.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ArgsOf } from '../../common/api';
import { OffprintError } from '../../common/errors';
import type { SavedSearch } from '../../common/saved-search';
import { DEFAULT_SEARCH } from '../../common/search';
import { EMPTY_USER_DATA, type Highlight, type UserData, USER_DATA_LIMITS } from '../../common/user-data';
import { newSavedSearchId, savedSearchIndex, savedSearchName } from '../../main/library/saved-search-edits';
import { editTagList, renameInTagList, tagName, tagsDiffer } from '../../main/library/tag-edits';
import { highlightIn, withHighlight, withReading } from '../../main/library/user-edits';

// Random ids are drawn until one is free: the bytes queued here come first, so a collision can be forced.
const queued = vi.hoisted(() => [] as string[]);
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const randomBytes = (size: number) => {
    const next = queued.shift();
    return next === undefined ? actual.randomBytes(size) : Buffer.from(next, 'hex');
  };
  return { ...actual, randomBytes, default: { ...actual, randomBytes } };
});

const NOW = '2024-05-06T07:08:09.000Z';
const EARLIER = '2024-01-01T00:00:00.000Z';

const data = (): UserData => structuredClone(EMPTY_USER_DATA);

/** The error a call throws, so its kind and message can both be checked. */
function thrown(call: () => unknown): OffprintError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(OffprintError);
    return error as OffprintError;
  }
  throw new Error('expected an error');
}

const args = (start: number, end: number, exact = 'rose a metre'): ArgsOf<'addHighlight'> => ({
  id: 'a1',
  color: 'green',
  quote: { type: 'TextQuoteSelector', exact, prefix: 'the sea ', suffix: ' overnight' },
  position: { type: 'TextPositionSelector', start, end },
  note: 'check the gauge',
});

describe('reading state', () => {
  it('marks read with the time, unread without one, and leaves a repeated mark as it was', () => {
    const read = withReading(data(), { read: true }, NOW);
    expect(read.reading).toEqual({ read: true, readAt: NOW, starred: false, position: 0 });
    // Already read: the first time it was marked stays.
    expect(withReading(structuredClone(read), { read: true }, EARLIER).reading.readAt).toBe(NOW);
    expect(withReading(structuredClone(read), { read: false }, EARLIER).reading).toEqual({
      read: false,
      readAt: null,
      starred: false,
      position: 0,
    });
    // Already unread with a stale time: nothing is touched.
    const stale = data();
    stale.reading.readAt = EARLIER;
    expect(withReading(stale, { read: false }, NOW).reading.readAt).toBe(EARLIER);
  });

  it('stars and unstars, and leaves what is not asked for alone', () => {
    const starred = withReading(data(), { starred: true }, NOW);
    expect(starred.reading).toEqual({ read: false, readAt: null, starred: true, position: 0 });
    expect(withReading(structuredClone(starred), { starred: false }, NOW).reading.starred).toBe(false);
    expect(withReading(structuredClone(starred), {}, NOW)).toEqual(starred);
    expect(withReading(structuredClone(starred), { read: true }, NOW).reading.starred).toBe(true);
  });
});

describe('highlights', () => {
  it('adds one with every field, a fresh id and the time as created and modified', () => {
    const target = data();
    const added = withHighlight(target, args(10, 22), NOW);
    expect(added).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      color: 'green',
      quote: { type: 'TextQuoteSelector', exact: 'rose a metre', prefix: 'the sea ', suffix: ' overnight' },
      position: { type: 'TextPositionSelector', start: 10, end: 22 },
      note: 'check the gauge',
      created: NOW,
      modified: NOW,
    });
    expect(target.highlights).toEqual([added]);
  });

  it('refuses an empty quote and an empty or reversed range, saying why', () => {
    for (const exact of ['', ' \n\t '])
      expect(thrown(() => withHighlight(data(), args(1, 2, exact), NOW))).toMatchObject({
        kind: 'invalid-argument',
        message: 'quote.exact is empty: a highlight needs the text it marks.',
      });
    expect(thrown(() => withHighlight(data(), args(5, 5), NOW))).toMatchObject({
      kind: 'invalid-argument',
      message: 'position is empty or reversed (start 5, end 5): start must be before end.',
    });
    expect(thrown(() => withHighlight(data(), args(6, 5), NOW)).message).toBe(
      'position is empty or reversed (start 6, end 5): start must be before end.',
    );
    // One character is enough, and a quote with spaces around text is kept as given.
    const target = data();
    expect(withHighlight(target, args(5, 6, ' x '), NOW).quote.exact).toBe(' x ');
  });

  it('keeps document order; one starting where another does goes after it', () => {
    const target = data();
    const middle = withHighlight(target, args(50, 60), NOW);
    const first = withHighlight(target, args(10, 20), NOW);
    const last = withHighlight(target, args(90, 95), NOW);
    const sameStart = withHighlight(target, args(50, 55), NOW);
    const alsoFirst = withHighlight(target, args(10, 12), NOW);
    expect(target.highlights.map((h) => h.id)).toEqual([
      first.id,
      alsoFirst.id,
      middle.id,
      sameStart.id,
      last.id,
    ]);
  });

  it('draws another id while the one drawn is taken', () => {
    const target = data();
    queued.push('00000000000000aa');
    const first = withHighlight(target, args(1, 2), NOW);
    expect(first.id).toBe('00000000000000aa');
    queued.push('00000000000000aa', '00000000000000aa', '00000000000000bb');
    expect(withHighlight(target, args(3, 4), NOW).id).toBe('00000000000000bb');
    expect(queued).toEqual([]);
  });

  it('refuses one more than the limit, and takes the last one allowed', () => {
    const full = data();
    const one = withHighlight(data(), args(1, 2), NOW);
    full.highlights = Array.from({ length: USER_DATA_LIMITS.highlights - 1 }, (_, i): Highlight => ({
      ...one,
      id: `h${i}`,
    }));
    withHighlight(full, args(3, 4, 'last'), NOW);
    expect(full.highlights).toHaveLength(USER_DATA_LIMITS.highlights);
    expect(thrown(() => withHighlight(full, args(5, 6), NOW))).toMatchObject({
      kind: 'invalid-argument',
      message: `Article a1 already has ${USER_DATA_LIMITS.highlights} highlights, the most one article may have.`,
    });
    expect(full.highlights).toHaveLength(USER_DATA_LIMITS.highlights);
  });

  it('finds one by id, or says which article has no such highlight', () => {
    const target = data();
    const a = withHighlight(target, args(1, 2), NOW);
    const b = withHighlight(target, args(3, 4), NOW);
    expect(highlightIn(target, 'a1', b.id)).toBe(b);
    expect(highlightIn(target, 'a1', a.id)).toBe(a);
    expect(thrown(() => highlightIn(target, 'a1', 'nope'))).toMatchObject({
      kind: 'not-found',
      message: 'Article a1 has no highlight with id nope.',
    });
  });
});

describe('tag lists', () => {
  it('adds tags not present in any case, cleaned, and removes in any case', () => {
    expect(editTagList(['News', 'sport'], ['news', ' Weather ', 'region / europe '], [])).toEqual([
      'News',
      'sport',
      'Weather',
      'region/europe',
    ]);
    expect(editTagList(['News', 'sport', 'Region/Europe'], [], [' NEWS ', 'region /europe'])).toEqual([
      'sport',
    ]);
    // Removing wins over adding the same tag, and a removal of something absent changes nothing.
    expect(editTagList(['a'], ['b'], ['B', 'c'])).toEqual(['a']);
    expect(editTagList([], [], [])).toEqual([]);
    // Compared in lower case: `ß` has no upper case of its own (it becomes `SS`), so these are two tags.
    expect(editTagList(['straße'], [], ['STRASSE'])).toEqual(['straße']);
  });

  it('takes a rename target cleaned, and refuses one that cleans to nothing, naming the field', () => {
    expect(tagName('  region / europe ', 'to')).toBe('region/europe');
    expect(thrown(() => tagName(' // ', 'from'))).toMatchObject({
      kind: 'invalid-argument',
      message: 'from is not a tag name (it is empty once cleaned).',
    });
    expect(thrown(() => tagName('', 'to')).message).toBe('to is not a tag name (it is empty once cleaned).');
  });

  it('renames a tag and its descendants in any case, not tags that only start alike', () => {
    expect(
      renameInTagList(
        ['Region', 'region/Europe', 'REGION/asia/east', 'regional', 'regions/x'],
        'region',
        'area',
      ),
    ).toEqual(['area', 'area/Europe', 'area/asia/east', 'regional', 'regions/x']);
    // Merging: an article with both keeps one, in the first place it had it.
    expect(renameInTagList(['area', 'x', 'region'], 'Region', 'Area')).toEqual(['area', 'x']);
    expect(renameInTagList(['region/europe', 'area/europe'], 'region', 'area')).toEqual(['area/europe']);
    // A rename to a child of itself.
    expect(renameInTagList(['a/b'], 'a', 'a/z')).toEqual(['a/z/b']);
    expect(renameInTagList([], 'a', 'b')).toEqual([]);
    expect(renameInTagList(['straße', 'straße/x'], 'STRASSE', 'road')).toEqual(['straße', 'straße/x']);
  });

  it('tells lists apart by length, content, order and spelling', () => {
    expect(tagsDiffer(['a', 'b'], ['a', 'b'])).toBe(false);
    expect(tagsDiffer([], [])).toBe(false);
    expect(tagsDiffer(['a'], ['a', 'b'])).toBe(true);
    expect(tagsDiffer(['a', 'b'], ['a'])).toBe(true);
    expect(tagsDiffer(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(tagsDiffer(['a', 'b'], ['a', 'B'])).toBe(true);
  });
});

describe('saved searches', () => {
  const search = (id: string, name: string): SavedSearch => ({
    id,
    name,
    criteria: { ...DEFAULT_SEARCH },
    created: NOW,
  });
  const searches = [search('s1', 'Tides'), search('s2', 'Harbour news')];

  it('takes a name cleaned to one line and at most 200 characters', () => {
    expect(savedSearchName('  Ferry\n  times ', searches)).toBe('Ferry times');
    const long = savedSearchName('x'.repeat(250), []);
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
    expect(savedSearchName('y'.repeat(200), [])).toBe('y'.repeat(200));
  });

  it('refuses an empty name and one another search has in any case, but not its own', () => {
    for (const name of ['', ' \n '])
      expect(thrown(() => savedSearchName(name, searches))).toMatchObject({
        kind: 'invalid-argument',
        message: 'name is empty: a saved search needs a name.',
      });
    expect(thrown(() => savedSearchName(' harbour NEWS ', searches))).toMatchObject({
      kind: 'invalid-argument',
      message: 'A saved search named "Harbour news" exists already (names differ by more than case).',
    });
    expect(thrown(() => savedSearchName('tides', searches, 's2')).message).toMatch(/named "Tides"/);
    // Renaming a search to its own name in another case.
    expect(savedSearchName('TIDES', searches, 's1')).toBe('TIDES');
    expect(savedSearchName('Tides 2', searches)).toBe('Tides 2');
  });

  it('finds a search by id, or says none has it', () => {
    expect(savedSearchIndex(searches, 's1')).toBe(0);
    expect(savedSearchIndex(searches, 's2')).toBe(1);
    expect(thrown(() => savedSearchIndex(searches, 's3'))).toMatchObject({
      kind: 'not-found',
      message: 'No saved search with id s3.',
    });
  });

  it('draws a new id of 16 hexadecimal characters that no search has', () => {
    expect(newSavedSearchId(searches)).toMatch(/^[0-9a-f]{16}$/);
    queued.push('00000000000000cc');
    expect(newSavedSearchId([])).toBe('00000000000000cc');
    const taken = [search('00000000000000cc', 'a'), search('00000000000000dd', 'b')];
    queued.push('00000000000000cc', '00000000000000dd', '00000000000000ee');
    expect(newSavedSearchId(taken)).toBe('00000000000000ee');
    expect(queued).toEqual([]);
  });
});
