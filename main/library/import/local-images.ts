/**
 * Images of a browser "complete page" save (`page.html` + `page_files/`): an `<img src>` naming a file inside
 * the page's own files folder becomes a resource of the article. A page is untrusted, and its folder is often
 * someone's Downloads or home folder, so an image is kept only when all of these hold:
 * - the src is a relative path that stays inside one of the allowed folders (for a saved page only
 *   `<name>_files/` or `<name>-files/` beside it), lexically and after resolving symbolic links, and the
 *   allowed folder is not itself a link to somewhere else;
 * - no segment of its path inside that folder starts with '.' (`.ssh/`, `.secret-token`, `.git/`);
 * - its bytes are an image of a type recognised by content (image-type.ts), whatever its name says;
 * - it is a regular file of at most 32 MB, among the first 1,000 distinct files the page names.
 * Anything else keeps its src as written, which the sanitizer then drops. Nothing remote is fetched.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArticleResourceFile } from './importer';
import { type ImageType, imageTypeOf, nameWithExtension } from './image-type';
import { safeResourceName } from '../resource-name';

/** A single image larger than this is not kept (a saved page's images are far smaller). */
const MAX_IMAGE_BYTES = 32 * 1024 * 1024;
/** Images considered per page: each costs file-system calls, and real saves hold far fewer. */
const MAX_IMAGES = 1000;
/** Enough of a file to recognise its image type. */
const HEAD_BYTES = 64;

/** The folders a saved page `file` may take images from: `<name>_files/` and `<name>-files/` beside it. */
export function savedPageFolders(file: string): string[] {
  const dir = path.dirname(file);
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  return [path.join(dir, `${stem}_files`), path.join(dir, `${stem}-files`)];
}

function isInside(root: string, file: string): string | null {
  const inside = path.relative(root, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return inside;
}

function hasHiddenSegment(relative: string): boolean {
  return relative.split(path.sep).some((segment) => segment.startsWith('.'));
}

/**
 * Maps a relative `src` (relative to the page's folder `pageDir`) to its file when it lies inside one of
 * `roots` without a hidden segment; null when it is remote, absolute, escapes, or names a hidden file.
 */
export function localImagePath(pageDir: string, roots: string[], src: string): string | null {
  const value = src.trim();
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/') || value.startsWith('\\'))
    return null;
  let relative: string;
  try {
    relative = decodeURIComponent(value.replace(/[?#].*$/, ''));
  } catch {
    return null;
  }
  // A backslash is a separator on Windows: a path holding one means something else there than here.
  if (!relative || relative.includes('\0') || relative.includes('\\')) return null;
  const resolved = path.resolve(pageDir, relative);
  for (const root of roots) {
    const inside = isInside(root, resolved);
    if (inside && !hasHiddenSegment(inside)) return resolved;
  }
  return null;
}

/** The real path of `root` when it is a folder that is no link (nor under one beyond its parent), else null. */
function realRoot(root: string): string | null {
  try {
    if (!lstatSync(root).isDirectory()) return null;
    const real = realpathSync(root);
    // The parent may be reached through links (a library on a linked drive); the folder itself may not.
    return real === path.join(realpathSync(path.dirname(root)), path.basename(root)) ? real : null;
  } catch {
    return null;
  }
}

function readHead(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

interface Checked {
  real: string;
  type: ImageType;
}

/** Plans one resource name per accepted local file (unique, sanitized, with its type's extension). */
export class LocalImagePlan {
  private byPath = new Map<string, { name: string; checked: Checked }>();
  private refused = new Set<string>();
  private names = new Set<string>();
  /** Files checked so far, accepted or not: each costs a few file-system calls. */
  private checks = 0;
  private realRoots: Array<{ root: string; real: string }> | null = null;

  /** `pageDir` is where relative srcs start; `roots` are the only folders images may come from. */
  constructor(
    readonly pageDir: string,
    readonly roots: string[],
  ) {}

  /** For a saved page on disk: images only from its own files folder. */
  static forSavedPage(file: string): LocalImagePlan {
    return new LocalImagePlan(path.dirname(file), savedPageFolders(file));
  }

  /**
   * The `resource:NAME` reference for a src, or null when the src is not an acceptable local image of this page.
   * Synchronous (it runs while the page's DOM is walked, in the import worker): it checks the file's place and
   * first bytes now, so a refused file never gets a name.
   */
  reference(src: string): string | null {
    const file = localImagePath(this.pageDir, this.roots, src);
    if (!file || this.refused.has(file)) return null;
    const known = this.byPath.get(file);
    if (known) return `resource:${known.name}`;
    const checked = this.checks++ < MAX_IMAGES ? this.check(file) : null;
    if (!checked) {
      this.refused.add(file);
      return null;
    }
    const base = nameWithExtension(safeResourceName(path.basename(file)) ?? 'image', checked.type);
    let name = base;
    for (let i = 2; this.names.has(name); i++) {
      const ext = path.extname(base);
      name = `${base.slice(0, base.length - ext.length)}-${i}${ext}`;
    }
    this.names.add(name);
    this.byPath.set(file, { name, checked });
    return `resource:${name}`;
  }

  private check(file: string): Checked | null {
    this.realRoots ??= this.roots.flatMap((root) => {
      const real = realRoot(root);
      return real ? [{ root, real }] : [];
    });
    try {
      const real = realpathSync(file);
      const ok = this.realRoots.some(({ root, real: rootReal }) => {
        if (!isInside(root, file)) return false;
        const inside = isInside(rootReal, real);
        return inside !== null && !hasHiddenSegment(inside);
      });
      if (!ok) return null;
      const stat = statSync(real);
      if (!stat.isFile() || stat.size > MAX_IMAGE_BYTES) return null;
      const type = imageTypeOf(readHead(real));
      return type ? { real, type } : null;
    } catch {
      // A missing image of a saved page is common; the article imports without it.
      return null;
    }
  }

  /** Reads the accepted files whose names are still referenced, checking their type again on the full bytes. */
  async read(used: Set<string>): Promise<ArticleResourceFile[]> {
    const out: ArticleResourceFile[] = [];
    for (const { name, checked } of this.byPath.values()) {
      if (!used.has(name)) continue;
      try {
        const bytes = await fs.readFile(checked.real);
        if (bytes.length <= MAX_IMAGE_BYTES && imageTypeOf(bytes) === checked.type) out.push({ name, bytes });
      } catch {
        // Gone since it was checked: the article imports without it.
      }
    }
    return out;
  }
}
