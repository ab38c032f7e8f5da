/**
 * End to end, the list and the sidebar of the researcher's workflow (issue 10): multi-select with the mouse and
 * the keyboard and tag the selection, rename and merge tags, hierarchical tags, none-of, reading and starred
 * filters, saved searches, and a backup downloaded from one served library restored into another by upload.
 * The real renderer, served by the real `offprint serve`, in Debian's headless Chromium.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, chromiumPath, launchBrowser } from '../helpers/browser';
import { REPO, exists, removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';
import { type ServeProcess, startServe } from '../helpers/serve-process';

const chromium = chromiumPath();
const built = await exists(path.join(REPO, 'dist', 'renderer', 'index.html'));
if (!chromium)
  console.log('skipped: list workflow e2e — no chromium on this machine (apt-get install -y chromium)');
else if (!built) console.log('skipped: list workflow e2e — the renderer is not built (npm run build)');

const ARTIFACTS = path.join(REPO, 'test-artifacts', 'e2e');
/** Waits for what the page shows; generous because CI's two cores also run the server and the index worker. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 50 });

const TITLES = {
  quantum: 'Quantum computer solves chemistry puzzle',
  football: 'Late goal wins the cup final',
  budget: 'Budget raises spending on rail lines',
  cranes: 'Harbour cranes return to the old port after ten years',
  lighthouse: 'Lighthouse keepers gather for their last reunion',
};

interface Hit {
  id: string;
  title: string;
  tags: string[];
  read: boolean;
  starred: boolean;
}

/** The page's helpers, for a page on a served library. */
function driver(page: Page, server: () => ServeProcess) {
  const api = async (method: string, args: Record<string, unknown>) => {
    const response = await page.request.post(`${server().url}api/${method}`, { data: args });
    const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  const self = {
    api,
    apiSearch: async (args: Record<string, unknown>) =>
      (await api('search', { query: '', limit: 1000, ...args })) as { total: number; hits: Hit[] },
    searchBox: () => page.getByLabel('Search', { exact: true }),
    count: () => page.locator('.result-count strong').textContent(),
    /** Titles of the rows on screen (the fixture library fits on one screen). */
    titles: async () => (await page.locator('.row-title').allTextContents()).sort(),
    markedTitles: async () => (await page.locator('.row.is-marked .row-title').allTextContents()).sort(),
    row: (title: string) => page.getByRole('link', { name: title, exact: true }),
    toolbar: () => page.getByRole('toolbar', { name: /^Act on/ }),
    dialog: () => page.getByRole('dialog'),
    tagBox: (tag: string) => page.getByRole('checkbox', { name: tag, exact: true }),
    tagCount: (tag: string) =>
      page
        .locator('.tag-row', { has: page.getByRole('checkbox', { name: tag, exact: true }) })
        .locator('.tag-count')
        .textContent(),
    /** Adds tags to what the toolbar acts on, through its dialog, and waits for the dialog to close. */
    async addTags(text: string) {
      await self.toolbar().getByRole('button', { name: 'Add tag…' }).click();
      await self.dialog().getByLabel('Tags', { exact: true }).fill(text);
      await page.keyboard.press('Enter');
      await eventually(() => self.dialog().count()).toBe(0);
    },
    async shows(titles: string[]) {
      await eventually(() => self.count()).toBe(`${titles.length} article${titles.length === 1 ? '' : 's'}`);
      await eventually(() => self.titles()).toEqual([...titles].sort());
    },
  };
  return self;
}

describe.skipIf(!chromium || !built)('the list and sidebar of the researcher’s workflow', () => {
  let root: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;
  let ui: ReturnType<typeof driver>;

  beforeAll(async () => {
    root = await tempDir();
    await writeFixtures(path.join(root, 'inputs'));
    const imported = await runCli([
      'import',
      '--library',
      path.join(root, 'lib'),
      '--json',
      path.join(root, 'inputs'),
    ]);
    expect(JSON.parse(imported.stdout).imported).toHaveLength(5);
    server = await startServe(path.join(root, 'lib'));
    browser = await launchBrowser(chromium!);
    page = await browser.context.newPage();
    ui = driver(page, () => server);
    await fs.mkdir(ARTIFACTS, { recursive: true });
  });

  beforeEach(async () => {
    await page.goto(server.url);
    await ui.searchBox().waitFor();
    await eventually(() => ui.count()).toBe('5 articles');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (root) await removeDir(root);
  });

  it('selects three articles with Ctrl/Cmd+click and Shift+click, tags them, and the facet filters exactly those', async () => {
    const all = await ui.titles();
    await ui.row(TITLES.quantum).click({ modifiers: ['ControlOrMeta'] });
    await ui.row(TITLES.budget).click({ modifiers: ['ControlOrMeta'] });
    await ui.row(TITLES.football).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => ui.markedTitles()).toEqual(
      [TITLES.quantum, TITLES.budget, TITLES.football].sort(),
    );
    await eventually(() => ui.toolbar().getByRole('status').textContent()).toBe('3 articles selected');
    await ui.addTags('picked');
    await eventually(() => ui.tagCount('picked')).toBe('3 articles');
    // The selection stays after the edit, so the next action acts on the same articles.
    expect(await ui.markedTitles()).toEqual([TITLES.quantum, TITLES.budget, TITLES.football].sort());
    await page.screenshot({ path: path.join(ARTIFACTS, 'list-multi-select.png') });
    await ui.tagBox('picked').check();
    await ui.shows([TITLES.quantum, TITLES.budget, TITLES.football]);
    await ui.tagBox('picked').uncheck();

    // Shift+click spans from the row last clicked; a plain click opens one article and clears the selection.
    await ui.shows(all);
    const rows = page.locator('.row-title');
    await rows.nth(0).click({ modifiers: ['ControlOrMeta'] });
    await rows.nth(2).click({ modifiers: ['Shift'] });
    await eventually(() => page.locator('.row.is-marked').count()).toBe(3);
    await rows.nth(4).click();
    await eventually(() => page.locator('.row.is-marked').count()).toBe(0);
  });

  it('selects with Shift+↓, Ctrl/Cmd+A and Esc from the keyboard, and tags the selection', async () => {
    await ui.searchBox().focus();
    await page.keyboard.press('ArrowDown'); // into the list, on its first row
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await eventually(() => page.locator('.row.is-marked').count()).toBe(3);
    const picked = await ui.markedTitles();
    const firstThree = (await page.locator('.row-title').allTextContents()).slice(0, 3).sort();
    expect(picked).toEqual(firstThree);
    await ui.addTags('keyed, second-tag');
    await eventually(() => ui.tagCount('keyed')).toBe('3 articles');
    await eventually(() => ui.tagCount('second-tag')).toBe('3 articles');
    await ui.tagBox('keyed').check();
    await ui.shows(picked);
    await ui.tagBox('keyed').uncheck();
    await ui.shows(Object.values(TITLES));

    // Ctrl/Cmd+A selects every loaded row, Esc clears, and Esc again still goes back from the reader.
    await ui.row(TITLES.lighthouse).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await eventually(() => ui.toolbar().getByRole('status').textContent()).toBe('5 articles selected');
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('.row.is-marked').count()).toBe(0);
    // Space adds the focused row to the selection, and takes it out again.
    await page.keyboard.press('Space');
    await eventually(() => ui.markedTitles()).toEqual([TITLES.lighthouse]);
    await page.keyboard.press('Space');
    await eventually(() => page.locator('.row.is-marked').count()).toBe(0);
    await ui.searchBox().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.row.is-open').count()).toBe(1);
    await page.keyboard.press('/');
    await eventually(() => ui.searchBox().evaluate((box) => box === document.activeElement)).toBe(true);
  });

  it('removes a tag from the selected articles, offering the tags they carry', async () => {
    await ui.row(TITLES.quantum).click({ modifiers: ['ControlOrMeta'] });
    await ui.row(TITLES.football).click({ modifiers: ['ControlOrMeta'] });
    await ui.addTags('short-lived');
    await eventually(() => ui.tagCount('short-lived')).toBe('2 articles');
    await ui.toolbar().getByRole('button', { name: 'Remove tag…' }).click();
    const carried = ui.dialog().getByRole('group', { name: 'Tags they carry' });
    await carried.getByRole('checkbox', { name: 'short-lived' }).check();
    await ui.dialog().getByRole('button', { name: 'Remove', exact: true }).click();
    await eventually(() => ui.dialog().count()).toBe(0);
    await eventually(() => ui.tagBox('short-lived').count()).toBe(0);
    expect((await ui.apiSearch({ tags: ['short-lived'] })).total).toBe(0);
    expect((await ui.apiSearch({ tags: ['inputs'] })).total).toBe(5);
  });

  it('renames a tag, and merges it into another: the facets and the list follow', async () => {
    await ui.row(TITLES.cranes).click({ modifiers: ['ControlOrMeta'] });
    await ui.row(TITLES.lighthouse).click({ modifiers: ['ControlOrMeta'] });
    await ui.addTags('harbour-things');
    await eventually(() => ui.tagCount('harbour-things')).toBe('2 articles');
    await ui.tagBox('harbour-things').check();
    await ui.shows([TITLES.cranes, TITLES.lighthouse]);

    await page.getByRole('button', { name: 'Rename harbour-things' }).click();
    await ui.dialog().getByRole('textbox', { name: 'New name' }).fill('Maritime');
    await ui.dialog().getByRole('button', { name: 'Rename', exact: true }).click();
    await eventually(() => ui.dialog().count()).toBe(0);
    // The filter follows the rename, so the list is still the same two, now under the new name.
    await eventually(() => ui.tagBox('Maritime').isChecked()).toBe(true);
    await ui.shows([TITLES.cranes, TITLES.lighthouse]);
    await eventually(() => ui.tagBox('harbour-things').count()).toBe(0);
    await eventually(() => page.locator('.row .chip', { hasText: 'Maritime' }).count()).toBeGreaterThan(0);
    await ui.tagBox('Maritime').uncheck();

    // Onto an existing tag (another case of it, even): the two become one facet counting both.
    await ui.row(TITLES.quantum).click({ modifiers: ['ControlOrMeta'] });
    await ui.addTags('ocean');
    await eventually(() => ui.tagCount('ocean')).toBe('1 article');
    await page.getByRole('button', { name: 'Rename ocean' }).click();
    await ui.dialog().getByRole('textbox', { name: 'New name' }).fill('maritime');
    await ui.dialog().getByRole('button', { name: 'Merge', exact: true }).click();
    await eventually(() => ui.dialog().count()).toBe(0);
    await eventually(() => page.getByRole('checkbox', { name: /^maritime$/i }).count()).toBe(1);
    await eventually(() =>
      page
        .locator('.tag-row', { has: page.getByRole('checkbox', { name: /^maritime$/i }) })
        .locator('.tag-count')
        .textContent(),
    ).toBe('3 articles');
    await eventually(() => ui.tagBox('ocean').count()).toBe(0);
    const merged = await ui.apiSearch({ tags: ['maritime'] });
    expect(merged.hits.map((hit) => hit.title).sort()).toEqual(
      [TITLES.cranes, TITLES.lighthouse, TITLES.quantum].sort(),
    );
  });

  it('nests hierarchical tags; a parent filters its children in, and none-of leaves tags out', async () => {
    // With nothing selected, the toolbar acts on the open article.
    await ui.row(TITLES.budget).click();
    await eventually(() => ui.toolbar().getByRole('status').textContent()).toBe('Open article');
    await ui.addTags('region/europe');
    await ui.row(TITLES.cranes).click();
    await eventually(() => page.locator('.row.is-open .row-title').textContent()).toBe(TITLES.cranes);
    await ui.addTags('region/asia');
    await eventually(() => ui.tagCount('region')).toBe('2 articles');
    // Children are shown under their parent once it is expanded.
    expect(await ui.tagBox('region/europe').count()).toBe(0);
    await page.getByRole('button', { name: 'Expand region' }).click();
    await eventually(() => ui.tagCount('region/europe')).toBe('1 article');
    await eventually(() => ui.tagCount('region/asia')).toBe('1 article');
    await page.screenshot({ path: path.join(ARTIFACTS, 'list-tag-tree.png') });
    const axe = await new AxeBuilder({ page: page as never }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await ui.tagBox('region').check();
    await ui.shows([TITLES.budget, TITLES.cranes]);
    await ui.tagBox('region').uncheck();
    await ui.tagBox('region/europe').check();
    await ui.shows([TITLES.budget]);
    await ui.tagBox('region/europe').uncheck();

    // None-of: excluding the parent leaves out both children's articles; excluding sport leaves out one more.
    await page.getByRole('button', { name: 'Exclude region', exact: true }).click();
    await ui.shows([TITLES.quantum, TITLES.football, TITLES.lighthouse]);
    await page.getByRole('button', { name: 'Exclude sport', exact: true }).click();
    await ui.shows([TITLES.quantum, TITLES.lighthouse]);
    expect(
      await page.getByRole('button', { name: 'Exclude sport', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    const api = await ui.apiSearch({ notTags: ['region', 'sport'] });
    expect(api.hits.map((hit) => hit.title).sort()).toEqual([TITLES.quantum, TITLES.lighthouse].sort());
    // Alt+click on a checkbox excludes too, and Clear tags undoes all.
    await ui.tagBox('science').click({ modifiers: ['Alt'] });
    await ui.shows([TITLES.lighthouse]);
    await page.getByRole('button', { name: 'Clear tags' }).click();
    await ui.shows(Object.values(TITLES));
  });

  it('marks articles read and starred from the toolbar, and filters by Unread, Read and Starred', async () => {
    await ui.row(TITLES.quantum).click({ modifiers: ['ControlOrMeta'] });
    await ui.row(TITLES.football).click({ modifiers: ['ControlOrMeta'] });
    await ui.toolbar().getByRole('button', { name: 'Mark read', exact: true }).click();
    await eventually(async () =>
      (await ui.apiSearch({ readState: 'read' })).hits.map((h) => h.title).sort(),
    ).toEqual(expect.arrayContaining([TITLES.quantum, TITLES.football]));
    await ui.toolbar().getByRole('button', { name: 'Star', exact: true }).click();
    await eventually(async () => (await ui.apiSearch({ starred: true })).total).toBe(2);
    // Read rows lose their unread mark; starred rows show a star.
    await eventually(() => page.locator('.row:not(.is-unread) .row-title').allTextContents()).toEqual(
      expect.arrayContaining([TITLES.quantum, TITLES.football]),
    );
    await eventually(() => page.locator('.row', { has: page.locator('.row-star') }).count()).toBe(2);
    await ui.toolbar().getByRole('button', { name: 'Clear', exact: true }).click();

    await page.getByRole('radio', { name: 'Unread', exact: true }).check();
    const unread = await ui.apiSearch({ readState: 'unread' });
    await ui.shows(unread.hits.map((hit) => hit.title));
    expect(await ui.titles()).not.toContain(TITLES.quantum);
    await page.getByRole('radio', { name: 'Read', exact: true }).check();
    const read = await ui.apiSearch({ readState: 'read' });
    await ui.shows(read.hits.map((hit) => hit.title));
    expect(await ui.titles()).toEqual(expect.arrayContaining([TITLES.quantum, TITLES.football]));
    await page.getByRole('radio', { name: 'All', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Starred only' }).check();
    await ui.shows([TITLES.quantum, TITLES.football]);

    // Unstar one and mark it unread again: the starred list follows.
    await ui.row(TITLES.football).click({ modifiers: ['ControlOrMeta'] });
    await ui.toolbar().getByRole('button', { name: 'Unstar', exact: true }).click();
    await ui.shows([TITLES.quantum]);
    await page.getByRole('checkbox', { name: 'Starred only' }).uncheck();
  });

  it('cites the selection in a chosen format and copies it, and exports it as a download', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await ui.row(TITLES.quantum).click({ modifiers: ['ControlOrMeta'] });
    await ui.row(TITLES.budget).click({ modifiers: ['ControlOrMeta'] });
    await ui.toolbar().getByRole('button', { name: 'Cite…' }).click();
    await ui.dialog().getByRole('combobox', { name: 'Format' }).selectOption('bibtex');
    const text = ui.dialog().getByRole('textbox', { name: 'Citation' });
    await eventually(() => text.inputValue()).toContain('@');
    const bibtex = await text.inputValue();
    expect(bibtex).toContain(TITLES.quantum);
    expect(bibtex).toContain(TITLES.budget);
    await ui.dialog().getByRole('button', { name: 'Copy', exact: true }).click();
    await eventually(() => ui.dialog().getByRole('status').textContent()).toBe('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
    await ui.dialog().getByRole('button', { name: 'Cancel', exact: true }).click();

    await ui.toolbar().getByRole('button', { name: 'Export…' }).click();
    const axe = await new AxeBuilder({ page: page as never }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await ui.dialog().getByRole('radio', { name: /^JSON/ }).check();
    const downloading = page.waitForEvent('download');
    await ui.dialog().getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = path.join(root, download.suggestedFilename());
    await download.saveAs(file);
    const exported = await fs.readFile(file, 'utf8');
    expect(exported).toContain(TITLES.quantum);
    expect(exported).toContain(TITLES.budget);
    expect(exported).not.toContain(TITLES.football);
    await eventually(() => ui.dialog().count()).toBe(0);
  });

  it('shows highlights and notes on the rows, and the note passage a query matched', async () => {
    const [quantum] = (await ui.apiSearch({ query: 'quantum' })).hits;
    expect(quantum!.title).toBe(TITLES.quantum);
    await ui.api('addHighlight', {
      id: quantum!.id,
      color: 'yellow',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'quantum processor',
        prefix: 'used a ',
        suffix: ' to simulate',
      },
      position: { type: 'TextPositionSelector', start: 0, end: 17 },
      note: '',
    });
    await ui.api('setNote', { id: quantum!.id, note: 'Compare with the benchmark from last spring.' });
    await ui.searchBox().fill('benchmark');
    await ui.shows([TITLES.quantum]);
    const row = page.locator('.row', { has: ui.row(TITLES.quantum) });
    await eventually(() => row.locator('.row-annotation-snippet mark').textContent()).toBe('benchmark');
    expect(await row.locator('.row-meta').textContent()).toContain('1 highlight');
    expect(await row.locator('.row-meta').textContent()).toContain('has a note');
  });

  it('saves a search, applies it after a reload, renames it and deletes it', async () => {
    await ui.searchBox().fill('cup rail');
    await ui.tagBox('inputs').check();
    await ui.shows([TITLES.football, TITLES.budget]);
    await page.getByRole('button', { name: 'Save search…' }).click();
    await ui.dialog().getByRole('textbox', { name: 'Name' }).fill('Cups and rails');
    await ui.dialog().getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.getByRole('list', { name: 'Saved searches' });
    await eventually(() => saved.getByRole('button', { name: 'Cups and rails', exact: true }).count()).toBe(
      1,
    );

    await page.reload();
    await eventually(() => ui.count()).toBe('5 articles');
    await saved.getByRole('button', { name: 'Cups and rails', exact: true }).click();
    await eventually(() => ui.searchBox().inputValue()).toBe('cup rail');
    expect(await ui.tagBox('inputs').isChecked()).toBe(true);
    await ui.shows([TITLES.football, TITLES.budget]);

    await saved.getByRole('button', { name: 'Rename saved search Cups and rails' }).click();
    await ui.dialog().getByRole('textbox', { name: 'Name' }).fill('Transport and sport');
    await ui.dialog().getByRole('button', { name: 'Rename', exact: true }).click();
    await eventually(() =>
      saved.getByRole('button', { name: 'Transport and sport', exact: true }).count(),
    ).toBe(1);
    await page.reload();
    await eventually(() =>
      saved.getByRole('button', { name: 'Transport and sport', exact: true }).count(),
    ).toBe(1);
    expect(await saved.getByRole('button', { name: 'Cups and rails', exact: true }).count()).toBe(0);

    await saved.getByRole('button', { name: 'Delete saved search Transport and sport' }).click();
    await ui.dialog().getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually(() =>
      page.getByRole('button', { name: 'Transport and sport', exact: true }).count(),
    ).toBe(0);
    await page.reload();
    await eventually(() => ui.count()).toBe('5 articles');
    expect(await page.getByRole('button', { name: 'Transport and sport', exact: true }).count()).toBe(0);
  });
});

describe.skipIf(!chromium || !built)('backing up in the browser and restoring into a new library', () => {
  it('downloads GET /backup, uploads it into an empty library, and finds the same articles, tags and states', async () => {
    const root = await tempDir();
    const servers: ServeProcess[] = [];
    const browser = await launchBrowser(chromium!);
    try {
      await writeFixtures(path.join(root, 'inputs'));
      await runCli(['import', '--library', path.join(root, 'lib'), '--json', path.join(root, 'inputs')]);
      const first = await startServe(path.join(root, 'lib'));
      servers.push(first);
      const page = await browser.context.newPage();
      const one = driver(page, () => first);
      await page.goto(first.url);
      await eventually(() => one.count()).toBe('5 articles');
      const ids = (await one.apiSearch({})).hits;
      const byTitle = (title: string) => ids.find((hit) => hit.title === title)!.id;
      await one.api('editTags', {
        ids: [byTitle(TITLES.quantum), byTitle(TITLES.budget)],
        add: ['topic/kept'],
      });
      await one.api('setReading', { ids: [byTitle(TITLES.quantum)], read: true, starred: true });
      await one.api('setReading', { ids: [byTitle(TITLES.cranes)], starred: true });
      const before = await one.apiSearch({});

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Back up library' }).click();
      const download = await downloading;
      const zip = path.join(root, 'backup.zip');
      await download.saveAs(zip);
      expect((await fs.readFile(zip)).subarray(0, 2).toString('latin1')).toBe('PK');

      const second = await startServe(path.join(root, 'restored'));
      servers.push(second);
      const two = driver(page, () => second);
      await page.goto(second.url);
      await page.getByRole('region', { name: 'Your archive, readable and searchable, offline' }).waitFor();
      await page.locator('input[type=file]').setInputFiles(zip);
      const panel = page.getByRole('region', { name: 'Import' });
      await eventually(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Import finished');
      await two.shows(Object.values(TITLES));
      await eventually(() => page.locator('.row', { has: page.locator('.row-star') }).count()).toBe(2);
      const after = await two.apiSearch({});
      const summary = (hits: Hit[]) =>
        hits
          .map(({ id, title, tags, read, starred }) => ({ id, title, tags: [...tags].sort(), read, starred }))
          .sort((a, b) => a.title.localeCompare(b.title));
      expect(summary(after.hits)).toEqual(summary(before.hits));
      await two.tagBox('topic').check();
      await two.shows([TITLES.quantum, TITLES.budget]);
    } finally {
      await browser.close();
      for (const server of servers) await server.stop();
      await removeDir(root);
    }
  });

  it('sends the access token with GET /backup, as API calls do', async () => {
    const root = await tempDir();
    const token = 'list-workflow-test-token-0123456789';
    const browser = await launchBrowser(chromium!);
    let server: ServeProcess | null = null;
    try {
      await writeFixtures(path.join(root, 'inputs'));
      await runCli(['import', '--library', path.join(root, 'lib'), '--json', path.join(root, 'inputs')]);
      server = await startServe(path.join(root, 'lib'), ['--token', token]);
      const origin = new URL(server.url).origin;
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await eventually(() => page.locator('.result-count strong').textContent()).toBe('5 articles');
      // The page keeps the token for its own calls; without the cookie the server set, only that is left.
      await browser.context.clearCookies();
      expect((await page.request.get(`${origin}/backup`)).status()).toBe(403);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Back up library' }).click();
      const zip = path.join(root, 'backup.zip');
      await (await downloading).saveAs(zip);
      expect((await fs.readFile(zip)).subarray(0, 2).toString('latin1')).toBe('PK');
    } finally {
      await browser.close();
      await server?.stop();
      await removeDir(root);
    }
  });
});
