/**
 * Damaged articles are moved, never deleted: `quarantine/<id>/` holds the article's folder as it was found
 * (original, article.json, resources) and `reason.txt` says what was wrong and when it was found. The library
 * goes on without them; `offprint doctor` and the app list them, and the user decides what to do.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fsyncDirectory, writeFileDurable } from './durable-write';

export const QUARANTINE_DIR = 'quarantine';
const REASON_FILE = 'reason.txt';

export interface QuarantinedArticle {
  /** The folder name the article had (its id, unless that was damaged too). */
  id: string;
  /** Absolute path of its folder in quarantine. */
  folder: string;
  reason: string;
  /** When it was moved (ISO date). */
  at: string;
}

/** Moves an article folder into quarantine with its reason; returns where it went. */
export async function moveToQuarantine(
  libraryDir: string,
  articleDir: string,
  reason: string,
): Promise<string> {
  const root = path.join(libraryDir, QUARANTINE_DIR);
  await fs.mkdir(root, { recursive: true });
  const id = path.basename(articleDir);
  let target = path.join(root, id);
  // The same id quarantined twice (damaged again after a re-import) keeps both.
  for (let n = 2; await exists(target); n++) target = path.join(root, `${id}-${n}`);
  // The reason goes in first, so a crash between the two steps leaves the article where it was, explained.
  await writeFileDurable(
    path.join(articleDir, REASON_FILE),
    `${reason}\nfound: ${new Date().toISOString()}\nfrom: ${path.relative(libraryDir, articleDir)}\n`,
  );
  await fs.rename(articleDir, target);
  await Promise.all([fsyncDirectory(root), fsyncDirectory(path.dirname(articleDir))]);
  return target;
}

/** Everything in quarantine, oldest first. */
export async function listQuarantine(libraryDir: string): Promise<QuarantinedArticle[]> {
  const root = path.join(libraryDir, QUARANTINE_DIR);
  const names = await fs.readdir(root).catch(() => [] as string[]);
  const found: QuarantinedArticle[] = [];
  for (const name of names) {
    const folder = path.join(root, name);
    const text = await fs.readFile(path.join(folder, REASON_FILE), 'utf8').catch(() => '');
    const [reason, found_ = ''] = text.split('\n');
    found.push({
      id: name.replace(/-\d+$/, ''),
      folder,
      // No reason.txt (moved in by hand, or its write was lost) reads as '' here: say so rather than nothing.
      reason: reason || 'no reason recorded',
      at: found_.replace(/^found: /, ''),
    });
  }
  return found.sort((a, b) => a.at.localeCompare(b.at) || a.folder.localeCompare(b.folder));
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
