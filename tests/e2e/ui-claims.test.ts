/**
 * The README's keyboard and window promises that no other end-to-end test holds, in the running UI: `/` and
 * Ctrl/Cmd+F focus the search box from anywhere, Esc in the box clears it, ↓ then Enter opens the first hit, files
 * dropped onto the window are imported, and a saved page's local images are shown in the reader (loaded, not only
 * named). The real renderer, served by the real `offprint serve`, in Debian's headless Chromium.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, chromiumPath, launchBrowser } from '../helpers/browser';
import { REPO, exists, removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';
import { type ServeProcess, startServe } from '../helpers/serve-process';

const chromium = chromiumPath();
const built = await exists(path.join(REPO, 'dist', 'renderer', 'index.html'));
if (!chromium)
  console.log('skipped: UI claims e2e — no chromium on this machine (apt-get install -y chromium)');
else if (!built) console.log('skipped: UI claims e2e — the renderer is not built (npm run build)');

const SAVED_PAGE = path.join(REPO, 'tests', 'fixtures', 'formats', 'html', 'saved-page.html');
/** A real, decodable PNG (the saved page's own fixture image is only a PNG signature). */
const REAL_PNG = path.join(REPO, 'tests', 'fixtures', 'formats', 'mhtml', 'chart.png');
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 50 });

describe.skipIf(!chromium || !built)('keyboard, drop and images in the running UI', () => {
  let root: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  let pageTitle: string;

  const searchBox = () => page.getByLabel('Search', { exact: true });
  const count = () => page.locator('.result-count strong').textContent();
  const focused = () => searchBox().evaluate((box) => box === document.activeElement);

  beforeAll(async () => {
    root = await tempDir();
    const lib = path.join(root, 'lib');
    // The saved page with its NAME_files/ folder, so its image is stored as a local resource.
    const saves = path.join(root, 'saves');
    await fs.mkdir(path.join(saves, 'saved-page_files'), { recursive: true });
    await fs.copyFile(SAVED_PAGE, path.join(saves, 'saved-page.html'));
    await fs.copyFile(REAL_PNG, path.join(saves, 'saved-page_files', 'gauge photo.png'));
    const imported = await runCli(['import', '--library', lib, '--json', saves]);
    const report = JSON.parse(imported.stdout) as { imported: { title: string; source: string }[] };
    const saved = report.imported.find((a) => a.source.endsWith('saved-page.html'));
    expect(saved).toBeDefined();
    pageTitle = saved!.title;
    server = await startServe(lib);
    browser = await launchBrowser(chromium!);
    page = await browser.context.newPage();
  });

  beforeEach(async () => {
    await page.goto(server.url);
    await searchBox().waitFor();
    await eventually(count).toMatch(/^\d+ articles?$/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (root) await removeDir(root);
  });

  it('focuses the search box with / and with Ctrl/Cmd+F, and Esc in it clears it', async () => {
    const total = await count();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await eventually(focused).toBe(true);
    await page.keyboard.type('gauge');
    await eventually(() => searchBox().inputValue()).toBe('gauge');
    await page.keyboard.press('Escape');
    await eventually(() => searchBox().inputValue()).toBe('');
    await eventually(count).toBe(total);
    await searchBox().blur();
    await eventually(focused).toBe(false);
    await page.keyboard.press('ControlOrMeta+f');
    await eventually(focused).toBe(true);
  });

  it('opens the first hit with ↓ then Enter, shows its local image loaded, and Esc goes back to the list', async () => {
    await searchBox().fill('gauges');
    await searchBox().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.row.is-open .row-title').textContent()).toBe(pageTitle);
    // Loaded, not only named: an image that failed to load has no natural width. The page's remote and
    // escaping images lost their src at import; its one local image is shown from the library.
    const frame = page.frameLocator('iframe.article-frame');
    await eventually(() =>
      frame
        .locator('img[src]')
        .evaluateAll((imgs) =>
          imgs.map((i) => [
            /^(blob|data):/.test(i.getAttribute('src')!),
            (i as HTMLImageElement).naturalWidth > 0,
          ]),
        ),
    ).toEqual([[true, true]]);
    // Esc goes back to the list: the keyboard is on the open article's row again.
    await page.locator('.article-title').click();
    await page.keyboard.press('Escape');
    await eventually(() =>
      page.evaluate(() => document.activeElement?.closest('.row')?.querySelector('.row-title')?.textContent),
    ).toBe(pageTitle);
  });

  it('imports files dropped onto the window', async () => {
    const before = Number((await count())!.split(' ')[0]);
    const transfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      const text =
        'Dropped notes on estuary dredging\n\nA paragraph dropped onto the window, about estuary dredging.\n';
      dt.items.add(new File([text], 'dropped-notes.txt', { type: 'text/plain' }));
      return dt;
    });
    for (const type of ['dragenter', 'dragover', 'drop'])
      await page.dispatchEvent('body', type, { dataTransfer: transfer });
    await eventually(count).toBe(`${before + 1} articles`);
    await searchBox().fill('dredging');
    await eventually(() => page.locator('.row-title').allTextContents()).toEqual([
      'Dropped notes on estuary dredging',
    ]);
  });
});
