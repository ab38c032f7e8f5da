/**
 * Reading state, highlights and notes in a real library folder: kept in articles/<id>/user.json across a
 * reopen; a change search sees gives only that article a new catalog revision (so only it is indexed again);
 * a user.json from a newer Offprint is refused and left as it is; a catalog rebuilt after a crash keeps
 * read and starred.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../common/api';
import { USER_DATA_LIMITS } from '../../common/user-data';
import { type Library, openLibrary } from '../../main/library/library';
import { JOURNAL_FILE } from '../../main/library/store/article-store';
import { MANIFEST_FILE } from '../../main/library/search/engine/manifest';
import { CATALOG_DIR, CATALOG_HEAD, readCatalog } from '../../main/library/store/catalog';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';

let root: string;
let lib: string;
let library: Library;
let ids: string[];

beforeEach(async () => {
  root = await tempDir();
  lib = path.join(root, 'lib');
  await writeFixtures(path.join(root, 'inputs'));
  library = await openLibrary(lib, { searchThreads: 0 });
  const job = await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: true });
  ids = (await library.waitForImport(job.jobId)).report!.imported.map((i) => i.id).sort();
});
afterEach(async () => {
  await library.close();
  await removeDir(root);
});

const userFile = (id: string) => path.join(lib, 'articles', id.slice(0, 2), id, 'user.json');
const reopen = async () => {
  await library.close();
  library = await openLibrary(lib, { searchThreads: 0 });
};
const revisions = async () => (await readCatalog(lib))!.revisions;
const headRevision = async () =>
  (JSON.parse(await fs.readFile(path.join(lib, CATALOG_HEAD), 'utf8')) as { revision: number }).revision;

type ManifestSegments = { segments: Array<{ name: string; docs: number }> };
const manifestSegments = async () =>
  (JSON.parse(await fs.readFile(path.join(lib, MANIFEST_FILE), 'utf8')) as ManifestSegments).segments;
const segmentNames = async () => new Set((await manifestSegments()).map((s) => s.name));
/** How many documents each segment made since `before` holds. */
const newSegmentDocs = async (before: Set<string>) =>
  (await manifestSegments()).filter((s) => !before.has(s.name)).map((s) => s.docs);

function highlight(id: string, start: number, exact: string): ArgsOf<'addHighlight'> {
  return {
    id,
    color: 'yellow',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    note: '',
  };
}

