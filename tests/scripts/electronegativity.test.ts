/**
 * `npm run security` runs Electronegativity and fails on any finding not justified where it stands. These run the
 * real script and the real tool over folders written for the test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, removeDir, tempDir } from '../helpers/fixtures-and-shared';

const SCRIPT = path.join(REPO, 'scripts', 'electronegativity.mjs');

function runScript(dir: string) {
  const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8', cwd: REPO });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Electronegativity flags the `new BrowserWindow(` line (line 4), so that is where a justification goes. */
const WINDOW = (above: string) => `const { BrowserWindow } = require('electron');

${above}
const win = new BrowserWindow({ webPreferences: { nodeIntegration: true } });
`;

describe('scripts/electronegativity.mjs', () => {
  let root: string;
  beforeAll(async () => {
    root = await tempDir();
  });
  afterAll(async () => {
    if (root) await removeDir(root);
  });

  async function folderWith(name: string, source: string): Promise<string> {
    const dir = path.join(root, name);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'window.js'), source);
    return dir;
  }

  it('fails on a finding nobody justified, naming the check, the file and the line', async () => {
    const { code, output } = runScript(await folderWith('bare', WINDOW('')));
    expect(code).toBe(1);
    expect(output).toMatch(/window\.js:4:\d+ NODE_INTEGRATION_JS_CHECK/);
    expect(output).toContain('not justified');
  });

  it('takes a comment just above the line that names the check and says why, for that check only', async () => {
    const justified = WINDOW(
      '// electronegativity: NODE_INTEGRATION_JS_CHECK — a test fixture, never loaded by anything',
    );
    const { code, output } = runScript(await folderWith('justified', justified));
    expect(output).not.toContain('NODE_INTEGRATION_JS_CHECK');
    // The same window has no sandbox and no context isolation either: still findings, still a failure.
    expect(output).toMatch(/window\.js:4:\d+ SANDBOX_JS_CHECK/);
    expect(code).toBe(1);
  });

  it('does not take a bare check name, or another check’s name, as a justification', async () => {
    for (const comment of [
      '// electronegativity: NODE_INTEGRATION_JS_CHECK',
      '// electronegativity: SANDBOX_JS_CHECK — about something else',
    ]) {
      const { code, output } = runScript(await folderWith(`weak-${comment.length}`, WINDOW(comment)));
      expect(code).toBe(1);
      expect(output).toContain('NODE_INTEGRATION_JS_CHECK');
    }
  });

  it('finds nothing unjustified in the app’s own main/', () => {
    const { code, output } = runScript(path.join(REPO, 'main'));
    expect(output).toMatch(/no unjustified findings/);
    expect(code).toBe(0);
  });
});
