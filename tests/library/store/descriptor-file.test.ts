/**
 * The library descriptor, called directly on real folders: which folders become a library (only a missing or
 * empty one, and only when asked to create), a creation cut short finished afresh, a lost or damaged descriptor
 * beside library content rewritten and said so, a newer one refused, and everything else refused with a message
 * naming the folder. article-store.test.ts and the crash harness check the same through whole libraries.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OffprintError } from '../../../common/errors';
import { DESCRIPTOR_FILE, isDescriptorTemp, openDescriptor } from '../../../main/library/store/descriptor';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

const descriptorFile = () => path.join(dir, DESCRIPTOR_FILE);
const written = async () =>
  JSON.parse(await fs.readFile(descriptorFile(), 'utf8')) as Record<string, unknown>;
/** What openDescriptor threw: its kind and message. */
async function refusal(at: string, create = false): Promise<[string, string]> {
  try {
    await openDescriptor(at, create);
  } catch (error) {
    if (error instanceof OffprintError) return [error.kind, error.message];
    throw error;
  }
  throw new Error('it opened');
}

describe('openDescriptor', () => {
  it('creates a library in a missing or empty folder only when asked to, and reads it back', async () => {
    const missing = path.join(dir, 'new', 'library');
    expect(await refusal(missing)).toEqual([
      'not-found',
      `There is no library at ${missing} (the folder does not exist). Check the path; importing into it creates a library.`,
    ]);
    expect(await refusal(dir)).toEqual([
      'not-found',
      `${dir} is an empty folder, not an Offprint library. Import into it to create one.`,
    ]);
    const before = Date.now();
    const created = await openDescriptor(missing, true);
    expect(created.problem).toBeNull();
    expect(created.descriptor).toMatchObject({ format: 'offprint-library', version: 1 });
    expect(Date.parse(created.descriptor.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(JSON.parse(await fs.readFile(path.join(missing, DESCRIPTOR_FILE), 'utf8'))).toEqual(
      created.descriptor,
    );
    expect(await fs.readFile(path.join(missing, DESCRIPTOR_FILE), 'utf8')).toMatch(/\n$/);
    // Opened again: the same descriptor, not a new one.
    expect(await openDescriptor(missing)).toEqual({ descriptor: created.descriptor, problem: null });
    // Hidden files (a .DS_Store) do not make an empty folder someone else's.
    const hidden = path.join(dir, 'hidden');
    await fs.mkdir(hidden);
    await fs.writeFile(path.join(hidden, '.DS_Store'), 'x');
    expect((await openDescriptor(hidden, true)).descriptor.format).toBe('offprint-library');
  });

  it('refuses a file, a folder of other files, and a JSON file that is no descriptor', async () => {
    const file = path.join(dir, 'notes.txt');
    await fs.writeFile(file, 'x');
    expect(await refusal(file, true)).toEqual(['failed', `${file} is a file, not a library folder.`]);
    expect(await refusal(dir, true)).toEqual([
      'failed',
      `${dir} is not an Offprint library and is not empty. Choose an empty folder or an existing library.`,
    ]);
    await fs.writeFile(descriptorFile(), '{"format":"something-else","version":1}');
    expect(await refusal(dir, true)).toEqual([
      'failed',
      `${descriptorFile()} is not an Offprint library descriptor.`,
    ]);
    // Nothing was written over the other program's file.
    expect(await written()).toEqual({ format: 'something-else', version: 1 });
  });

  it('refuses a library of a newer Offprint, and leaves its descriptor as it is', async () => {
    const newer = '{"format":"offprint-library","version":2,"createdAt":"2030-01-01T00:00:00.000Z"}';
    await fs.writeFile(descriptorFile(), newer);
    await fs.mkdir(path.join(dir, 'articles'));
    expect(await refusal(dir)).toEqual([
      'failed',
      `${descriptorFile()} was written by a newer Offprint (library format 2; this version reads up to 1). Update Offprint to open it.`,
    ]);
    expect(await fs.readFile(descriptorFile(), 'utf8')).toBe(newer);
  });

  it('finishes a creation a crash cut short: a folder with nothing but a temporary or unreadable descriptor', async () => {
    const temp = `${DESCRIPTOR_FILE}.1234.tmp`;
    await fs.writeFile(path.join(dir, temp), '{"form');
    const opened = await openDescriptor(dir);
    expect(opened.problem).toBeNull();
    expect(await written()).toEqual(opened.descriptor);
    expect(await fs.readdir(dir)).toEqual([DESCRIPTOR_FILE]);
    for (const cut of ['', '{"format":"offprint-lib', 'null', '42', '{"format":"offprint-library"}']) {
      await fs.writeFile(descriptorFile(), cut);
      const again = await openDescriptor(dir);
      expect(again.problem, cut).toBeNull();
      expect(await written(), cut).toEqual(again.descriptor);
    }
  });

  it('rewrites a lost or damaged descriptor beside library content, and says so', async () => {
    for (const marker of ['articles', 'index', 'import.journal', 'quarantine', 'catalog.json']) {
      await removeDir(dir);
      dir = await tempDir();
      await fs.mkdir(path.join(dir, marker));
      const lost = await openDescriptor(dir);
      expect(lost.problem, marker).toBe(`the library descriptor ${descriptorFile()} was missing; rewritten`);
      expect(await written()).toEqual(lost.descriptor);
      await fs.writeFile(descriptorFile(), '{"format":"offprint-library","version":');
      const damaged = await openDescriptor(dir);
      expect(damaged.problem, marker).toBe(
        `the library descriptor ${descriptorFile()} was damaged; rewritten`,
      );
      expect(await written()).toEqual(damaged.descriptor);
    }
    // A descriptor of ours without a version is damaged too.
    await fs.writeFile(descriptorFile(), '{"format":"offprint-library"}');
    expect((await openDescriptor(dir)).problem).toBe(
      `the library descriptor ${descriptorFile()} was damaged; rewritten`,
    );
  });

  it('opens a read-only library with the descriptor it must have had, writing nothing', async (context) => {
    // A read-only file system (a tmpfs mounted read-only; root can write through permissions, not through that).
    const mount = path.join(dir, 'ro');
    await fs.mkdir(mount);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]).status !== 0) {
      console.log('skipped: the read-only descriptor case needs to mount a tmpfs (root), not possible here');
      context.skip();
    }
    try {
      await fs.mkdir(path.join(mount, 'articles'));
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      const opened = await openDescriptor(mount);
      expect(opened.descriptor).toMatchObject({ format: 'offprint-library', version: 1 });
      expect(opened.problem).toBe(
        `the library descriptor ${path.join(mount, DESCRIPTOR_FILE)} was missing; not rewritten (the library is read-only)`,
      );
      expect(await fs.readdir(mount)).toEqual(['articles']);
    } finally {
      spawnSync('umount', [mount]);
    }
  });

  it('says in words why a folder or its descriptor cannot be read or created', async () => {
    const file = path.join(dir, 'notes.txt');
    await fs.writeFile(file, 'x');
    // Through a file: the folder can be neither read nor made.
    const [kind, message] = await refusal(path.join(file, 'library'));
    expect(kind).toBe('failed');
    expect(message).toMatch(/^cannot read .*notes\.txt\/library: /);
    const [createKind, createMessage] = await refusal(path.join(file, 'library'), true);
    expect(createKind).toBe('failed');
    expect(createMessage).toMatch(/^cannot read .*notes\.txt\/library: /);
    // A descriptor that is a folder.
    const lib = path.join(dir, 'lib');
    await fs.mkdir(path.join(lib, DESCRIPTOR_FILE), { recursive: true });
    const [readKind, readMessage] = await refusal(lib);
    expect(readKind).toBe('failed');
    expect(readMessage).toBe(`cannot read ${path.join(lib, DESCRIPTOR_FILE)}: it is a folder, not a file`);
  });

  it('names its temporary files by the descriptor name and .tmp', () => {
    expect(isDescriptorTemp(`${DESCRIPTOR_FILE}.1234.tmp`)).toBe(true);
    expect(isDescriptorTemp(`${DESCRIPTOR_FILE}.tmp`)).toBe(true);
    expect(isDescriptorTemp(`${DESCRIPTOR_FILE}`)).toBe(false);
    expect(isDescriptorTemp(`other.json.1234.tmp`)).toBe(false);
    expect(isDescriptorTemp(`${DESCRIPTOR_FILE}.1234.bak`)).toBe(false);
  });
});
