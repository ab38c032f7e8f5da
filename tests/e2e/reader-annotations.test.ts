/**
 * The reader's reading state, highlights and notes, end to end: articles imported by the real CLI, served by the
 * real `offprint serve`, read in Debian's headless Chromium. Passages are selected the way a script can (a DOM
 * range, set as the selection of the frame's or the app's document), then highlighted through the reader's own
 * toolbar and keys; a reload shows what the library kept.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, chromiumPath, launchBrowser } from '../helpers/browser';
import { REPO, exists, removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';
import { type ServeProcess, startServe } from '../helpers/serve-process';

const chromium = chromiumPath();
const built = await exists(path.join(REPO, 'dist', 'renderer', 'index.html'));
if (!chromium) console.log('skipped: reader annotations e2e — no chromium on this machine');
else if (!built) console.log('skipped: reader annotations e2e — the renderer is not built (npm run build)');

const ARTIFACTS = path.join(REPO, 'test-artifacts', 'e2e');
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 50 });

const MILL_TITLE = 'The tide mill at the river mouth';
const PASSAGE = 'the windmill sails turned against the evening gale';
const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the mill's history: the miller kept a ledger of every sack of flour, and the villagers came by boat when the tide allowed it, a long way round the marshes.</p>`;

/** A saved page long enough to scroll, with the passage to highlight in the middle of it. */
const MILL_PAGE = [
  `<!doctype html><html><head><title>${MILL_TITLE}</title></head><body><article><h1>${MILL_TITLE}</h1>`,
  ...Array.from({ length: 14 }, (_, i) => paragraph(i + 1)),
  `<p>In the winter of 1881 <b>the windmill</b> sails turned against the evening gale while the tide mill stood still.</p>`,
  ...Array.from({ length: 24 }, (_, i) => paragraph(i + 15)),
  '</article></body></html>',
].join('\n');

const FERRY_TITLE = 'Ferry crossings resume after the storm';
const FERRY_TEXT = [
  FERRY_TITLE,
  '',
  'The first ferry left the harbour at seven, carrying a cargo of quinces and two bicycles.',
  '',
  'Passengers said the crossing was calm.',
].join('\n');

interface ArticleAnswer {
  id: string;
  user: {
    reading: { read: boolean; starred: boolean; position: number };
    note: string;
    highlights: Array<{ id: string; color: string; note: string; quote: { exact: string } }>;
  };
}

