/**
 * Damage found, reported, repaired, never silently dropped: each case damages a real library on disk the way
 * a disk or a crash would, then runs the real `offprint` command on it. Damaged articles go to
 * `quarantine/<id>/` with a reason and are listed by `offprint doctor`; derived files (catalog, descriptor,
 * index) are rebuilt; the rest of the library keeps working; a path that is not a library is never made one.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWords } from '../../common/errors';
import { openLibrary } from '../../main/library/library';
import { exists, removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';

const WORDS = ['zqxalpha', 'zqxbravo', 'zqxcharlie'];
let root: string;
let pristine: string;
let ids: Record<string, string>;
let n = 0;

beforeAll(async () => {
  root = await tempDir('offprint-damage-');
  const inputs = path.join(root, 'inputs');
  await fs.mkdir(inputs);
  for (const word of WORDS)
    await fs.writeFile(
      path.join(inputs, `${word}.txt`),
      `Note ${word}\n\nThe harbour wall and ${word} by the sea.\n`,
    );
  pristine = path.join(root, 'pristine');
  const r = await runCli(['import', '--library', pristine, inputs, '--json']);
  expect(r.code).toBe(0);
  const imported = JSON.parse(r.stdout).imported as Array<{ id: string; title: string }>;
  ids = Object.fromEntries(imported.map((a) => [a.title.replace('Note ', ''), a.id]));
});
afterAll(() => removeDir(root));

/** A fresh copy of the three-article library. */
async function copy(): Promise<string> {
  const lib = path.join(root, `lib${++n}`);
  await fs.cp(pristine, lib, { recursive: true });
  return lib;
}

const articleFile = (lib: string, id: string, name = 'article.json') =>
  path.join(lib, 'articles', id.slice(0, 2), id, name);
const cli = (lib: string, ...args: string[]) => runCli([...args, '--library', lib]);
const listIds = async (lib: string) => {
  const r = await cli(lib, 'list', '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Array<{ id: string }>).map((a) => a.id).sort();
};
const searchIds = async (lib: string, query: string) => {
  const r = await cli(lib, 'search', query, '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout).hits as Array<{ id: string }>).map((h) => h.id).sort();
};
async function truncate(file: string, keep = 0.5): Promise<void> {
  const bytes = await fs.readFile(file);
  await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length * keep)));
}
const others = (word: string) =>
  WORDS.filter((w) => w !== word)
    .map((w) => ids[w]!)
    .sort();

describe('a damaged article', () => {
  it('truncated article.json: search and list go on, show says so in words, doctor quarantines it', async () => {
    const lib = await copy();
    const id = ids.zqxalpha!;
    await truncate(articleFile(lib, id));
    // Before: "Unterminated string in JSON at position …" from every search and list.
    expect(await searchIds(lib, 'zqxbravo')).toEqual([ids.zqxbravo]);
    const shown = await cli(lib, 'show', id);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toContain(`Article ${id} is damaged (its article.json is damaged (not valid JSON))`);
    expect(shown.stderr).not.toMatch(/Unterminated|JSON at position/);
    const doctor = await cli(lib, 'doctor');
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain(path.join(lib, 'quarantine', id));
    expect(doctor.stdout).toContain('its article.json is damaged (not valid JSON)');
    expect(await listIds(lib)).toEqual(others('zqxalpha'));
    expect(await searchIds(lib, 'harbour')).toEqual(others('zqxalpha'));
    // Kept as it was found, with its reason.
    expect(await fs.readFile(path.join(lib, 'quarantine', id, 'original.txt'), 'utf8')).toContain('zqxalpha');
    expect(await fs.readFile(path.join(lib, 'quarantine', id, 'reason.txt'), 'utf8')).toMatch(
      /not valid JSON/,
    );
  });

  it('truncated article.json beside a stale journal: quarantined on open and announced, never dropped silently', async () => {
    const lib = await copy();
    const id = ids.zqxbravo!;
    await truncate(articleFile(lib, id));
    await fs.writeFile(path.join(lib, 'import.journal'), 'stale');
    const r = await cli(lib, 'list', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ id: string }>).map((a) => a.id).sort()).toEqual(
      others('zqxbravo'),
    );
    expect(r.stderr).toContain('1 damaged article is left out of the library');
    expect(await exists(path.join(lib, 'quarantine', id, 'reason.txt'))).toBe(true);
    expect(await exists(path.join(lib, 'import.journal'))).toBe(false);
    const library = await openLibrary(lib);
    try {
      const health = await library.libraryHealth({});
      expect(health.quarantined).toEqual([
        expect.objectContaining({
          id,
          reason: `article ${id}: its article.json is damaged (not valid JSON)`,
        }),
      ]);
    } finally {
      await library.close();
    }
  });

  it('a missing original and a changed original: doctor finds both and quarantines them', async () => {
    const lib = await copy();
    await fs.rm(articleFile(lib, ids.zqxalpha!, 'original.txt'));
    const changed = articleFile(lib, ids.zqxcharlie!, 'original.txt');
    const bytes = await fs.readFile(changed);
    bytes[3] = bytes[3]! ^ 0x01; // one bit flipped
    await fs.writeFile(changed, bytes);
    const doctor = await cli(lib, 'doctor', '--json');
    expect(doctor.code).toBe(0);
    const health = JSON.parse(doctor.stdout) as { quarantined: Array<{ id: string; reason: string }> };
    expect(health.quarantined.map((q) => [q.id, q.reason]).sort()).toEqual(
      [
        [ids.zqxalpha, `article ${ids.zqxalpha}: its original (original.txt) is missing`],
        [
          ids.zqxcharlie,
          `article ${ids.zqxcharlie}: its original (original.txt) does not match its id (changed or damaged)`,
        ],
      ].sort(),
    );
    expect(await listIds(lib)).toEqual([ids.zqxbravo]);
    expect(await searchIds(lib, 'harbour')).toEqual([ids.zqxbravo]);
  });
});

