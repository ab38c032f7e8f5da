/**
 * Expands the paths a person gave into files to import: files as they are, folders walked recursively in
 * name order. Symbolic links inside a folder are followed only when they stay inside it (a link out of
 * the folder, or a loop, is skipped with a reason). Hidden files and folders (`.git`, `.DS_Store`) are not articles.
 *
 * Some folders are one article, not one per file:
 * - a browser "complete page" save: `NAME_files/` (or `NAME-files/`) beside `NAME.html` holds that page's images,
 *   which the HTML importer reads with the page; the folder is not walked (its files would only fail);
 * - an ArchiveBox snapshot (`archive/<timestamp>/` with its `index.json`): the folder becomes one input, its
 *   index.json, and the ArchiveBox importer picks the best output inside it;
 * - an ArchiveBox data folder (with `ArchiveBox.conf` or `index.sqlite3`): only its `archive/` folder is walked,
 *   not its config, logs and the URL lists it was fed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { cleanTags } from '../../../common/clean-text';
import { ARCHIVEBOX_DATA_MARKERS, parseArchiveBoxIndex } from './archivebox-index';

export type WalkItem =
  | { kind: 'file'; path: string; name: string; folderTags: string[] }
  | { kind: 'failed'; source: string; reason: string };

export async function* walkInputs(paths: string[], folderTags: boolean): AsyncGenerator<WalkItem> {
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      yield { kind: 'failed', source: given, reason: describeFsError(error) };
      continue;
    }
    if (stat.isFile()) {
      yield { kind: 'file', path: absolute, name: path.basename(absolute), folderTags: [] };
    } else if (stat.isDirectory()) {
      const root = await fs.realpath(absolute);
      const rootTag = folderTags ? cleanTags([path.basename(absolute)]) : [];
      yield* walkFolder(root, root, rootTag, folderTags, new Set([root]));
    } else {
      yield { kind: 'failed', source: given, reason: 'not a regular file or folder' };
    }
  }
}

async function* walkFolder(
  root: string,
  dir: string,
  tags: string[],
  folderTags: boolean,
  visited: Set<string>,
): AsyncGenerator<WalkItem> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'failed', source: dir, reason: describeFsError(error) };
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const snapshot = await archiveBoxSnapshot(dir, entries);
  if (snapshot) {
    // The snapshot folder's name is a timestamp, not a tag.
    const snapshotTags = folderTags ? tags.slice(0, -1) : tags;
    yield {
      kind: 'file',
      path: snapshot,
      name: `${path.basename(dir)}/index.json`,
      folderTags: snapshotTags,
    };
    return;
  }
  const names = new Set(entries.map((e) => e.name));
  const dataFolder = ARCHIVEBOX_DATA_MARKERS.some((m) => names.has(m)) && names.has('archive');
  const pageFiles = savedPageFolders(entries.map((e) => e.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (dataFolder && entry.name !== 'archive') continue;
    if (pageFiles.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    let target = full;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        target = await fs.realpath(full);
      } catch {
        yield { kind: 'failed', source: full, reason: 'a symbolic link whose target does not exist' };
        continue;
      }
      if (target !== root && !target.startsWith(root + path.sep)) {
        yield {
          kind: 'failed',
          source: full,
          reason: 'a symbolic link that points outside the imported folder (not followed)',
        };
        continue;
      }
      const stat = await fs.stat(target);
      isDir = stat.isDirectory();
      isFile = stat.isFile();
    }
    if (isDir) {
      if (visited.has(target)) continue; // a link back into a folder already walked
      visited.add(target);
      // A data folder's `archive/` is ArchiveBox's layout, not the person's filing: not a tag.
      // A folder's name becomes a tag: cleaned like every imported tag (a name may hold a bidi override).
      const childTags = folderTags && !dataFolder ? cleanTags([...tags, entry.name]) : tags;
      yield* walkFolder(root, target, childTags, folderTags, visited);
    } else if (isFile) {
      yield { kind: 'file', path: target, name: entry.name, folderTags: tags };
    }
  }
}

/** Names of the `NAME_files` / `NAME-files` resource folders of the saved pages among `names`. */
export function savedPageFolders(names: string[]): Set<string> {
  const pages = new Set(
    names
      .filter((n) => /\.(?:html?|xhtml|shtml)$/i.test(n))
      .map((n) => n.replace(/\.[^.]+$/, '').toLowerCase()),
  );
  const folders = new Set<string>();
  for (const name of names) {
    const m = /^(.*)[_-]files$/i.exec(name);
    if (m && pages.has(m[1]!.toLowerCase())) folders.add(name);
  }
  return folders;
}

/** The snapshot's index.json when `dir` is an ArchiveBox snapshot folder, else null. */
async function archiveBoxSnapshot(
  dir: string,
  entries: Array<{ name: string; isFile(): boolean }>,
): Promise<string | null> {
  const index = entries.find((e) => e.name === 'index.json' && e.isFile());
  if (!index) return null;
  const file = path.join(dir, 'index.json');
  try {
    const stat = await fs.stat(file);
    // A snapshot index is a few KiB; a big JSON file is something else.
    if (stat.size > 4 * 1024 * 1024) return null;
    return parseArchiveBoxIndex(await fs.readFile(file, 'utf8')) ? file : null;
  } catch {
    return null;
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error).message;
}
