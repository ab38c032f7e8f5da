/**
 * The researcher's workflow through the built `offprint` command: tag (add, remove, rename), mark, note and
 * saved searches, each with --json, and the list's reading-state and tag filters. One library, as a person
 * would use it, command after command.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';

let root: string;
let lib: string;
/** Article ids by source file name. */
const id: Record<string, string> = {};

beforeAll(async () => {
  root = await tempDir();
  lib = path.join(root, 'lib');
  const inputs = path.join(root, 'inputs');
  await writeFixtures(inputs);
  const imported = await json(['import', '--no-folder-tags', inputs]);
  for (const item of imported.value.imported as Array<{ id: string; source: string }>)
    id[path.basename(item.source)] = item.id;
});
afterAll(() => removeDir(root));

async function json(args: string[]) {
  const r = await runCli([...args, '--library', lib, '--json']);
  return { ...r, value: r.stdout ? JSON.parse(r.stdout) : null };
}
type Row = { id: string; tags: string[]; read: boolean; starred: boolean };
const listed = async (...filters: string[]) =>
  ((await json(['list', ...filters])).value as Row[]).map((r) => r.id).sort();

describe('offprint tag, mark, note, saved', () => {
  it('adds and removes tags on several articles, by unique id prefixes', async () => {
    const [q, f] = [id['quantum.txt']!, id['football.txt']!];
    const r = await json(['tag', q.slice(0, 8), f, '--add', 'reading/later', '--add', 'Review']);
    expect(r.code).toBe(0);
    expect(r.value).toEqual({ updated: 2, ids: [q, f] });
    expect(await listed('--tag', 'reading/later')).toEqual([q, f].sort());

    const removed = await json(['tag', q, '--remove', 'review']);
    expect(removed.value.updated).toBe(1);
    const rows = (await json(['list'])).value as Row[];
    expect(rows.find((row) => row.id === q)!.tags).toEqual(['reading/later']);
    expect(rows.find((row) => row.id === f)!.tags).toEqual(['reading/later', 'Review']);
  });

  it('renames a tag with its sub-tags', async () => {
    const r = await json(['tag', '--rename', 'Reading', 'queue']);
    expect(r).toMatchObject({ code: 0, value: { updated: 2 } });
    expect(await listed('--tag', 'queue/later')).toEqual([id['quantum.txt']!, id['football.txt']!].sort());
    expect(await listed('--tag', 'reading/later')).toEqual([]);
    const human = await runCli(['tag', '--rename', 'queue/later', 'queue/soon', '--library', lib]);
    expect(human.stdout).toBe('Renamed the tag on 2 articles.\n');
  });

  it('marks read and starred, and the list shows and filters by it', async () => {
    const [q, f, b] = [id['quantum.txt']!, id['football.txt']!, id['budget.txt']!];
    expect((await json(['mark', q, f, '--read'])).value).toEqual({ updated: 2, ids: [q, f] });
    expect((await json(['mark', f, b, '--star'])).value.updated).toBe(2);
    expect(await listed('--read')).toEqual([q, f].sort());
    expect(await listed('--starred')).toEqual([f, b].sort());
    expect(await listed('--unread', '--starred')).toEqual([b]);
    // Filters combine with tag filters, which the index answers.
    expect(await listed('--read', '--tag', 'Review')).toEqual([f]);
    const rows = (await json(['list'])).value as Row[];
    expect(rows.find((r) => r.id === f)).toMatchObject({ read: true, starred: true });
    // People see ● for unread and ★ for starred.
    const human = await runCli(['list', '--library', lib]);
    expect(human.stdout).toMatch(new RegExp(`^${f} {2}·★`, 'm'));
    expect(human.stdout).toMatch(new RegExp(`^${b} {2}●★`, 'm'));

    await json(['mark', f, '--unread', '--unstar']);
    expect(await listed('--read')).toEqual([q]);
    expect(await listed('--starred')).toEqual([b]);
  });

  it('filters by a parent tag and leaves out none-of tags, in list and search', async () => {
    const [q, f] = [id['quantum.txt']!, id['football.txt']!];
    // Both carry queue/soon (renamed above): the parent `QUEUE` finds them, --not-tag leaves one out.
    await json(['tag', f, '--add', 'queue/soon/sport']);
    expect(await listed('--tag', 'QUEUE')).toEqual([q, f].sort());
    expect(await listed('--tag', 'queue', '--not-tag', 'queue/soon/sport')).toEqual([q]);
    const all = (await json(['list'])).value as Row[];
    expect(await listed('--not-tag', 'queue')).toEqual(
      all
        .map((r) => r.id)
        .filter((x) => x !== q && x !== f)
        .sort(),
    );
    const hits = (await json(['search', '', '--tag', 'queue', '--not-tag', 'Queue/Soon/Sport'])).value as {
      hits: Array<{ id: string }>;
    };
    expect(hits.hits.map((h) => h.id)).toEqual([q]);
  });

  it('refuses contradictory or missing flags and unknown ids, changing nothing', async () => {
    const q = id['quantum.txt']!;
    for (const args of [
      ['mark', q, '--read', '--unread'],
      ['mark', q],
      ['tag', q],
      ['list', '--read', '--unread'],
    ]) {
      const r = await runCli([...args, '--library', lib]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^offprint \w+: /);
    }
    const unknown = await runCli(['mark', q, 'ffff', '--star', '--library', lib]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No article id starts with ffff');
    expect(await listed('--starred')).not.toContain(q);
  });

  it('treats an argument the library refuses as bad usage, by its kind (exit 2), changing nothing', async () => {
    // The library's refusal is an OffprintError of kind invalid-argument, not the parsers' InvalidArgument
    // class: the CLI must tell bad usage by the kind every transport carries, never by a class name.
    const before = (await json(['tags'])).value;
    const r = await runCli(['tag', '--rename', ' / ', 'anything', '--library', lib]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('offprint tag: from is not a tag name (it is empty once cleaned).\n');
    expect((await json(['tags'])).value).toEqual(before);
  });

  it('sets, prints and clears an article note', async () => {
    const c = id['cranes.txt']!;
    expect((await json(['note', c, 'Ask', 'the', 'harbour', 'master'])).value).toEqual({
      updated: 1,
      id: c,
      note: 'Ask the harbour master',
    });
    expect((await json(['note', c.slice(0, 6)])).value).toEqual({ id: c, note: 'Ask the harbour master' });
    expect((await runCli(['note', c, '--library', lib])).stdout).toBe('Ask the harbour master\n');
    expect((await json(['note', c, '--clear'])).value).toMatchObject({ updated: 1, note: '' });
    expect((await runCli(['note', c, '--library', lib])).stdout).toBe('No note.\n');
    const stored = JSON.parse(
      await fs.readFile(path.join(lib, 'articles', c.slice(0, 2), c, 'user.json'), 'utf8'),
    );
    expect(stored).toMatchObject({ format: 'offprint-user-data', note: '' });
  });

  it('saves, lists, renames and deletes searches', async () => {
    const saved = await json([
      'saved',
      '--save',
      'Unread politics',
      'harbour',
      'cranes',
      '--tag',
      'politics',
      '--not-tag',
      'sport',
      '--unread',
      '--sort',
      'date',
    ]);
    expect(saved.code).toBe(0);
    expect(saved.value).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      name: 'Unread politics',
      criteria: {
        query: 'harbour cranes',
        tags: ['politics'],
        anyTag: false,
        notTags: ['sport'],
        readState: 'unread',
        starred: false,
        from: null,
        to: null,
        sort: 'date',
      },
    });
    const again = await runCli(['saved', '--save', 'UNREAD POLITICS', '--library', lib]);
    expect(again.code).toBe(2); // a name already taken is an argument the library refuses
    expect(again.stderr).toContain('"Unread politics" exists already');

    const human = await runCli(['saved', '--library', lib]);
    expect(human.stdout).toContain(
      // The last column is cut to the terminal's width (100 columns when it is not a terminal).
      `${saved.value.id}  Unread politics  "harbour cranes" --tag politics --not-tag sport --unread`,
    );
    const renamed = await json(['saved', '--rename', saved.value.id.slice(0, 6), 'Politics to read']);
    expect(renamed.value).toMatchObject({ id: saved.value.id, name: 'Politics to read' });
    expect((await json(['saved'])).value.map((s: { name: string }) => s.name)).toEqual(['Politics to read']);
    expect((await json(['saved', '--delete', saved.value.id])).value).toEqual({ updated: 1 });
    expect((await json(['saved'])).value).toEqual([]);
    const gone = await runCli(['saved', '--delete', saved.value.id, '--library', lib]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`No saved search with id ${saved.value.id}.`);
  });
});