describe('damaged derived files are rebuilt', () => {
  it('a bit-flipped catalog shard: rebuilt from the article files, every article listed', async () => {
    const lib = await copy();
    const shard = path.join(lib, 'index', 'catalog', `${ids.zqxalpha![0]}.jsonl`);
    const text = await fs.readFile(shard, 'utf8');
    const at = text.indexOf('"title"');
    await fs.writeFile(shard, text.slice(0, at) + '#' + text.slice(at + 1)); // a quote flipped to '#'
    expect(await listIds(lib)).toEqual(Object.values(ids).sort());
    // Written back whole by that open.
    expect((await fs.readFile(shard, 'utf8')).includes('#title"')).toBe(false);
    expect(await searchIds(lib, 'harbour')).toEqual(Object.values(ids).sort());
  });

  it('a truncated descriptor: rewritten, the library opens as it was', async () => {
    const lib = await copy();
    await truncate(path.join(lib, 'offprint-library.json'), 0.3);
    expect(await listIds(lib)).toEqual(Object.values(ids).sort());
    const descriptor = JSON.parse(await fs.readFile(path.join(lib, 'offprint-library.json'), 'utf8'));
    expect(descriptor).toMatchObject({ format: 'offprint-library', version: 1 });
  });

  it('a truncated index segment and a garbled manifest: search rebuilds and finds every article', async () => {
    const lib = await copy();
    const segments = path.join(lib, 'index', 'segments');
    for (const name of await fs.readdir(segments)) await truncate(path.join(segments, name), 0.6);
    expect(await searchIds(lib, 'harbour')).toEqual(Object.values(ids).sort());
    const lib2 = await copy();
    await fs.writeFile(path.join(lib2, 'index', 'manifest.json'), '{"format":"offprint-index","vers');
    expect(await searchIds(lib2, 'zqxcharlie')).toEqual([ids.zqxcharlie]);
  });
});

describe('what a crash leaves', () => {
  it('a stale lock (its process gone) and its leftovers: taken over by the next writer, removed', async () => {
    const lib = await copy();
    const owner = { pid: 2 ** 22 + 7, host: os.hostname(), since: '2020-01-01T00:00:00Z', nonce: 'ab' };
    await fs.writeFile(path.join(lib, 'offprint.lock'), JSON.stringify(owner));
    await fs.writeFile(path.join(lib, `offprint.lock.${owner.pid}.00ff00ff.tmp`), '{"pid":');
    await fs.writeFile(path.join(lib, `offprint.lock.${owner.pid}.0badc0de.stale`), '{}');
    await fs.writeFile(path.join(lib, 'import.journal.0123456789ab.tmp'), '');
    const extra = path.join(root, 'extra.txt');
    await fs.writeFile(extra, 'Extra note\n\nThe harbour again, zqxdelta.\n');
    const r = await cli(lib, 'import', extra);
    expect(r.code, r.stderr).toBe(0);
    expect((await listIds(lib)).length).toBe(4);
    expect(
      (await fs.readdir(lib)).filter((n) => n.startsWith('offprint.lock') || n.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('a stale lock alone: removed by the next open, even one that only reads', async () => {
    const lib = await copy();
    const owner = { pid: 2 ** 22 + 9, host: os.hostname(), since: '2020-01-01T00:00:00Z', nonce: 'cd' };
    await fs.writeFile(path.join(lib, 'offprint.lock'), JSON.stringify(owner));
    expect(await listIds(lib)).toEqual(Object.values(ids).sort());
    expect(await exists(path.join(lib, 'offprint.lock'))).toBe(false);
  });

  it('a stale journal alone: the catalog is reconciled and the journal removed on open', async () => {
    const lib = await copy();
    await fs.writeFile(path.join(lib, 'import.journal'), 'stale');
    expect(await listIds(lib)).toEqual(Object.values(ids).sort());
    expect(await exists(path.join(lib, 'import.journal'))).toBe(false);
  });
});

describe('a path that is not a library', () => {
  it('list on a missing path says so and creates nothing', async () => {
    const missing = path.join(root, 'mistyped', 'library');
    const r = await runCli(['list', '--library', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`There is no library at ${missing} (the folder does not exist)`);
    expect(await exists(path.join(root, 'mistyped'))).toBe(false);
  });

  it('list on an empty folder or a folder of other files refuses; the folder is left as it was', async () => {
    const empty = path.join(root, 'empty');
    await fs.mkdir(empty);
    const r = await runCli(['search', 'harbour', '--library', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${empty} is an empty folder, not an Offprint library`);
    expect(await fs.readdir(empty)).toEqual([]);
    const papers = path.join(root, 'papers');
    await fs.mkdir(papers);
    await fs.writeFile(path.join(papers, 'thesis.txt'), 'mine');
    const p = await runCli(['list', '--library', papers]);
    expect(p.stderr).toContain('is not an Offprint library and is not empty');
    expect(await fs.readdir(papers)).toEqual(['thesis.txt']);
  });

  it('system errors reach the user in words', async () => {
    const missing = path.join(root, 'nothing-here');
    expect(inWords(await fs.readdir(missing).catch((e: unknown) => e))).toBe(
      `cannot read ${missing}: it does not exist`,
    );
    const file = path.join(root, 'inputs', 'zqxalpha.txt');
    expect(inWords(await fs.mkdir(path.join(file, 'sub')).catch((e: unknown) => e))).toBe(
      `cannot write ${path.join(file, 'sub')}: a part of the path is not a folder`,
    );
  });
});
