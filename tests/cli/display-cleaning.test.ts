/**
 * A library imported before the import cleaned metadata still holds bidi overrides and terminal escapes in its
 * titles, tags, authors and site names: the real `offprint` command shows them cleaned, in every command that
 * shows them, as people read them and as scripts get them.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWN, writeRawMetadataLibrary } from '../helpers/raw-metadata-library';
import { runCli } from '../helpers/run-cli';
import { removeDir, tempDir } from '../helpers/temp-library';

/** Bidi controls, C0 controls but tab and line feed, DEL and C1 controls. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let root: string;
let lib: string;
let id: string;

beforeAll(async () => {
  root = await tempDir('offprint-display-');
  lib = path.join(root, 'library');
  id = await writeRawMetadataLibrary(lib);
});
afterAll(() => removeDir(root));

async function run(...args: string[]): Promise<string> {
  const r = await runCli([...args, '--library', lib]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(UNSAFE);
  return r.stdout;
}

describe('the CLI shows stored metadata cleaned', () => {
  it('in list and show, for people and for scripts', async () => {
    expect(await run('list')).toContain(SHOWN.title);
    expect(JSON.parse(await run('list', '--json'))).toMatchObject([
      { id, title: SHOWN.title, tags: SHOWN.tags, site: SHOWN.site },
    ]);
    const shown = await run('show', id);
    for (const value of [SHOWN.title, SHOWN.author, SHOWN.site, SHOWN.tags[0]!, SHOWN.previousTitle])
      expect(shown).toContain(value);
    expect(JSON.parse(await run('show', id, '--json'))).toMatchObject({
      title: SHOWN.title,
      author: SHOWN.author,
      site: SHOWN.site,
      tags: SHOWN.tags,
      previous: { title: SHOWN.previousTitle },
    });
  });

  it('in search and tags', async () => {
    expect(await run('search', 'harbour')).toContain(SHOWN.title);
    const json = JSON.parse(await run('search', 'harbour', '--json'));
    expect(json.hits).toMatchObject([{ id, title: SHOWN.title }]);
    expect(json.tags).toEqual([{ tag: SHOWN.tags[0], count: 1 }]);
    expect(await run('tags')).toContain(SHOWN.tags[0]);
  });
});
