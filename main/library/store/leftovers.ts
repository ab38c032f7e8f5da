/**
 * Temporary files a crash leaves in the library's own folders (the root, `index/`, `index/catalog/`,
 * `index/segments/`): a journal, descriptor, catalog, manifest or segment write cut short before its rename.
 * Every such write happens under the library lock, so once the lock is ours none of them is in progress and
 * all can go. Article folders are swept by the store's reconcile (a cut-short batch always leaves the journal).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_DIR } from './catalog';
import { hasStaleLock, isLockLeftover, removeLockLeftovers } from './library-lock';

const FOLDERS = ['', 'index', CATALOG_DIR, path.join('index', 'segments')];

const isTemp = (name: string) => name.endsWith('.tmp') && !isLockLeftover(name);

/**
 * True when any leftover is there, or a lock whose process is gone (taking the lock takes it over): a readdir
 * of four folders, cheap enough for every open.
 */
export async function hasLeftovers(dir: string): Promise<boolean> {
  if (await hasStaleLock(dir)) return true;
  for (const folder of FOLDERS) {
    const names = await fs.readdir(path.join(dir, folder)).catch(() => [] as string[]);
    if (names.some((name) => isTemp(name) || (folder === '' && isLockLeftover(name)))) return true;
  }
  return false;
}

/** Removes the leftovers; the caller holds the library lock. Returns the files removed. */
export async function removeLeftovers(dir: string): Promise<string[]> {
  const removed = await removeLockLeftovers(dir);
  for (const folder of FOLDERS) {
    const names = await fs.readdir(path.join(dir, folder)).catch(() => [] as string[]);
    for (const name of names.filter(isTemp)) {
      const file = path.join(dir, folder, name);
      await fs.rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}
