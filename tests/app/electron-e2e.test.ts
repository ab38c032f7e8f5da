// Drives the real desktop app with Playwright, where Electron's binary exists (it cannot be downloaded offline,
// so on such machines this prints one line and skips). Checks what only a running Electron can show: the page
// loads from app://, the bridge is exactly the API, Node is out of reach (the effect of the web preferences
// pinned in web-preferences.test.ts), the CSP holds, a library is created.
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../common/api';
import type { OffprintBridge } from '../../common/bridge';
import { APP_ENTRY_URL } from '../../main/app/app-origin';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The binary electron's index.js would run, found without requiring it (that would try to download it). */
function electronBinary(): string | null {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function skipReason(): string | null {
  if (!electronBinary()) return 'Electron binary not installed here (it cannot be downloaded offline)';
  const built = ['dist/app/main.js', 'dist/app/preload.cjs', 'dist/renderer/index.html'];
  if (!built.every((file) => existsSync(path.join(ROOT, file))))
    return 'no build output (run `npm run build` first)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display (run the tests under xvfb-run)';
  }
  return null;
}

const reason = skipReason();
if (reason) console.log(`skipped: Electron e2e — ${reason}`);

describe.skipIf(reason !== null)('desktop app (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let library: string;

  beforeAll(async () => {
    library = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'offprint-e2e-')), 'library');
    // ELECTRON_RUN_AS_NODE inherited from a parent would start a plain Node instead of the app.
    const env = Object.fromEntries(
      Object.entries({ ...process.env, OFFPRINT_LIBRARY: library }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE',
      ),
    );
    app = await _electron.launch({ executablePath: electronBinary()!, args: [ROOT], env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (library) await fs.rm(path.dirname(library), { recursive: true, force: true });
  });

  it('loads the page from the app scheme', () => {
    expect(page.url()).toBe(APP_ENTRY_URL);
  });

  it('opens one window', async () => {
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('exposes exactly the API, and no Node', async () => {
    const exposed = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { offprint: object }).offprint).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({
      keys: [...methodNames, 'onEvent', 'pathsForFiles'].sort(),
      require: 'undefined',
      process: 'undefined',
    });
  });

  it('opens (and creates) the library on first run', async () => {
    const info = await page.evaluate(() =>
      (window as unknown as { offprint: OffprintBridge }).offprint.libraryInfo({}),
    );
    expect(info).toMatchObject({ ok: true, value: { articles: 0 } });
    expect(existsSync(library)).toBe(true);
  });

  it('refuses bad arguments across IPC', async () => {
    const answer = await page.evaluate(() =>
      (window as unknown as { offprint: OffprintBridge }).offprint.getArticle({ id: '../../etc/passwd' }),
    );
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid-argument' } });
  });

  it('blocks eval under the CSP and denies new windows', async () => {
    const result = await page.evaluate(() => {
      let evalRan = true;
      try {
        new Function('return 1')();
      } catch {
        evalRan = false;
      }
      return { evalRan, opened: window.open('about:blank') !== null };
    });
    expect(result).toEqual({ evalRan: false, opened: false });
  });
});
