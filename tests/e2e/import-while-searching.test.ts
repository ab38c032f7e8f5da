/**
 * End to end: while another process imports thousands of articles into the library, the page served by
 * `offprint serve` keeps answering searches, and the new articles become searchable batch by batch, not at
 * the end. The import runs through the real CLI; the searches are typed into the real renderer in Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chromiumPath, launchBrowser } from '../helpers/browser';
import { REPO, exists, removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { writeSyntheticCorpus } from '../helpers/synthetic-corpus';

const chromium = chromiumPath();
const built = await exists(path.join(REPO, 'dist', 'renderer', 'index.html'));
if (!chromium || !built)
  console.log('skipped: import-while-searching e2e — no chromium or no renderer build');

const ARTICLES = 4000;
const MARKER = 'zephyrine';

describe.skipIf(!chromium || !built)('searching while another process imports', () => {
  let root: string;
  let lib: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = await tempDir();
    lib = path.join(root, 'lib');
    await writeFixtures(path.join(root, 'inputs'));
    expect((await runCli(['import', '--library', lib, path.join(root, 'inputs')])).code).toBe(0);
    await writeSyntheticCorpus(path.join(root, 'big'), ARTICLES, 8, 3, MARKER);
    server = await startServe(lib);
    browser = await launchBrowser(chromium!);
    page = await browser.context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Search', { exact: true }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (root) await removeDir(root);
  });

  /** Types a query and reads the total the page then shows for it. */
  async function shownTotal(query: string): Promise<number> {
    await page.getByLabel('Search', { exact: true }).fill(query);
    // The search box is busy from the keystroke until the answer for this very query is shown.
    await page.waitForFunction(
      () =>
        document.querySelector('.search-box')?.getAttribute('aria-busy') === 'false' &&
        /\d/.test(document.querySelector('.result-count strong')?.textContent ?? ''),
      undefined,
      { timeout: 30_000, polling: 20 },
    );
    const count = page.locator('.result-count strong');
    return Number((await count.textContent())!.replace(/\D/g, ''));
  }

  it('answers every search during the import and finds the new articles as they are committed', async () => {
    expect(await shownTotal('quantum')).toBe(1);
    const importer: ChildProcess = spawn(
      process.execPath,
      [
        path.join(REPO, 'bin', 'offprint.mjs'),
        'import',
        '--library',
        lib,
        '--no-folder-tags',
        path.join(root, 'big'),
      ],
      { stdio: 'ignore' },
    );
    let running = true;
    const exited = new Promise<number>((resolve) =>
      importer.once('exit', (code) => {
        running = false;
        resolve(code ?? 1);
      }),
    );
    const during: number[] = [];
    let answered = 0;
    while (running) {
      during.push(await shownTotal(MARKER));
      // An article from before the import is found throughout.
      expect(await shownTotal('quantum')).toBe(1);
      answered += 2;
    }
    expect(await exited).toBe(0);
    // Searches kept answering while the import ran, and saw part of it: batch by batch, not all at the end.
    expect(answered).toBeGreaterThanOrEqual(4);
    expect(during.some((n) => n > 0 && n < ARTICLES)).toBe(true);
    await expect.poll(() => shownTotal(MARKER), { timeout: 60_000 }).toBe(ARTICLES);
  }, 240_000);
});
