/**
 * Atomic, durable writes: a crash leaves either the old file or the new one, never a torn one.
 * Temporary file in the same folder, fsync, rename over the target, then fsync the folder so the rename
 * itself survives a power cut.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export async function writeFileDurable(target: string, data: Uint8Array | string): Promise<void> {
  await writeFileAtomicNoDirSync(target, data);
  await fsyncDirectory(path.dirname(target));
}

export async function writeFileAtomicNoDirSync(target: string, data: Uint8Array | string): Promise<void> {
  const temp = await writeTemp(target, data);
  try {
    await fsyncFile(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * The first step alone, for batches: the data goes to a temporary file beside `target` and its name is
 * returned. The batch then fsyncs all its temporary files together, renames them, and fsyncs their folders
 * (see ArticleStore.commit): the same order per file, but one flush to disk serves many files.
 */
export async function writeTemp(target: string, data: Uint8Array | string): Promise<string> {
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, data, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return temp;
}

/**
 * `writeTemp` and the fsync in one open: for a batch whose files are written concurrently anyway, this saves an
 * open and a close per file (on this workplace's virtual disk, file operations are what an import costs), and
 * the flushes overlap the rest of the batch's work instead of queueing at commit. Same order per file: the
 * data is on disk before the rename makes it visible.
 */
export async function writeTempSynced(target: string, data: Uint8Array | string): Promise<string> {
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return temp;
}

export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync a folder so the entries created or renamed in it are durable. Windows cannot open folders: skip. */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
