// File ▸ Back Up Library… against a real library, with the native dialogs played by the recording stand-in.
import type { BrowserWindow } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { libraryActions } from '../../main/app/library-actions';
import type { LibraryHolder } from '../../main/app/library-holder';
import { type Library, openLibrary } from '../../main/library/library';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';
import { dialog } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('backing up from the File menu', () => {
  let root: string;
  let library: Library;
  const window = () => null as BrowserWindow | null;

  beforeAll(async () => {
    root = await tempDir();
    await writeFixtures(path.join(root, 'inputs'));
    library = await openLibrary(path.join(root, 'lib'), { create: true });
    const job = await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: true });
    await library.waitForImport(job.jobId);
  });

  afterAll(async () => {
    await library?.close();
    if (root) await removeDir(root);
  });

  const holder = { get: async () => library } as unknown as LibraryHolder<Library>;

  it('writes nothing when the save dialog is cancelled', async () => {
    dialog.nextSavePath = null;
    dialog.messages.length = 0;
    await libraryActions(holder, window).backupLibrary();
    expect(dialog.messages).toEqual([]);
    expect(await fs.readdir(root)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.zip$/)]));
  });

  it('writes the zip where the user chose, and says how many articles it holds', async () => {
    const target = path.join(root, 'my-backup.zip');
    dialog.nextSavePath = target;
    dialog.messages.length = 0;
    await libraryActions(holder, window).backupLibrary();
    expect(dialog.saveOptions.at(-1)).toMatchObject({
      defaultPath: expect.stringMatching(/^offprint-backup-\d{4}-\d{2}-\d{2}\.zip$/),
    });
    expect(dialog.messages).toHaveLength(1);
    expect(dialog.messages[0]).toMatchObject({ type: 'info', message: 'The library is backed up.' });
    expect(dialog.messages[0]!.detail).toContain('5 articles');
    const bytes = await fs.readFile(target);
    // A zip starts with a local file header.
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });
});
