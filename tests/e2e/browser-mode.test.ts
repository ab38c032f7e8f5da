/**
 * End to end: the real renderer, served by the real `offprint serve` over a real library, in Debian's headless
 * Chromium. Screenshots of the main states go to test-artifacts/e2e/.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, chromiumPath, launchBrowser } from '../helpers/browser';
import {
  BBC,
  REPO,
  SEED_FILE,
  exists,
  removeDir,
  tempDir,
  writeFixtures,
} from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';
import { type ServeProcess, startServe } from '../helpers/serve-process';

const chromium = chromiumPath();
const built = await exists(path.join(REPO, 'dist', 'renderer', 'index.html'));
if (!chromium)
  console.log('skipped: browser e2e — no chromium on this machine (apt-get install -y chromium)');
else if (!built) console.log('skipped: browser e2e — the renderer is not built (npm run build)');
const hasSeed = await exists(SEED_FILE);
const hasBbc = await exists(path.join(BBC, 'tech'));
if (!hasSeed || !hasBbc)
  console.log('note: browser e2e runs on its own fixtures only — ../shared is not here');

const ARTIFACTS = path.join(REPO, 'test-artifacts', 'e2e');
/** Waits for what the page shows; generous because CI's two cores also run the server and the index worker. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 50 });

describe.skipIf(!chromium || !built)('the browser mode', () => {
  let root: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    root = await tempDir();
    const inputs = path.join(root, 'inputs');
    await writeFixtures(inputs);
    const lib = path.join(root, 'lib');
    const sources = [inputs, ...(hasSeed ? [SEED_FILE] : []), ...(hasBbc ? [path.join(BBC, 'tech')] : [])];
    const imported = await runCli(['import', '--library', lib, '--json', ...sources]);
    expect(JSON.parse(imported.stdout).failed).toEqual([]);
    server = await startServe(lib);
    browser = await launchBrowser(chromium!);
    browser.context.on('request', (request) => requests.push(request.url()));
    page = await browser.context.newPage();
    await fs.mkdir(ARTIFACTS, { recursive: true });
  });

  // Each test starts from a fresh page, so one failure does not leave filters behind for the next.
  beforeEach(async () => {
    await page.goto(server.url);
    await searchBox().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (root) await removeDir(root);
  });

  const searchBox = () => page.getByLabel('Search', { exact: true });
  const position = () => page.locator('.position');
  const readerTitle = () => page.getByRole('article').locator('#article-title');
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

  async function search(query: string): Promise<void> {
    await searchBox().fill(query);
    await eventually(() => page.locator('.result-count strong').textContent()).not.toBeNull();
  }

  /** The total the API gives for the same request, to compare with what the page shows. */
  async function apiSearch(args: Record<string, unknown>) {
    const response = await page.request.post(`${server.url}api/search`, { data: args });
    return (await response.json()).value as { total: number; hits: Array<{ id: string; title: string }> };
  }

  it('searches as the user types, marks the words and says when a query was read as plain words', async () => {
    await search('quantum');
    const link = page.getByRole('link', { name: 'Quantum computer solves chemistry puzzle' });
    await eventually(() => link.count()).toBe(1);
    await eventually(() => page.locator('.result-count strong').textContent()).toBe('1 article');
    expect(await page.locator('.row-snippet mark').first().textContent()).toMatch(/quantum/i);
    await search('title:');
    await eventually(() => page.getByRole('note').textContent()).toMatch(/searched for the words/);
    await shot('search-notice');
  });

  it('filters by tag: the list and the total are those of the tag', async () => {
    await search('');
    const sport = page.getByRole('checkbox', { name: 'sport', exact: true });
    await sport.check();
    const expected = await apiSearch({ query: '', tags: ['sport'], limit: 50 });
    await eventually(() => page.locator('.result-count strong').textContent()).toBe(
      `${expected.total} article${expected.total === 1 ? '' : 's'}`,
    );
    const titles = await page.locator('.row-title').allTextContents();
    expect(titles).toEqual(expected.hits.map((h) => h.title).slice(0, titles.length));
    await shot('tag-filter');
    await sport.uncheck();
  });

  it('opens an article and walks the whole current list with buttons and keys', async () => {
    await search('');
    await page.getByRole('checkbox', { name: 'inputs', exact: true }).check();
    const list = await apiSearch({ query: '', tags: ['inputs'], limit: 50 });
    expect(list.total).toBe(5);
    await page.getByRole('link', { name: list.hits[0]!.title }).click();
    await eventually(() => readerTitle().textContent()).toBe(list.hits[0]!.title);
    await eventually(() => position().textContent()).toBe('1 of 5');
    await shot('reader');
    const next = page.getByRole('button', { name: 'Next article' });
    const previous = page.getByRole('button', { name: 'Previous article' });
    expect(await previous.isDisabled()).toBe(true);
    // Forward with the button, the arrow key and j in turn; back with k, the arrow key and the button.
    const forward = [
      () => next.click(),
      () => page.keyboard.press('ArrowRight'),
      () => page.keyboard.press('j'),
    ];
    for (let i = 1; i < 5; i++) {
      await forward[i % 3]!();
      await eventually(() => position().textContent()).toBe(`${i + 1} of 5`);
      await eventually(() => readerTitle().textContent()).toBe(list.hits[i]!.title);
    }
    expect(await next.isDisabled()).toBe(true);
    const back = [
      () => page.keyboard.press('k'),
      () => page.keyboard.press('ArrowLeft'),
      () => previous.click(),
    ];
    for (let i = 3; i >= 0; i--) {
      await back[i % 3]!();
      await eventually(() => position().textContent()).toBe(`${i + 1} of 5`);
      await eventually(() => readerTitle().textContent()).toBe(list.hits[i]!.title);
    }
    // The list keeps the open article selected and in view.
    expect(await page.locator('.row.is-open .row-title').textContent()).toBe(list.hits[0]!.title);
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'inputs', exact: true }).uncheck();
  });

  it.skipIf(!hasBbc)('walks past the first page of results in a long list', async () => {
    await search('');
    await page.getByRole('checkbox', { name: 'tech', exact: true }).check();
    const all = await apiSearch({ query: '', tags: ['tech'], limit: 100_000 });
    expect(all.total).toBeGreaterThan(210);
    // The page shows the filtered list before a row of it is opened (a row of the list before would open in
    // the list as it is when the click lands).
    await eventually(() => page.locator('.result-count strong').textContent()).toBe(`${all.total} articles`);
    await eventually(() => page.locator('.row-title').first().textContent()).toBe(all.hits[0]!.title);
    await page.getByRole('link', { name: all.hits[0]!.title }).click();
    await eventually(() => position().textContent()).toBe(`1 of ${all.total}`);
    for (let i = 1; i < 210; i++) await page.keyboard.press('ArrowRight');
    await eventually(() => position().textContent()).toBe(`210 of ${all.total}`);
    await eventually(() => readerTitle().textContent()).toBe(all.hits[209]!.title);
    await eventually(() => page.locator('.row.is-open .row-title').textContent()).toBe(all.hits[209]!.title);
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'tech', exact: true }).uncheck();
  });

  it('follows the source site’s own neighbours, and says when one is not in the library', async () => {
    await search('cranes');
    await page.getByRole('link', { name: 'Harbour cranes return to the old port after ten years' }).click();
    const neighbours = page.getByRole('navigation', { name: 'On the source site' });
    await eventually(() => neighbours.textContent()).toContain(
      'Ferry timetable changes for the winter(not in your library)'.replace('(', ' ('),
    );
    await neighbours
      .getByRole('button', { name: 'Lighthouse keepers gather for their last reunion' })
      .click();
    await eventually(() => readerTitle().textContent()).toBe(
      'Lighthouse keepers gather for their last reunion',
    );
    await page.keyboard.press('Escape');
  });

  it.skipIf(!hasSeed)('shows the seed article with its tags, date and source neighbours', async () => {
    await search('drone iraqi');
    await page
      .getByRole('link', {
        name: 'Drone attack by militants on Iraqi PM ‘marks escalation’ in power struggle',
      })
      .click();
    const article = page.getByRole('article');
    await eventually(() => article.getByRole('list', { name: 'Tags' }).textContent()).toMatch(
      /Iraq.*Iran.*Middle East and North Africa.*news/,
    );
    expect(await article.locator('time').first().getAttribute('datetime')).toBe('2021-11-07T19:14:16Z');
    expect(await article.textContent()).toContain('Officials see strike on premier’s home');
    expect(await page.locator('mark').first().textContent()).toMatch(/drone|iraqi/i);
    const neighbours = page.getByRole('navigation', { name: 'On the source site' });
    expect(await neighbours.textContent()).toContain(
      'It’s Official: Antoni Porowski Is the Sexiest Chef Alive',
    );
    expect(await neighbours.textContent()).toContain('not in your library');
    await shot('seed-article');
    await page.keyboard.press('Escape');
  });

  it('imports through the UI and shows the report; the new article is searchable', async () => {
    const file = path.join(root, 'upload', 'glaciers.txt');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(
      file,
      'Glaciers retreat faster than expected\n\nSatellite images show the glaciers lost more ice this decade.',
    );
    const picture = path.join(root, 'upload', 'photo.txt');
    await fs.writeFile(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    await page.locator('input[type=file]').setInputFiles([file, picture]);
    const panel = page.getByRole('region', { name: 'Import' });
    await eventually(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Import finished');
    const text = await panel.textContent();
    expect(text).toContain('1 imported');
    expect(text).toContain('1 failed');
    expect(text).toContain('not supported: looks like a PNG image');
    await shot('import-report');
    await search('glaciers');
    await eventually(() =>
      page.getByRole('link', { name: 'Glaciers retreat faster than expected' }).count(),
    ).toBe(1);
  });

  it('shows a hostile saved page without running its script or loading anything remote', async () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} of a harmless looking saved page, long enough for the reader-mode extraction to keep it as the body of the article, with a few more words about harbours and tides.</p>`;
    const hostile = [
      '<!doctype html><html><head><title>Harmless looking page</title>',
      '<link rel="stylesheet" href="https://evil.example/style.css"></head><body><article>',
      '<h1>Harmless looking page</h1>',
      paragraph(1),
      '<p><img src="https://tracker.example/pixel.gif" onerror="window.__pwned = 1" alt="pixel"></p>',
      paragraph(2),
      '<p><img src="missing.png" onerror="window.__pwned = 2" alt="broken"></p>',
      '<iframe src="https://evil.example/frame"></iframe>',
      '<script>window.__pwned = 3</script>',
      '<p><a href="javascript:window.__pwned = 4">a link</a> and <a href="https://example.org/ok">a web link</a></p>',
      '<svg><script>window.__pwned = 5</script></svg>',
      '<p style="background: url(https://evil.example/bg.png)">A styled paragraph.</p>',
      paragraph(3),
      paragraph(4),
      '</article></body></html>',
    ].join('\n');
    const file = path.join(root, 'hostile', 'hostile.html');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, hostile);
    const imported = await runCli(['import', '--library', path.join(root, 'lib'), '--json', file]);
    expect(JSON.parse(imported.stdout).imported).toHaveLength(1);
    await page.reload();
    await search('harmless harbours');
    await page.getByRole('link', { name: 'Harmless looking page' }).click();
    // The body is shown in the reader's sandboxed frame (reader-sandbox.test.ts tests the frame itself).
    const article = page.frameLocator('iframe.article-frame').locator('body');
    await eventually(() => article.textContent()).toContain('Paragraph 4 of a harmless looking saved page');
    await page.waitForTimeout(500); // give any handler that slipped through the time to run
    const pwned = () =>
      page.evaluate(() =>
        [window, ...Array.from(document.querySelectorAll('iframe'), (f) => f.contentWindow)].map(
          (w) => (w as unknown as { __pwned?: number } | null)?.__pwned,
        ),
      );
    expect((await pwned()).filter((value) => value !== undefined)).toEqual([]);
    expect(await article.locator('script, iframe, link, [onerror], [style]').count()).toBe(0);
    const sources = await article
      .locator('img')
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
    expect(sources.filter((src) => src && !/^(data|blob):/.test(src))).toEqual([]);
    const hrefs = await article.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.startsWith('javascript:'))).toBe(false);
    await shot('hostile-page');
  });

  it('has no serious or critical accessibility violations', async () => {
    await search('quantum');
    const results = await new AxeBuilder({ page: page as never }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await page.getByRole('link').filter({ hasText: 'Quantum computer' }).click();
    const reader = await new AxeBuilder({ page: page as never }).analyze();
    expect(
      reader.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('never sent a request anywhere but the local server', () => {
    expect(requests.length).toBeGreaterThan(10);
    const elsewhere = requests.filter((url) => !url.startsWith(server.url) && !/^(data|blob):/.test(url));
    expect(elsewhere).toEqual([]);
  });
});

describe.skipIf(!chromium || !built)('a first run on an empty library', () => {
  it('explains what Offprint is and how to import', async () => {
    const root = await tempDir();
    const server = await startServe(path.join(root, 'lib'));
    const browser = await launchBrowser(chromium!);
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      const welcome = page.getByRole('region', { name: 'Your archive, readable and searchable, offline' });
      await welcome.waitFor();
      expect(await welcome.textContent()).toMatch(/Import/);
      await fs.mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'empty-library.png') });
    } finally {
      await browser.close();
      await server.stop();
      await removeDir(root);
    }
  });
});
