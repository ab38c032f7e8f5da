/**
 * The reader's sandbox, end to end: hostile saved pages imported by the real CLI into a real library, served by
 * the real `offprint serve`, read in Debian's headless Chromium. The pages try to run script (a canary global),
 * reach the network (a local canary server counts every request) and escape through links; the reader must show
 * them in its sandboxed frame with the app's highlights, keys, type and theme still working.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, chromiumPath, launchBrowser } from '../helpers/browser';
import { REPO, exists, removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';
import { type ServeProcess, startServe } from '../helpers/serve-process';

const chromium = chromiumPath();
const built = await exists(path.join(REPO, 'dist', 'renderer', 'index.html'));
if (!chromium) console.log('skipped: reader sandbox e2e — no chromium on this machine');
else if (!built) console.log('skipped: reader sandbox e2e — the renderer is not built (npm run build)');

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 50 });

/** Counts every request a page makes to it; `/link-target` is the one place a click may lead. */
interface Canary {
  origin: string;
  hits: Array<{ url: string; referer: string | undefined }>;
  close(): Promise<void>;
}

async function startCanary(): Promise<Canary> {
  const hits: Canary['hits'] = [];
  const server = http.createServer((request, response) => {
    hits.push({ url: request.url ?? '', referer: request.headers.referer });
    response.setHeader('Content-Type', 'text/html');
    response.end('<!doctype html><title>outside</title><p>outside the app</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const CANARY_SET = (n: number) =>
  `window.__canary = ${n}; try { parent.__canary = ${n}; top.__canary = ${n}; } catch {}`;

const paragraph = (topic: string, n: number) =>
  `<p>Paragraph ${n} about ${topic}: a harmless looking saved page, long enough for the reader-mode extraction to keep it as the body of the article, with a few more words about harbours and tides.</p>`;

/** A saved page that tries everything a page can try; `remote` is the canary server's origin. */
function hostilePage(title: string, topic: string, remote: string): string {
  return [
    `<!doctype html><html><head><title>${title}</title>`,
    `<meta http-equiv="refresh" content="0; url=${remote}/canary/refresh">`,
    `<base href="${remote}/canary/base/">`,
    `<link rel="stylesheet" href="${remote}/canary/style.css">`,
    `<style>@import url("${remote}/canary/import.css"); p { background: url("${remote}/canary/bg.png") }</style>`,
    `<script>${CANARY_SET(1)}</script></head><body onload="${CANARY_SET(2)}"><article>`,
    `<h1>${title}</h1>`,
    paragraph(topic, 1),
    `<p><img src="${remote}/canary/pixel.gif" onerror="${CANARY_SET(3)}" alt="pixel">`,
    `<img src="x" srcset="${remote}/canary/srcset.png 2x" alt="srcset" onload="${CANARY_SET(4)}"></p>`,
    paragraph(topic, 2),
    `<p><a href="javascript:${CANARY_SET(5)}" id="js-link">a script link</a>,`,
    ` <a href="mailto:someone@example.org" id="mail-link">a mail link</a> and`,
    ` <a href="${remote}/link-target" id="web-link">a web link</a>.</p>`,
    `<iframe srcdoc="<script>${CANARY_SET(6)}</script>"></iframe>`,
    `<svg><script>${CANARY_SET(7)}</script><a href="javascript:${CANARY_SET(8)}"><text>svg</text></a></svg>`,
    `<math><mtext><style><img src=x onerror="${CANARY_SET(9)}"></style></mtext></math>`,
    `<object data="${remote}/canary/object"></object><embed src="${remote}/canary/embed">`,
    `<form action="${remote}/canary/form"><input name="q" autofocus onfocus="${CANARY_SET(10)}"></form>`,
    `<p style="background: url(${remote}/canary/inline.png)" onmouseover="${CANARY_SET(11)}">A styled paragraph.</p>`,
    `<p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==" alt="a local pixel"></p>`,
    paragraph(topic, 3),
    // Long enough to scroll in the reader.
    ...Array.from({ length: 12 }, (_, i) => paragraph(topic, 5 + i)),
    paragraph(topic, 4),
    '</article></body></html>',
  ].join('\n');
}

/** A 2×3 PNG, so a test can tell it from any other image by its size. */
const PNG_2x3 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEElEQVR4nGP4z8AARAwoFABE0AX7pM/egAAAAABJRU5ErkJggg==';

describe.skipIf(!chromium || !built)('the reader’s sandboxed frame', () => {
  let root: string;
  let canary: Canary;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = await tempDir();
    canary = await startCanary();
    const folder = path.join(root, 'inputs', 'hostile');
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(
      path.join(folder, 'a.html'),
      hostilePage('Harmless looking page', 'harbours', canary.origin),
    );
    await fs.writeFile(
      path.join(folder, 'b.html'),
      hostilePage('Another harmless page', 'lighthouses', canary.origin),
    );
    // A "complete page" save whose image the reader gets through the API, as bytes.
    const saved = path.join(root, 'inputs', 'pictures');
    await fs.mkdir(path.join(saved, 'photo_files'), { recursive: true });
    await fs.writeFile(path.join(saved, 'photo_files', 'dot.png'), Buffer.from(PNG_2x3, 'base64'));
    await fs.writeFile(
      path.join(saved, 'photo.html'),
      [
        '<!doctype html><html><head><title>A saved picture</title></head><body><article><h1>A saved picture</h1>',
        paragraph('pictures', 1),
        paragraph('pictures', 2),
        '<figure><img src="photo_files/dot.png" alt="a saved dot"></figure>',
        paragraph('pictures', 3),
        paragraph('pictures', 4),
        '</article></body></html>',
      ].join('\n'),
    );
    const lib = path.join(root, 'lib');
    const imported = await runCli(['import', '--library', lib, '--json', folder, saved]);
    expect(JSON.parse(imported.stdout).imported).toHaveLength(3);
    server = await startServe(lib);
    browser = await launchBrowser(chromium!);
    page = await browser.context.newPage();
  });

  beforeEach(async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.url);
    await searchBox().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await canary?.close();
    if (root) await removeDir(root);
  });

  const searchBox = () => page.getByLabel('Search', { exact: true });
  const position = () => page.locator('.position');
  const frameElement = () => page.locator('iframe.article-frame');
  const frame = (): FrameLocator => page.frameLocator('iframe.article-frame');

  /** Opens one of the two hostile pages from the list of both, found by `query`. */
  async function open(title: string, query = ''): Promise<void> {
    await searchBox().fill(query);
    await page.getByRole('checkbox', { name: 'hostile', exact: true }).check();
    await page.getByRole('link', { name: title }).click();
    await eventually(() => frame().locator('body').textContent()).toContain('Paragraph 4 about');
  }

  /** The canary as every frame sees it: read through the app, which may reach into its same-origin frame. */
  async function canaries(): Promise<unknown[]> {
    const seen: unknown[] = [];
    for (const each of page.frames()) {
      seen.push(await readCanary(each));
    }
    seen.push(
      await page.evaluate(() =>
        Array.from(document.querySelectorAll('iframe')).map(
          (f) => (f.contentWindow as unknown as { __canary?: number } | null)?.__canary,
        ),
      ),
    );
    return seen.flat();
  }

  async function readCanary(each: Frame): Promise<unknown> {
    try {
      return await each.evaluate(() => (window as unknown as { __canary?: number }).__canary);
    } catch {
      return undefined; // a frame that cannot run script at all (the sandbox) cannot have set it either
    }
  }

  it('shows the page in a sandboxed frame without scripts, under its own policy, nothing of it in the app', async () => {
    await open('Harmless looking page');
    expect(await frameElement().getAttribute('sandbox')).toBe('allow-same-origin');
    const policy = await frame()
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toMatch(/^default-src 'none'/);
    expect(policy).toContain('img-src data:');
    // The app's own document holds only the header and footer it wrote itself.
    expect(await page.locator('#reader-pane').textContent()).not.toContain('Paragraph 2 about');
    const body = frame().locator('body');
    expect(
      await body
        .locator('script, iframe, object, embed, form, input, style:not(head style), svg, math')
        .count(),
    ).toBe(0);
    expect(await body.locator('[onerror], [onload], [onmouseover], [style], [srcset]').count()).toBe(0);
    // The local image shows; nothing remote was ever given a source.
    const pixel = body.getByRole('img', { name: 'a local pixel' });
    await eventually(() => pixel.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    const sources = await body.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
    expect(sources.filter((src) => src && !src.startsWith('data:'))).toEqual([]);
  });

  it('shows a saved page’s own image in the frame, as bytes from the library', async () => {
    const before = canary.hits.length;
    await searchBox().fill('saved picture');
    await page.getByRole('link', { name: 'A saved picture' }).click();
    const image = frame().getByRole('img', { name: 'a saved dot' });
    await eventually(() =>
      image.evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`),
    ).toBe('2x3');
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(canary.hits.slice(before)).toEqual([]);
  });

  it('runs no script in any frame and requests nothing from the network when an article is opened', async () => {
    const before = canary.hits.length;
    await open('Harmless looking page');
    await page.mouse.move(400, 400);
    await frame().getByText('A styled paragraph.').hover();
    await page.waitForTimeout(500); // give anything that slipped through the time to run or fetch
    expect(page.frames().length).toBeGreaterThanOrEqual(2);
    const seen = await canaries();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.filter((value) => value !== undefined)).toEqual([]);
    expect(canary.hits.slice(before)).toEqual([]);
    expect(page.frames()[1]!.url()).toBe('about:srcdoc');
  });

  it('opens a web link on a click in a new tab that has no opener and no referrer; refuses other links', async () => {
    await open('Harmless looking page');
    const tabs = browser.context.pages().length;
    // The sanitizer keeps the words of a `javascript:` link but not its address; the app refuses `mailto:`.
    await frame().getByText('a script link').click();
    await frame().getByRole('link', { name: 'a mail link' }).click();
    await page.waitForTimeout(300);
    expect(browser.context.pages()).toHaveLength(tabs);
    expect(await canaries()).not.toContain(5);
    expect(page.frames()[1]!.url()).toBe('about:srcdoc');

    const popup = browser.context.waitForEvent('page');
    await frame().getByRole('link', { name: 'a web link' }).click();
    const tab = await popup;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${canary.origin}/link-target`);
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    const visit = canary.hits.find((hit) => hit.url === '/link-target');
    expect(visit?.referer).toBeUndefined();
    await tab.close();
    // The reader stayed where it was: the frame was not navigated.
    expect(page.frames()[1]!.url()).toBe('about:srcdoc');
    expect(await frame().locator('body').textContent()).toContain('Paragraph 4 about harbours');
  });

  it('marks the query’s words inside the frame and counts them in the toolbar', async () => {
    await open('Harmless looking page', 'harbours');
    const marks = frame().locator('mark.hit');
    await eventually(() => marks.count()).toBeGreaterThan(3);
    expect((await marks.allTextContents()).every((text) => /^harbours?$/i.test(text))).toBe(true);
    const count = await marks.count();
    await eventually(() => page.locator('.hits-button').textContent()).toBe(`${count} matches`);
    // "N matches" brings the first one, inside the frame, into the reader's view.
    const scroller = page.locator('.reader-scroll');
    await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
    const inView = async () => {
      const [mark, view] = [await marks.first().boundingBox(), await scroller.boundingBox()];
      return (
        mark !== null && view !== null && mark.y >= view.y && mark.y + mark.height <= view.y + view.height
      );
    };
    expect(await inView()).toBe(false);
    await page.locator('.hits-button').click();
    await eventually(inView).toBe(true);
  });

  it('takes the reader’s shortcuts with focus inside the frame', async () => {
    await open('Harmless looking page');
    await eventually(() => position().textContent()).toMatch(/^\d of 2$/);
    const first = await position().textContent();
    await frame().getByText('Paragraph 2 about').click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    const [step, expected] = first === '1 of 2' ? ['j', '2 of 2'] : ['k', '1 of 2'];
    await page.keyboard.press(step!);
    await eventually(() => position().textContent()).toBe(expected);
    await eventually(() => frame().locator('body').textContent()).toContain('Paragraph 4 about');
    await frame().getByText('Paragraph 1 about').click();
    // Scrolling keys not taken by a shortcut scroll the reader, also from inside the frame.
    const scrollTop = () => page.locator('.reader-scroll').evaluate((element) => element.scrollTop);
    const top = await scrollTop();
    await page.keyboard.press('PageDown');
    await eventually(scrollTop).toBeGreaterThan(top);
    const paged = await scrollTop();
    await page.keyboard.press('ArrowDown');
    await eventually(scrollTop).toBeGreaterThan(paged);
    // Esc goes back to the list: focus leaves the frame for a row of the list.
    await page.keyboard.press('Escape');
    await eventually(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain(
      'row-title',
    );
  });

  it('sizes the frame to its content, in the reader’s type, size and theme', async () => {
    await page.evaluate(() => localStorage.setItem('offprint.readerFontSize', '24'));
    await page.reload();
    await open('Harmless looking page');
    const fit = async () =>
      frameElement().evaluate((element: HTMLIFrameElement) => {
        const doc = element.contentDocument!;
        return doc.documentElement.scrollHeight - element.clientHeight;
      });
    await eventually(fit).toBe(0);
    const style = () =>
      frame()
        .locator('p')
        .first()
        .evaluate((p) => {
          const computed = getComputedStyle(p);
          return { size: computed.fontSize, color: computed.color, family: computed.fontFamily };
        });
    const light = await style();
    expect(light.size).toBe('24px');
    expect(light.family).toMatch(/serif/i);
    await page.emulateMedia({ colorScheme: 'dark' });
    await eventually(async () => (await style()).color).not.toBe(light.color);
    // The reader pane scrolls the whole article, whose last words are reachable.
    const last = frame().getByText('Paragraph 4 about');
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    await page.evaluate(() => localStorage.removeItem('offprint.readerFontSize'));
  });

  it('has no serious or critical accessibility violations with a rich article open', async () => {
    await open('Harmless looking page', 'harbours');
    const serious = (results: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
      results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`);
    // axe cannot run inside a frame that runs no script: the app is checked around the frame (which has a
    // title), and the frame's document on its own, as a page of the same markup.
    expect(await frameElement().getAttribute('title')).toBeTruthy();
    const app = await new AxeBuilder({ page: page as never }).exclude('iframe.article-frame').analyze();
    expect(serious(app)).toEqual([]);
    const srcdoc = await frameElement().getAttribute('srcdoc');
    const copy = await browser.context.newPage();
    try {
      await copy.setContent(srcdoc!);
      expect(serious(await new AxeBuilder({ page: copy as never }).analyze())).toEqual([]);
    } finally {
      await copy.close();
    }
  });
});