describe('user data', () => {
  it('keeps reading state, position, highlights and the note across a reopen', async () => {
    const [a, b, c] = ids as [string, string, string];
    expect(await library.setReading({ ids: [a, b], read: true, starred: true })).toEqual({ updated: 2 });
    expect(await library.setReading({ ids: [b], starred: false })).toEqual({ updated: 1 });
    expect(await library.setPosition({ id: a, position: 0.4 })).toEqual({ updated: 1 });
    const late = await library.addHighlight({ ...highlight(a, 50, 'late words'), note: 'second' });
    const early = await library.addHighlight(highlight(a, 10, 'early words'));
    expect(late.id).toMatch(/^[0-9a-f]{16}$/);
    expect(early.id).not.toBe(late.id);
    const updated = await library.updateHighlight({
      id: a,
      highlightId: early.id,
      color: 'green',
      note: 'n',
    });
    expect(updated).toMatchObject({ color: 'green', note: 'n', created: early.created });
    expect(updated.modified >= early.modified).toBe(true);
    const gone = await library.addHighlight(highlight(a, 30, 'removed later'));
    expect(await library.removeHighlight({ id: a, highlightId: gone.id })).toEqual({ updated: 1 });
    expect(await library.setNote({ id: a, note: 'My note\nsecond line' })).toEqual({ updated: 1 });

    await reopen();
    const { user } = await library.getArticle({ id: a });
    expect(user.reading).toMatchObject({ read: true, starred: true, position: 0.4 });
    expect(Date.parse(user.reading.readAt!)).not.toBeNaN();
    expect(user.note).toBe('My note\nsecond line');
    // Kept in document order, whatever order they were added in.
    expect(user.highlights.map((h) => [h.id, h.position.start, h.color, h.note])).toEqual([
      [early.id, 10, 'green', 'n'],
      [late.id, 50, 'yellow', 'second'],
    ]);
    expect((await library.getArticle({ id: b })).user.reading).toMatchObject({ read: true, starred: false });
    expect((await library.getArticle({ id: c })).user.reading).toMatchObject({ read: false, readAt: null });
    const rows = new Map((await library.list({})).map((r) => [r.id, r]));
    expect([a, b, c].map((id) => [rows.get(id)!.read, rows.get(id)!.starred])).toEqual([
      [true, true],
      [true, false],
      [false, false],
    ]);
    // The file is the documented open format.
    const stored = JSON.parse(await fs.readFile(userFile(a), 'utf8'));
    expect(stored).toMatchObject({
      format: 'offprint-user-data',
      formatVersion: 1,
      note: 'My note\nsecond line',
    });

    await library.setReading({ ids: [a], read: false });
    expect((await library.getArticle({ id: a })).user.reading).toMatchObject({ read: false, readAt: null });
  });

  it('gives only the changed articles a new revision, and the index takes them again; the position changes neither', async () => {
    const [a, b, ...rest] = ids as [string, string, ...string[]];
    const before = await revisions();
    let segments = await segmentNames();
    await library.setReading({ ids: [a, b], read: true });
    const afterRead = await revisions();
    expect(afterRead.get(a)).toBeGreaterThan(before.get(a)!);
    // One revision for the whole batch.
    expect(afterRead.get(b)).toBe(afterRead.get(a));
    for (const id of rest) expect(afterRead.get(id)).toBe(before.get(id));
    expect((await library.indexStats()).coveredRevision).toBe(await headRevision());
    // Indexed again: a new segment holds the two articles (and nothing else).
    expect(await newSegmentDocs(segments)).toContain(2);

    for (const change of [
      () => library.setNote({ id: a, note: 'annotated' }),
      () => library.addHighlight(highlight(a, 0, 'first')),
      () => library.setReading({ ids: [a], starred: true }),
    ]) {
      const revision = await headRevision();
      segments = await segmentNames();
      await change();
      expect((await revisions()).get(a)).toBe(revision + 1);
      expect((await library.indexStats()).coveredRevision).toBe(revision + 1);
      expect(await newSegmentDocs(segments)).toContain(1);
    }

    const revision = await headRevision();
    const manifest = await fs.readFile(path.join(lib, MANIFEST_FILE), 'utf8');
    await library.setPosition({ id: b, position: 1 });
    expect(await headRevision()).toBe(revision);
    expect(await fs.readFile(path.join(lib, MANIFEST_FILE), 'utf8')).toBe(manifest);
    // Marking read what is read already changes nothing search sees either.
    await library.setReading({ ids: [b], read: true });
    expect(await headRevision()).toBe(revision);
  });

  it('refuses an unknown article, naming it, and changes none of the others', async () => {
    const unknown = 'f'.repeat(20);
    await expect(library.setReading({ ids: [ids[0]!, unknown], read: true })).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining(unknown),
    });
    expect((await library.getArticle({ id: ids[0]! })).user.reading.read).toBe(false);
    await expect(fs.access(userFile(ids[0]!))).rejects.toThrow();
  });

  it('refuses empty or reversed highlights, unknown highlight ids, and says why', async () => {
    const id = ids[0]!;
    await expect(library.addHighlight(highlight(id, 5, '  '))).rejects.toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringMatching(/exact is empty/),
    });
    const reversed = highlight(id, 5, 'words');
    reversed.position = { type: 'TextPositionSelector', start: 9, end: 9 };
    await expect(library.addHighlight(reversed)).rejects.toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringMatching(/start must be before end/),
    });
    await expect(library.removeHighlight({ id, highlightId: '0123456789abcdef' })).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('0123456789abcdef'),
    });
    await expect(fs.access(userFile(id))).rejects.toThrow();

    // At most USER_DATA_LIMITS.highlights per article.
    const full = {
      format: 'offprint-user-data',
      formatVersion: 1,
      reading: { read: false, readAt: null, starred: false, position: 0 },
      note: '',
      highlights: Array.from({ length: USER_DATA_LIMITS.highlights }, (_, i) => ({
        ...highlight(id, i, 'x'),
        id: i.toString(16).padStart(16, '0'),
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      })),
    };
    await fs.writeFile(userFile(id), JSON.stringify(full));
    const bytes = await fs.readFile(userFile(id), 'utf8');
    await expect(library.addHighlight(highlight(id, 0, 'one more'))).rejects.toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringContaining(`${USER_DATA_LIMITS.highlights} highlights`),
    });
    expect(await fs.readFile(userFile(id), 'utf8')).toBe(bytes);
  });

  it('refuses a user.json written by a newer Offprint and leaves it as it is', async () => {
    const id = ids[0]!;
    const future = JSON.stringify({
      format: 'offprint-user-data',
      formatVersion: 99,
      reading: { read: true },
    });
    await fs.writeFile(userFile(id), future);
    const revision = await headRevision();
    for (const change of [
      () => library.setReading({ ids: [ids[1]!, id], read: true }),
      () => library.setPosition({ id, position: 0.5 }),
      () => library.addHighlight(highlight(id, 0, 'x')),
      () => library.setNote({ id, note: 'n' }),
      () => library.getArticle({ id }),
    ])
      await expect(change()).rejects.toThrow(
        /user\.json was written by a newer Offprint \(user data format 99; this version reads up to 1\)/,
      );
    expect(await fs.readFile(userFile(id), 'utf8')).toBe(future);
    // Nothing of the refused batch was written, the other article's included.
    expect(await headRevision()).toBe(revision);
    await expect(fs.access(userFile(ids[1]!))).rejects.toThrow();
    // A rebuilt catalog does not fail for it either.
    await fs.rm(path.join(lib, CATALOG_DIR), { recursive: true });
    await reopen();
    expect((await library.list({})).length).toBe(ids.length);
    expect(await fs.readFile(userFile(id), 'utf8')).toBe(future);
  });

  it('keeps read and starred when the catalog is rebuilt after a crash', async () => {
    const [a, b] = ids as [string, string];
    await library.setReading({ ids: [a], read: true });
    await library.setReading({ ids: [b], starred: true });
    await library.close();
    // The catalog lost: rebuilt from the article files, user.json included.
    await fs.rm(path.join(lib, CATALOG_DIR), { recursive: true });
    library = await openLibrary(lib, { searchThreads: 0 });
    const rows = new Map((await library.list({})).map((r) => [r.id, r]));
    expect([rows.get(a)!.read, rows.get(a)!.starred, rows.get(b)!.read, rows.get(b)!.starred]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('after a crash between user.json and the catalog, the rebuild gives that article a new revision', async () => {
    const [a, b] = ids as [string, string];
    await library.close();
    const before = await revisions();
    // What a crash leaves: the journal, and a user.json the catalog does not reflect yet.
    await fs.writeFile(path.join(lib, JOURNAL_FILE), new Date().toISOString());
    await fs.writeFile(
      userFile(a),
      JSON.stringify({
        format: 'offprint-user-data',
        formatVersion: 1,
        // Unread: only the note differs from what the catalog holds (its stamp must tell).
        reading: { read: false, readAt: null, starred: false, position: 0 },
        note: 'written before the crash',
        highlights: [],
      }),
    );
    library = await openLibrary(lib, { searchThreads: 0 });
    await library.whenIndexed();
    const after = await revisions();
    expect(after.get(a)).toBeGreaterThan(before.get(a)!);
    expect(after.get(b)).toBe(before.get(b));
    expect((await library.indexStats()).coveredRevision).toBe(await headRevision());
    expect((await readCatalog(lib))!.entries.get(a)!.userStamp).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads a catalog written before user data as unread and unstarred', async () => {
    await library.close();
    const dir = path.join(lib, CATALOG_DIR);
    for (const name of await fs.readdir(dir)) {
      if (!name.endsWith('.jsonl')) continue;
      const text = await fs.readFile(path.join(dir, name), 'utf8');
      await fs.writeFile(
        path.join(dir, name),
        text.replace(/,"read":false,"starred":false,"userStamp":""/g, ''),
      );
    }
    expect(await fs.readFile(path.join(dir, `${ids[0]![0]}.jsonl`), 'utf8')).not.toContain('"read"');
    library = await openLibrary(lib, { searchThreads: 0 });
    const rows = await library.list({});
    expect(rows.map((r) => [r.read, r.starred])).toEqual(ids.map(() => [false, false]));
    // And it was not rebuilt for that: the entries keep their revisions.
    expect((await readCatalog(lib))!.entries.get(ids[0]!)).toMatchObject({ read: false, starred: false });
  });
});
