/** Temporary library folders for tests: real folders on disk, removed afterwards. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function tempDir(prefix = 'offprint-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** `../shared` beside the repository: present in CI, absent in a user's fresh clone. */
export const SHARED = path.resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
export const SEED_FILE = path.join(SHARED, 'seed', 'drone-attack-iraqi-pm.txt');
export const BBC = path.join(SHARED, 'corpus', 'bbc');
export const REPO = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Prints one line saying why a corpus test is skipped, and returns whether the data is there. */
export async function needShared(file: string, what: string): Promise<boolean> {
  if (await exists(file)) return true;
  console.log(`skipped: ${what} — ${file} is not here (it is in CI's ../shared, not in a fresh clone)`);
  return false;
}
