/**
 * The registry's rules called directly (main/library/store/file-versions.ts), with the exact words a person
 * reads: the library-level behaviour (fixture libraries refused or upgraded, nothing written) is in
 * file-versions.test.ts; this file pins each branch of `upgrade` and the catalog's one migration, which the
 * mutation run found guarded only through whole libraries.
 */
import { describe, expect, it } from 'vitest';
import {
  currentVersion,
  FILE_FORMATS,
  type FileKind,
  FileVersionError,
  upgrade,
} from '../../main/library/store/file-versions';

/** What `upgrade` threw, as plain fields (it must throw). */
function refusal(kind: FileKind, parsed: unknown, file = 'lib/x.json') {
  try {
    upgrade(kind, parsed, file);
  } catch (error) {
    expect(error).toBeInstanceOf(FileVersionError);
    const e = error as FileVersionError;
    return { reason: e.reason, found: e.found, kind: e.kind, message: e.message };
  }
  throw new Error(`${kind}: ${JSON.stringify(parsed)} was accepted`);
}

describe('a file with no usable version', () => {
  it('is damaged, and the message says what the version field holds', () => {
    expect(refusal('descriptor', {})).toEqual({
      reason: 'damaged',
      found: null,
      kind: 'failed',
      message: 'lib/x.json is damaged: it has no library format version (version is missing).',
    });
    expect(refusal('article', { formatVersion: '2' }).message).toBe(
      'lib/x.json is damaged: it has no article format version (formatVersion is "2").',
    );
    expect(refusal('catalog', { version: 1.5 }).message).toBe(
      'lib/x.json is damaged: it has no catalog format version (version is 1.5).',
    );
    expect(refusal('catalog', { version: -1 }).message).toBe(
      'lib/x.json is damaged: it has no catalog format version (version is -1).',
    );
    // A long value is cut, so a damaged file cannot fill the message.
    expect(refusal('catalog', { version: 'v'.repeat(100) }).message).toBe(
      `lib/x.json is damaged: it has no catalog format version (version is "${'v'.repeat(39)}).`,
    );
    for (const parsed of [null, 'text', 7, [1]])
      expect(refusal('user-data', parsed)).toMatchObject({ reason: 'damaged', found: null });
  });

  it('counts version 0 as a number: below the oldest read, so damaged for user files', () => {
    expect(refusal('catalog', { version: 0 })).toEqual({
      reason: 'damaged',
      found: 0,
      kind: 'failed',
      message: 'lib/x.json is damaged: no Offprint wrote catalog format 0.',
    });
  });
});

describe('a file from a newer Offprint', () => {
  it('is refused naming the file, the format, its version and the newest this one reads, for every kind', () => {
    for (const [kind, format] of Object.entries(FILE_FORMATS) as [
      FileKind,
      (typeof FILE_FORMATS)[FileKind],
    ][]) {
      const found = format.current + 1;
      expect(refusal(kind, { [format.field]: found }, `f/${kind}`)).toEqual({
        reason: 'newer',
        found,
        kind: 'failed',
        message:
          `f/${kind} was written by a newer Offprint (${format.label} ${found}; this version reads up to ` +
          `${format.current}). Update Offprint to open it.`,
      });
    }
  });

  it('names each format in words', () => {
    const labels = Object.fromEntries(Object.entries(FILE_FORMATS).map(([k, f]) => [k, [f.label, f.field]]));
    expect(labels).toEqual({
      descriptor: ['library format', 'version'],
      catalog: ['catalog format', 'version'],
      article: ['article format', 'formatVersion'],
      'index-manifest': ['index format', 'version'],
      segment: ['segment format', 'version'],
      'user-data': ['user data format', 'formatVersion'],
      'saved-searches': ['saved searches format', 'formatVersion'],
      'backup-manifest': ['backup format', 'formatVersion'],
    });
  });
});

describe('derived data older than the oldest version read', () => {
  it('is "older" (its owner rebuilds it), not damage', () => {
    expect(FILE_FORMATS.segment.derived).toBe(true);
    expect(refusal('segment', { version: 1 }, 'index/segments/s1.seg')).toEqual({
      reason: 'older',
      found: 1,
      kind: 'failed',
      message: 'index/segments/s1.seg was written by an earlier Offprint (segment format 1).',
    });
    // Only derived data may be rebuilt: the user's own files never are.
    const derived = Object.entries(FILE_FORMATS).flatMap(([k, f]) => (f.derived ? [k] : []));
    expect(derived.sort()).toEqual(['index-manifest', 'segment']);
  });
});

describe('the current version and the steps to it', () => {
  it('returns a current file as it is, with the version it was written in', () => {
    const parsed = { version: 2, revision: 5, entries: [] };
    expect(upgrade('catalog', parsed, 'c')).toEqual({ value: parsed, from: 2 });
    expect(currentVersion('catalog')).toBe(2);
    expect(currentVersion('segment')).toBe(2);
    expect(currentVersion('descriptor')).toBe(1);
  });

  it('upgrades catalog format 1: its articles become entries, with unread, unstarred and no annotations', () => {
    const v1 = {
      version: 1,
      revision: 7,
      articles: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B', read: true, starred: true, userStamp: 's1' },
        { id: 'c', read: 'yes', starred: 1, userStamp: 3 },
      ],
    };
    const { value, from } = upgrade('catalog', v1, 'catalog.json');
    expect(from).toBe(1);
    expect(value).toEqual({
      version: 2,
      revision: 7,
      entries: [
        { id: 'a', title: 'A', read: false, starred: false, userStamp: '' },
        { id: 'b', title: 'B', read: true, starred: true, userStamp: 's1' },
        { id: 'c', read: false, starred: false, userStamp: '' },
      ],
    });
    // The input is not changed: a failed open must not leave a half-migrated object behind.
    expect(v1.articles[0]).toEqual({ id: 'a', title: 'A' });
  });

  it('gives a format 1 catalog without a revision revision 0, and one without articles no entries', () => {
    expect(upgrade('catalog', { version: 1 }, 'c').value).toEqual({ version: 2, revision: 0, entries: [] });
    expect(upgrade('catalog', { version: 1, revision: 'x', articles: {} }, 'c').value).toEqual({
      version: 2,
      revision: 0,
      entries: [],
    });
  });
});
