/**
 * The running Offprint's version, from its package.json, found by walking up from this file (the sources, the
 * CLI's chunks in dist/cli and the app's bundle in dist/app all sit below it). Read at run time rather than
 * bundled: an imported package.json would become an input of the CLI's build and make every copy of it stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function offprintVersion(): string {
  if (cached !== null) return cached;
  cached = 'unknown';
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'offprint' && typeof pkg.version === 'string') {
        cached = pkg.version;
        break;
      }
    } catch {
      // no package.json here: look one folder up
    }
    dir = path.dirname(dir);
  }
  return cached;
}
