/**
 * Expands the paths a person gave into files to import: files as they are, folders walked recursively in
 * name order. Symbolic links inside a folder are followed only when they stay inside it (a link out of
 * the folder, or a loop, is skipped with a reason). Hidden files and folders (`.git`, `.DS_Store`) are not articles.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

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
      const rootTag = folderTags ? [path.basename(absolute)] : [];
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
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
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
      yield* walkFolder(root, target, folderTags ? [...tags, entry.name] : tags, folderTags, visited);
    } else if (isFile) {
      yield { kind: 'file', path: target, name: entry.name, folderTags: tags };
    }
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error).message;
}
