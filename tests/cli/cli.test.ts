import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';

let root: string;
let lib: string;
let inputs: string;

beforeAll(async () => {
  root = await tempDir();
  lib = path.join(root, 'lib');
  inputs = path.join(root, 'inputs');
  await writeFixtures(inputs);
});
afterAll(() => removeDir(root));

const json = async (args: string[], env?: NodeJS.ProcessEnv) => {
  const r = await runCli([...args, '--json'], env);
  return { ...r, value: JSON.parse(r.stdout) };
};

describe('offprint CLI', () => {
  it('imports, lists, shows, searches and counts tags over one library', async () => {
    const imported = await json(['import', '--library', lib, inputs, path.join(root, 'nope.txt')]);
    expect(imported.code).toBe(1); // one input failed
    expect(imported.value.imported).toHaveLength(5);
    expect(imported.value.imported[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{20}$/),
      title: expect.any(String),
      source: expect.any(String),
    });
    expect(imported.value.duplicates).toEqual([]);
    expect(imported.value.failed).toEqual([
      { source: path.join(root, 'nope.txt'), reason: 'no such file or folder' },
    ]);

    const again = await json(['import', '--library', lib, inputs]);
    expect(again.code).toBe(0);
    expect(again.value.duplicates).toHaveLength(5);

    const list = await json(['list', '--library', lib]);
    expect(list.value[0]).toEqual({
      id: expect.any(String),
      title: 'Harbour cranes return to the old port after ten years',
      published: '2022-01-03T08:30:00Z',
      tags: ['Shipping', 'Ports', 'inputs', 'news'],
      site: null,
      read: false,
      starred: false,
    });

    const cranes = list.value[0].id as string;
    const show = await json(['show', '--library', lib, cranes.slice(0, 8)]);
    expect(Object.keys(show.value)).toEqual([
      'id',
      'title',
      'subtitle',
      'author',
      'site',
      'url',
      'published',
      'category',
      'tags',
      'text',
      'source',
      'previous',
      'next',
    ]);
    expect(show.value).toMatchObject({
      id: cranes,
      subtitle: 'City council approves a plan to reopen the container quay',
      category: 'World',
      source: 'cranes.txt',
      previous: {
        title: 'Lighthouse keepers gather for their last reunion',
        id: expect.stringMatching(/^[0-9a-f]{20}$/),
      },
      next: { title: 'Ferry timetable changes for the winter', id: null },
    });
    expect(show.value.text.split('\n\n')).toHaveLength(3);

    const search = await json([
      'search',
      '--library',
      lib,
      'dock',
      'workers',
      '--tag',
      'news',
      '--limit',
      '5',
    ]);
    expect(search.value).toMatchObject({ total: 1, notice: null });
    expect(search.value.hits[0]).toEqual({
      id: cranes,
      title: expect.any(String),
      score: expect.any(Number),
      snippet: expect.stringContaining('<mark>Dock</mark>'),
      read: false,
      starred: false,
    });
    expect(search.value.tags).toContainEqual({ tag: 'news', count: 1 });

    const tags = await json(['tags', '--library', lib]);
    expect(tags.value).toContainEqual({ tag: 'news', count: 3 });
  });

  it('prints readable output for people and clear errors', async () => {
    const list = await runCli(['list', '--library', lib]);
    // ● marks an unread article; a starred one has ★ beside it.
    expect(list.stdout).toMatch(/^[0-9a-f]{20} {2}● {3}2022-01-03 {2}Harbour cranes return/m);
    const search = await runCli(['search', '--library', lib, 'title:']);
    expect(search.stdout).toMatch(/^Note: Could not read “title:” as search syntax/m);
    const bad = await runCli(['search', '--library', lib, 'x', '--sort', 'sideways']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/sort must be one of: relevance, date/);
    const missing = await runCli(['show', '--library', lib, 'ffffffffffffffffffff']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No article with id ffffffffffffffffffff/);
  });

  it('never sends control characters from imported content to the terminal', async () => {
    const file = path.join(root, 'escape.txt');
    await fs.writeFile(
      file,
      'Zebra \u001b]52;c;cHduZWQ=\u0007crossing\n\nThe \u001b[2Jzebra crossed the road.',
    );
    const own = path.join(root, 'escape-lib');
    await runCli(['import', '--library', own, file]);
    const list = await runCli(['list', '--library', own]);
    expect(list.stdout).toContain('Zebra ]52;c;cHduZWQ=crossing');
    expect(list.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const search = await runCli(['search', '--library', own, 'zebra']);
    expect(search.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('uses OFFPRINT_LIBRARY when --library is not given', async () => {
    const r = await json(['list'], { OFFPRINT_LIBRARY: lib });
    expect(r.value).toHaveLength(5);
  });
});
