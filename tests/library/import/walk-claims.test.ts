/**
 * The README's promises about walking a folder, each checked on a real library: articles are tagged with the
 * names of the folders they were in; hidden files and hidden folders are skipped; symbolic links are followed
 * when they stay inside the imported folder (files and folders alike) and refused, with the reason, when they
 * leave it; `folderTags: false` (the CLI's `--no-folder-tags`) tags nothing. The job's account of a walk:
 * every input counted, and each failure with its reason; a job that cannot take the lock fails saying why.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/library/library';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { runCli } from '../../helpers/run-cli';

let root: string;
let inputs: string;

const text = (title: string) => `${title}\n\nA paragraph about ${title.toLowerCase()} for the walk test.\n`;

beforeAll(async () => {
  root = await tempDir();
  inputs = path.join(root, 'saved');
  await fs.mkdir(path.join(inputs, 'science', 'oceans'), { recursive: true });
  await fs.mkdir(path.join(inputs, '.trash'), { recursive: true });
  await fs.mkdir(path.join(root, 'elsewhere'), { recursive: true });
  await fs.writeFile(path.join(inputs, 'top.txt'), text('Top level'));
  await fs.writeFile(path.join(inputs, 'science', 'oceans', 'tides.txt'), text('Tides'));
  await fs.writeFile(path.join(inputs, '.hidden.txt'), text('Hidden file'));
  await fs.writeFile(path.join(inputs, '.trash', 'deleted.txt'), text('Deleted draft'));
  await fs.writeFile(path.join(root, 'elsewhere', 'private.txt'), text('Private elsewhere'));
  await fs.symlink(path.join(inputs, 'science', 'oceans'), path.join(inputs, 'linked-oceans'));
  await fs.symlink(path.join(inputs, 'top.txt'), path.join(inputs, 'science', 'top-link.txt'));
  await fs.symlink(path.join(root, 'elsewhere', 'private.txt'), path.join(inputs, 'escape.txt'));
  await fs.symlink(path.join(root, 'elsewhere'), path.join(inputs, 'escape-folder'));
});
afterAll(() => removeDir(root));

async function importInto(name: string, folderTags: boolean) {
  const library = await openLibrary(path.join(root, name), { create: true });
  try {
    const job = await library.importPaths({ paths: [inputs], folderTags });
    const done = await library.waitForImport(job.jobId);
    const list = await library.list({});
    return { report: done.report!, list };
  } finally {
    await library.close();
  }
}

describe('walking an imported folder', () => {
  it('tags by folder, skips hidden files and folders, follows inside links, refuses outside ones', async () => {
    const { report, list } = await importInto('lib-tags', true);
    const byTitle = Object.fromEntries(list.map((a) => [a.title, [...a.tags].sort()]));
    // Walked in name order, so each article is first reached through a link, which was followed: Tides through
    // linked-oceans/ (science/oceans/ is then not walked again), Top level through science/top-link.txt.
    expect(byTitle).toEqual({
      'Top level': ['saved', 'science'],
      Tides: ['linked-oceans', 'saved'],
    });
    expect(report.failed).toEqual([
      {
        source: path.join(inputs, 'escape-folder'),
        reason: 'a symbolic link that points outside the imported folder (not followed)',
      },
      {
        source: path.join(inputs, 'escape.txt'),
        reason: 'a symbolic link that points outside the imported folder (not followed)',
      },
    ]);
    // The file itself, reached after its link, is the same bytes: a duplicate.
    expect(report.duplicates.map((d) => d.source)).toEqual(['top.txt']);
  });

  it('tags nothing without folder tags', async () => {
    const { list } = await importInto('lib-plain', false);
    expect(list.map((a) => [a.title, a.tags]).sort()).toEqual([
      ['Tides', []],
      ['Top level', []],
    ]);
  });

  it('tags nothing with the CLI’s --no-folder-tags, and by folder without it', async () => {
    const plain = path.join(root, 'lib-cli-plain');
    const tagged = path.join(root, 'lib-cli-tagged');
    expect(
      (await runCli(['import', '--library', plain, '--no-folder-tags', path.join(inputs, 'science')])).code,
    ).toBe(1);
    expect((await runCli(['import', '--library', tagged, path.join(inputs, 'science')])).code).toBe(1);
    const tags = async (lib: string) =>
      JSON.parse((await runCli(['list', '--library', lib, '--json'])).stdout).map(
        (a: { title: string; tags: string[] }) => [a.title, [...a.tags].sort()],
      );
    expect(await tags(plain)).toEqual([['Tides', []]]);
    expect(await tags(tagged)).toEqual([['Tides', ['oceans', 'science']]]);
  });
});

describe("the import job's account", () => {
  it('counts every input and says why each failed: a path that is gone, an empty file, one of no known kind', async () => {
    const mixed = path.join(root, 'mixed');
    await fs.mkdir(mixed, { recursive: true });
    await fs.writeFile(path.join(mixed, 'good.txt'), text('Good'));
    await fs.writeFile(path.join(mixed, 'empty.txt'), '');
    await fs.writeFile(path.join(mixed, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const gone = path.join(root, 'gone');
    const library = await openLibrary(path.join(root, 'lib-account'), { create: true });
    try {
      const job = await library.importPaths({ paths: [gone, mixed], folderTags: false });
      const done = await library.waitForImport(job.jobId);
      const { jobId: _id, report, ...counts } = done;
      expect(counts).toEqual({
        state: 'done',
        phase: 'index',
        total: 4,
        done: 4,
        imported: 1,
        duplicates: 0,
        failed: 3,
        current: null,
        error: null,
      });
      expect(report!.imported.map((a) => a.source)).toEqual(['good.txt']);
      expect(report!.failed).toEqual([
        { source: gone, reason: 'no such file or folder' },
        { source: 'empty.txt', reason: 'the file is empty' },
        { source: 'photo.jpg', reason: 'not supported: looks like a JPEG image' },
      ]);
    } finally {
      await library.close();
    }
  });

  it('fails, naming the holder, when another process holds the lock', async () => {
    const dir = path.join(root, 'lib-locked');
    const library = await openLibrary(dir, { create: true });
    try {
      const holder = { pid: process.ppid, host: os.hostname(), since: '2024-01-02T03:04:05Z', nonce: 'ab' };
      await fs.writeFile(path.join(dir, 'offprint.lock'), JSON.stringify(holder));
      const job = await library.importPaths({ paths: [inputs], folderTags: false });
      const done = await library.waitForImport(job.jobId);
      expect([done.state, done.imported, done.error]).toEqual([
        'failed',
        0,
        `The library ${dir} is being changed by another Offprint process (pid ${process.ppid} on ${os.hostname()}, since 2024-01-02T03:04:05Z). Try again when it has finished.`,
      ]);
      await fs.rm(path.join(dir, 'offprint.lock'));
    } finally {
      await library.close();
    }
  });
});
