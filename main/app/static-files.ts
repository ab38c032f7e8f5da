/**
 * Maps a request on our scheme to a file of the renderer build. Pure (no electron) so the path-traversal rules
 * are unit-tested: the URL parser already folds `/../`, but `%2e%2e%2f` and `%5c` decode to traversals after
 * it, so containment is checked on the final absolute path.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  path: string;
  mediaType: string;
}

/** The file under `root` that `url` names, or null when the URL is not ours or escapes `root`. */
export function resolveStaticFile(root: string, url: string): StaticFile | null {
  let parsed: URL;
  let relative: string;
  try {
    parsed = new URL(url);
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (relative.includes('\0')) return null;
  if (relative.endsWith('/')) relative += 'index.html';

  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.sep}${relative}`);
  if (!file.startsWith(base + path.sep)) return null;
  const mediaType = MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { path: file, mediaType };
}