describe.skipIf(!chromium || !built)('reading state, highlights and notes in the reader', () => {
  let root: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    root = await tempDir();
    const folder = path.join(root, 'inputs', 'reading');
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'mill.html'), MILL_PAGE);
    await fs.writeFile(path.join(folder, 'ferry.txt'), FERRY_TEXT);
    const lib = path.join(root, 'lib');
    const imported = await runCli(['import', '--library', lib, '--json', folder]);
    expect(JSON.parse(imported.stdout).imported).toHaveLength(2);
    server = await startServe(lib);
    browser = await launchBrowser(chromium!);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    });
    page = await browser.context.newPage();
    await fs.mkdir(ARTIFACTS, { recursive: true });
    const all = await call<{ hits: Array<{ id: string; title: string }> }>('search', {
      query: '',
      limit: 10,
    });
    for (const hit of all.hits) ids[hit.title] = hit.id;
    expect(Object.keys(ids).sort()).toEqual([FERRY_TITLE, MILL_TITLE].sort());
  });

  beforeEach(async () => {
    await page.emulateMedia({ colorScheme: 'light' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (root) await removeDir(root);
  });

  async function call<T>(method: string, args: Record<string, unknown>): Promise<T> {
    const response = await fetch(`${server.url}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!envelope.ok) throw new Error(envelope.error?.message);
    return envelope.value;
  }

  const stored = (title: string) => call<ArticleAnswer>('getArticle', { id: ids[title]! });
  const reader = () => page.getByRole('region', { name: 'Reader' });
  const frame = (): FrameLocator => page.frameLocator('iframe.article-frame');
  const scroller = () => page.locator('.reader-scroll');
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

  /** Opens an article by its address (what a reload keeps), with no query, so nothing moves the view. */
  async function open(title: string, expectText: string): Promise<void> {
    // From another document: a change of the fragment alone is not a new load, and the address is read at load.
    await page.goto('about:blank');
    await page.goto(`${server.url}#article/${ids[title]}`);
    await eventually(() => page.locator('#article-title').textContent()).toBe(title);
    const body = title === MILL_TITLE ? frame().locator('body') : reader().locator('.article-body');
    await eventually(() => body.textContent()).toContain(expectText);
  }

  /**
   * Selects `text` in the article's body (inside the frame for a rich body) as a reader's drag would; with
   * `key`, then presses it on the focused element in the same task, before `selectionchange` is dispatched.
   */
  async function selectText(text: string, key?: string): Promise<void> {
    await page.evaluate(
      ([wanted, pressed]) => {
        const frameElement = document.querySelector('iframe.article-frame') as HTMLIFrameElement | null;
        const doc = frameElement?.contentDocument ?? document;
        const container = doc.querySelector('.article-body')!;
        const walker = doc.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        while (walker.nextNode()) nodes.push(walker.currentNode as Text);
        const whole = nodes.map((n) => n.data).join('');
        const start = whole.indexOf(wanted);
        if (start < 0) throw new Error(`"${wanted}" is not in the article`);
        const end = start + wanted.length;
        const range = doc.createRange();
        let offset = 0;
        for (const node of nodes) {
          const next = offset + node.data.length;
          if (start >= offset && start < next) range.setStart(node, start - offset);
          if (end > offset && end <= next) range.setEnd(node, end - offset);
          offset = next;
        }
        const selection = doc.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        if (pressed)
          document.activeElement?.dispatchEvent(
            new KeyboardEvent('keydown', { key: pressed, bubbles: true }),
          );
      },
      [text, key] as const,
    );
  }

  it('highlights a passage of a rich article with a note, keeps an article note, and finds both after a reload', async () => {
    await open(MILL_TITLE, 'Paragraph 38');
    // The passage crosses the bold element's end: one highlight, two marks.
    await selectText(PASSAGE);
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selected text' });
    await toolbar.waitFor();
    await shot('highlight-toolbar');
    await toolbar.getByRole('button', { name: 'Highlight in green' }).click();
    const marks = frame().locator('mark.offprint-highlight[data-color="green"]');
    await eventually(() => marks.allTextContents()).toEqual([
      'the windmill',
      ' sails turned against the evening gale',
    ]);
    await eventually(() => toolbar.count()).toBe(0);

    // Its popover: a note on the passage.
    await marks.first().click();
    const popover = page.getByRole('dialog', { name: 'Highlight' });
    await shot('highlight-popover');
    await popover.getByLabel('Note on this highlight').fill('Check the miller’s ledger for 1881');
    await popover.getByRole('button', { name: 'Save note' }).click();
    await popover.getByRole('button', { name: 'Close' }).click();
    const list = reader().getByRole('list', { name: 'Highlights' });
    await eventually(() => list.textContent()).toContain('Check the miller’s ledger for 1881');

    // The article's own note, saved as typed.
    await reader().getByLabel('Notes on this article').fill('Compare with the zeppelin sighting report');
    await eventually(() => reader().locator('.save-status').textContent()).toBe('Saved');
    await shot('highlights-panel');

    const saved = await stored(MILL_TITLE);
    expect(saved.user.note).toBe('Compare with the zeppelin sighting report');
    expect(saved.user.highlights).toMatchObject([
      { color: 'green', note: 'Check the miller’s ledger for 1881', quote: { exact: PASSAGE } },
    ]);

    await page.reload();
    await open(MILL_TITLE, 'Paragraph 38');
    await eventually(() => frame().locator('mark.offprint-highlight').allTextContents()).toEqual([
      'the windmill',
      ' sails turned against the evening gale',
    ]);
    await eventually(() => reader().getByLabel('Notes on this article').inputValue()).toBe(
      'Compare with the zeppelin sighting report',
    );
    expect(await list.textContent()).toContain('Check the miller’s ledger for 1881');
    await page.emulateMedia({ colorScheme: 'dark' });
    await frame().locator('mark.offprint-highlight').first().scrollIntoViewIfNeeded();
    await shot('highlights-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The panel's entry brings the passage into view and opens its popover.
    await scroller().evaluate((element) => (element.scrollTop = 0));
    await list.getByRole('button', { name: PASSAGE }).click();
    await eventually(() => page.getByRole('dialog', { name: 'Highlight' }).count()).toBe(1);
    expect(await scroller().evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    // The reader's controls, popover and panel pass axe (around the frame, which runs no script for it).
    const app = await new AxeBuilder({ page: page as never }).exclude('iframe.article-frame').analyze();
    const serious = app.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`);
    expect(serious).toEqual([]);
    await page.keyboard.press('Escape');
    await eventually(() => page.getByRole('dialog', { name: 'Highlight' }).count()).toBe(0);

    // Search finds the article by what was highlighted and by its note.
    for (const query of ['highlight:windmill', 'note:zeppelin']) {
      await page.getByLabel('Search', { exact: true }).fill(query);
      await eventually(() => page.locator('.row-title').allTextContents()).toEqual([MILL_TITLE]);
    }
  });

  it('stars, marks read and highlights with the keyboard in a plain-text article, kept across a reload', async () => {
    await open(FERRY_TITLE, 'Passengers said');
    const star = reader().getByRole('button', { name: 'Star' });
    const read = reader().getByRole('button', { name: 'Read', exact: true });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await eventually(() => star.getAttribute('aria-pressed')).toBe('true');

    // A short article is read once it has been open a few seconds (it all fits on screen).
    await eventually(() => read.getAttribute('aria-pressed')).toBe('true');
    await scroller().focus();
    await page.keyboard.press('m');
    await eventually(() => read.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('s');
    await eventually(() => star.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('s');
    await eventually(() => star.getAttribute('aria-pressed')).toBe('true');

    await selectText('a cargo of quinces');
    await scroller().focus();
    await page.keyboard.press('h');
    const mark = reader().locator('.article-body mark.offprint-highlight');
    await eventually(() => mark.allTextContents()).toEqual(['a cargo of quinces']);
    expect(await mark.getAttribute('data-color')).toBe('yellow');
    // A key that comes before the page has heard of the selection still highlights what is selected.
    await scroller().focus();
    await selectText('two bicycles', 'h');
    await eventually(() => mark.allTextContents()).toEqual(['a cargo of quinces', 'two bicycles']);

    await eventually(async () => (await stored(FERRY_TITLE)).user.reading).toMatchObject({
      read: false,
      starred: true,
    });
    await page.reload();
    await eventually(() =>
      reader().locator('.article-body mark.offprint-highlight').allTextContents(),
    ).toEqual(['a cargo of quinces', 'two bicycles']);
    expect(await reader().getByRole('button', { name: 'Star' }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('m');
    await eventually(async () => (await stored(FERRY_TITLE)).user.reading.read).toBe(true);
  });

  it('restores the reading position when the article is opened again, and marks it read at its end', async () => {
    await open(MILL_TITLE, 'Paragraph 38');
    const read = reader().getByRole('button', { name: 'Read', exact: true });
    // Writing its note in the first test brought its end into view: mark it unread by hand (when that ran).
    if ((await stored(MILL_TITLE)).user.reading.read) await read.click();
    await eventually(() => read.getAttribute('aria-pressed')).toBe('false');
    const half = await scroller().evaluate((element) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
      return element.scrollTop / (element.scrollHeight - element.clientHeight);
    });
    await eventually(async () => (await stored(MILL_TITLE)).user.reading.position).toBeCloseTo(half, 2);

    await page.goto(server.url);
    await page.reload();
    await open(MILL_TITLE, 'Paragraph 38');
    await eventually(() =>
      scroller().evaluate((element) => element.scrollTop / (element.scrollHeight - element.clientHeight)),
    ).toBeCloseTo(half, 1);
    expect(await read.getAttribute('aria-pressed')).toBe('false');

    await scroller().evaluate((element) => (element.scrollTop = element.scrollHeight));
    await eventually(() => read.getAttribute('aria-pressed')).toBe('true');
    await eventually(async () => (await stored(MILL_TITLE)).user.reading.read).toBe(true);
  });

  it('copies a quote with the article’s citation, or says clearly why it could not', async () => {
    await open(FERRY_TITLE, 'Passengers said');
    await selectText('The first ferry left the harbour at seven');
    await page
      .getByRole('toolbar', { name: 'Highlight the selected text' })
      .getByRole('button', { name: 'Copy with citation' })
      .click();
    const citation = await call<{ text: string }>('cite', { ids: [ids[FERRY_TITLE]], format: 'apa' }).catch(
      (error: Error) => error,
    );
    if (citation instanceof Error) {
      await eventually(() => reader().getByRole('alert').textContent()).toBe(
        `Could not copy with citation: ${citation.message}`,
      );
    } else {
      await eventually(() => reader().getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(`“The first ferry left the harbour at seven”\n\n${citation.text.trim()}\n`);
    }
  });

  it('lists a highlight whose text is not in the article, with a notice, and draws it nowhere', async () => {
    // As if the article had been re-imported with other text since: the quote is nowhere in it.
    const quote = { type: 'TextQuoteSelector', exact: 'a passage that is not there', prefix: '', suffix: '' };
    await call('addHighlight', {
      id: ids[FERRY_TITLE],
      color: 'blue',
      quote,
      position: { type: 'TextPositionSelector', start: 3, end: 30 },
      note: '',
    });
    await open(FERRY_TITLE, 'Passengers said');
    const list = reader().getByRole('list', { name: 'Highlights' });
    await eventually(() => list.textContent()).toContain('a passage that is not there');
    await eventually(() => reader().getByRole('note').textContent()).toMatch(
      /not in the article as it is shown/,
    );
    expect(await reader().locator('mark.offprint-highlight[data-color="blue"]').count()).toBe(0);
    await list
      .getByRole('listitem')
      .filter({ hasText: 'not there' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await eventually(async () =>
      (await stored(FERRY_TITLE)).user.highlights.map((h) => h.quote.exact),
    ).not.toContain('a passage that is not there');
  });
});
