/** Serves the built renderer (`dist/renderer`) with the app's security headers; never outside that folder. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

// From the sources (main/serve/) the build is ../../dist/renderer; from a bundle in dist/<folder>/, ../renderer.
export const DEFAULT_STATIC_DIR = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../dist/renderer/' : '../renderer/', import.meta.url),
);

export async function readStatic(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(path.resolve(root) + path.sep)) return null;
  try {
    const body = await fs.readFile(file);
    return { body, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
