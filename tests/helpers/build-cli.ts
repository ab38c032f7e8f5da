/**
 * Vitest global setup. Tests run the real `offprint` command, which runs the build (dist/cli), never the
 * sources: so the CLI is built first when its build is missing or older than the sources (about a second; a
 * no-op after `npm run build`), and a test never runs yesterday's code.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function buildCli(): void {
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'build.mjs'), '--cli', '--if-stale'], {
    stdio: 'inherit',
  });
}
