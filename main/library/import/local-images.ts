/**
 * Images of a browser "complete page" save (`page.html` + `page_files/`): an `<img src>` that is a relative
 * path resolving inside the page's own folder becomes a resource of the article. Nothing outside that folder
 * is ever read (no `../` escape, no symlink escape, no absolute paths) and nothing remote is fetched.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArticleResourceFile } from './importer';
import { safeResourceName } from '../store/article-store';

/** A single image larger than this is not kept (a saved page's images are far smaller). */
const MAX_IMAGE_BYTES = 32 * 1024 * 1024;

/** Maps a relative `src` to its file inside `folder`, or null when it is remote, absolute or escapes. */
export function localImagePath(folder: string, src: string): string | null {
  const value = src.trim();
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/') || value.startsWith('\\'))
    return null;
  let relative: string;
  try {
    relative = decodeURIComponent(value.replace(/[?#].*$/, ''));
  } catch {
    return null;
  }
  if (!relative || relative.includes('\0')) return null;
  const resolved = path.resolve(folder, relative);
  const inside = path.relative(folder, resolved);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return resolved;
}

/** Plans one resource name per local file (unique, sanitized), before anything is read. */
export class LocalImagePlan {
  private byPath = new Map<string, string>();
  private names = new Set<string>();

  constructor(readonly folder: string) {}

  /** The `resource:NAME` reference for a src, or null when the src is not a local image of this page. */
  reference(src: string): string | null {
    const file = localImagePath(this.folder, src);
    if (!file) return null;
    let name = this.byPath.get(file);
    if (!name) {
      const base = safeResourceName(path.basename(file)) ?? 'image';
      name = base;
      for (let i = 2; this.names.has(name); i++) {
        const ext = path.extname(base);
        name = `${base.slice(0, base.length - ext.length)}-${i}${ext}`;
      }
      this.names.add(name);
      this.byPath.set(file, name);
    }
    return `resource:${name}`;
  }

  /** Reads the planned files whose names are still referenced; missing or unsafe files are skipped. */
  async read(used: Set<string>): Promise<ArticleResourceFile[]> {
    const out: ArticleResourceFile[] = [];
    const realFolder = await fs.realpath(this.folder).catch(() => null);
    if (!realFolder) return out;
    for (const [file, name] of this.byPath) {
      if (!used.has(name)) continue;
      try {
        const real = await fs.realpath(file);
        const inside = path.relative(realFolder, real);
        if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) continue;
        const stat = await fs.stat(real);
        if (!stat.isFile() || stat.size > MAX_IMAGE_BYTES) continue;
        out.push({ name, bytes: await fs.readFile(real) });
      } catch {
        // A missing image of a saved page is common; the article imports without it.
      }
    }
    return out;
  }
}
