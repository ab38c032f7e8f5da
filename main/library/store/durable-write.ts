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

/** The atomic part alone, for batches that fsync each folder once at the end (see `fsyncDirectory`). */
export async function writeFileAtomicNoDirSync(target: string, data: Uint8Array | string): Promise<void> {
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
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
