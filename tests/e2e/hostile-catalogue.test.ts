/**
 * The hostile catalogue (issue 8), end to end: every input of tests/helpers/hostile-catalogue is generated,
 * imported through the real `offprint import`, checked against its expected outcome (the CLI's report, then the
 * stored article through the API), and opened in the reader of the real `offprint serve` in headless Chromium:
 * a canary global stays unset in every frame, nothing the input names is requested (a loopback canary server
 * counts hits, the browser's own request log shows none elsewhere). Every bad and costly query goes through the
 * UI and the API. Throughout, a trivial request is sent again and again and must keep being answered.
 *
 * Large inputs (sizes, bombs) go one by one, each with a time limit on the import command, into a second
 * library, so one that stalls fails its own case and cannot take the rest of the catalogue down with it.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleView } from '../../common/article';
import type { ImportReport } from '../../common/import';
import { type Browser, chromiumPath, launchBrowser } from '../helpers/browser';
import { markerOf, textBody, writeFile } from '../helpers/hostile-catalogue/build';
import { belongsTo, type CheckContext, type HostileCase } from '../helpers/hostile-catalogue/case';
import { INPUT_CASES, QUERY_CASES, writeCatalogue } from '../helpers/hostile-catalogue/index';
import { SCAN_SOURCE } from '../helpers/hostile-catalogue/inert-scan';
import { UNSAFE_CHARACTERS } from '../helpers/hostile-catalogue/metadata';
import {
  type CanaryServer,
  type Poller,
  runCliWithin,
  serveOutcome,
  startCanary,
  startPoller,
} from '../helpers/hostile-catalogue/processes';
import { COSTLY_QUERIES, SYNTAX_QUERIES } from '../helpers/hostile-catalogue/queries';
import { REPO, exists, removeDir, tempDir } from '../helpers/temp-library';
import { type ServeProcess, startServe } from '../helpers/serve-process';

const chromium = chromiumPath();
const built = await exists(path.join(REPO, 'dist', 'renderer', 'index.html'));
if (!built) console.log('skipped: hostile catalogue — the app is not built (npm run build)');
else if (!chromium) console.log('note: hostile catalogue runs without the reader — no chromium here');

/** Per large input, the import command is killed after this long (a stalled extraction fails its case). */
const HEAVY_LIMIT_MS = Number(process.env.HOSTILE_IMPORT_LIMIT_S ?? 90) * 1000;
/** A trivial request unanswered this long means the server stalled (a liveness bound, not a speed one). */
const STALLED_MS = 15_000;
const QUERY_GIVE_UP_MS = 90_000;

const LIGHT = INPUT_CASES.filter((c) => !c.heavy);
const HEAVY = INPUT_CASES.filter((c) => c.heavy);

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

async function api<T>(
  server: string,
  method: string,
  args: unknown,
  timeoutMs = 60_000,
): Promise<Envelope<T>> {
  const response = await fetch(`${server}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return (await response.json()) as Envelope<T>;
}

/** What the report says about one case: its articles and its failures. */
function caseReport(c: HostileCase, report: ImportReport) {
  return {
    imported: report.imported.filter((i) => belongsTo(c.name, i.source)),
    duplicates: report.duplicates.filter((d) => belongsTo(c.name, d.source)),
    failed: report.failed.filter((f) => belongsTo(c.name, f.source) && !c.tolerated?.test(f.reason)),
  };
}

/** Problems with the outcome, in words (an empty list when it is the expected one). */
function outcomeProblems(c: HostileCase, report: ImportReport): string[] {
  const { imported, failed } = caseReport(c, report);
  const problems: string[] = [];
  const reasons = failed.map((f) => `${f.source}: ${f.reason}`);
  const o = c.outcome;
  const patterns = o.kind === 'imported' ? [] : o.reasons;
  const unmatchedFailures = failed.filter((f) => !patterns.some((p) => p.test(f.reason)));
  const unmatchedPatterns = patterns.filter((p) => !failed.some((f) => p.test(f.reason)));
  switch (o.kind) {
    case 'imported':
      if (imported.length !== o.count) problems.push(`imported ${imported.length}, expected ${o.count}`);
      if (failed.length) problems.push(`unexpected failures: ${reasons.join(' | ')}`);
      break;
    case 'refused':
    case 'partly':
      if (imported.length !== (o.kind === 'partly' ? o.count : 0))
        problems.push(`imported ${imported.length}, expected ${o.kind === 'partly' ? o.count : 0}`);
      if (unmatchedFailures.length) problems.push(`failures with other reasons: ${reasons.join(' | ')}`);
      if (unmatchedPatterns.length)
        problems.push(
          `no failure says ${unmatchedPatterns.join(' or ')} (failures: ${reasons.join(' | ') || 'none'})`,
        );
      break;
    case 'cut-short':
      if (imported.length >= o.below)
        problems.push(`imported ${imported.length}, expected fewer than ${o.below}`);
      if (unmatchedPatterns.length)
        problems.push(
          `no failure says ${unmatchedPatterns.join(' or ')} (failures: ${reasons.join(' | ') || 'none'})`,
        );
      break;
    case 'either':
      if (unmatchedFailures.length) problems.push(`failures with other reasons: ${reasons.join(' | ')}`);
      if (!imported.length && !failed.length) problems.push('neither imported nor refused');
      break;
  }
  return problems;
}

/** Every file of a library as latin1 text, originals over 8 MB left out (they are the inputs verbatim). */
async function libraryText(library: string): Promise<string> {
  const parts: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && (await fs.stat(full)).size < 8 * 1024 * 1024)
        parts.push((await fs.readFile(full)).toString('latin1'));
    }
  }
  await walk(library);
  return parts.join('\n');
}

describe.skipIf(!built)('the hostile catalogue', () => {
  let root: string;
  let inputs: string;
  let lib: string;
  let heavyLib: string;
  let canary: CanaryServer;
  let paths: Map<string, string[]>;
  let lightRun: Awaited<ReturnType<typeof runCliWithin>>;
  let lightReport: ImportReport | null = null;
  let server: ServeProcess;
  let poller: Poller;
  let browser: Browser | null = null;
  let page: Page;
  const requests: string[] = [];
  const heavyReports = new Map<string, ImportReport | string>();
  const texts = new Map<string, Promise<string>>();

  beforeAll(async () => {
    root = await tempDir('offprint-hostile-');
    inputs = path.join(root, 'inputs');
    lib = path.join(root, 'lib');
    heavyLib = path.join(root, 'heavy-lib');
    canary = await startCanary();
    paths = await writeCatalogue(inputs, { canary: canary.origin });
    const light = LIGHT.flatMap((c) => paths.get(c.name)!);
    lightRun = await runCliWithin(['import', '--library', lib, '--json', ...light], 240_000);
    try {
      lightReport = JSON.parse(lightRun.stdout) as ImportReport;
    } catch {
      lightReport = null;
    }
    server = await startServe(lib);
    poller = startPoller(server.url, STALLED_MS);
    if (chromium) {
      browser = await launchBrowser(chromium);
      browser.context.on('request', (request) => requests.push(request.url()));
      page = await browser.context.newPage();
    }
  }, 400_000);

  afterAll(async () => {
    await poller?.stop();
    await browser?.close();
    await server?.stop();
    await canary?.close();
    if (root) await removeDir(root);
  });

  function checkContext(c: HostileCase, library: string, serverUrl: string): CheckContext {
    return {
      dir: path.join(inputs, c.name),
      library,
      canary: canary.origin,
      libraryText: () => {
        if (!texts.has(library)) texts.set(library, libraryText(library));
        return texts.get(library)!;
      },
      async resource(id, name) {
        const answer = await api<{ mediaType: string; data: string }>(serverUrl, 'getResource', { id, name });
        return answer.ok
          ? { mediaType: answer.value.mediaType, data: Buffer.from(answer.value.data, 'base64') }
          : { error: answer.error.message };
      },
    };
  }

  async function storedArticles(serverUrl: string, ids: string[]): Promise<ArticleView[]> {
    const out: ArticleView[] = [];
    for (const id of ids) {
      const answer = await api<ArticleView>(serverUrl, 'getArticle', { id });
      if (!answer.ok) throw new Error(`getArticle ${id}: ${answer.error.message}`);
      out.push(answer.value);
    }
    return out;
  }

  async function expectOutcome(c: HostileCase, report: ImportReport, library: string, serverUrl: string) {
    expect(outcomeProblems(c, report), `${c.name}: ${c.expected}`).toEqual([]);
    const ids = caseReport(c, report).imported.map((i) => i.id);
    if (ids.length && c.check)
      await c.check(await storedArticles(serverUrl, ids), checkContext(c, library, serverUrl));
  }

  describe('import', () => {
    it('the batch of light inputs finished, and its report is JSON', () => {
      expect(lightRun.timedOut, 'the import of the light inputs was killed at its time limit').toBe(false);
      expect(lightReport).not.toBeNull();
    });

    for (const c of LIGHT) {
      it(`${c.name}: ${c.expected}`, async () => {
        expect(lightReport, 'no import report').not.toBeNull();
        await expectOutcome(c, lightReport!, lib, server.url);
      });
    }

    it('`offprint list` answers for the whole library, with no control or bidi character in it', async () => {
      const listed = await runCliWithin(['list', '--library', lib, '--json'], 60_000);
      expect(listed.code).toBe(0);
      const rows = JSON.parse(listed.stdout) as Array<{ title: string; tags: string[]; site: string | null }>;
      expect(rows.length).toBe(lightReport!.imported.length);
      for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/\\u00(?:0|1)[0-9a-f]|\\u007f/);
      for (const row of rows)
        expect([row.title, row.site ?? '', ...row.tags].join(' ')).not.toMatch(UNSAFE_CHARACTERS);
      const text = await runCliWithin(['list', '--library', lib], 60_000);
      // Line by line: the newlines between rows are the output's own.
      for (const line of text.stdout.split('\n')) expect(line).not.toMatch(UNSAFE_CHARACTERS);
    });
  });

  /** Opens one article in a fresh document and returns what went wrong there, in words. */
  async function openInReader(serverUrl: string, c: HostileCase, id: string, n: number): Promise<string[]> {
    const problems: string[] = [];
    const hitsBefore = canary.hits.length;
    const requestsBefore = requests.length;
    await page.goto(`${serverUrl}?case=${c.name}&n=${n}#article/${id}`);
    const marker = c.marker!;
    const frameText = async () => {
      const all: string[] = [];
      for (const frame of page.frames())
        all.push(await frame.evaluate('document.body ? document.body.innerText : ""').then(String, () => ''));
      return all.join('\n');
    };
    await expect.poll(frameText, { timeout: 20_000, interval: 100 }).toContain(marker);
    // Time for any handler that slipped through to fire; what is asserted is what happened, not how fast.
    await page.waitForTimeout(150);
    const options = JSON.stringify({ mode: 'reader', canary: canary.origin });
    for (const frame of page.frames()) {
      try {
        const [value, leaks] = (await frame.evaluate(
          `[typeof window.__offprintCanary === 'undefined' ? null : String(window.__offprintCanary), (${SCAN_SOURCE})(document, ${options})]`,
        )) as [string | null, string[]];
        if (value !== null) problems.push(`the canary global is set in ${frame.url()}: ${value}`);
        for (const leak of leaks) problems.push(`${frame.url()}: ${leak}`);
      } catch {
        // A frame whose script is switched off by its sandbox cannot be evaluated: that is only fine when sandboxed.
        const sandbox = await (await frame.frameElement().catch(() => null))?.getAttribute('sandbox');
        if (sandbox == null || /allow-scripts/.test(sandbox))
          problems.push(`frame ${frame.url()} could not be inspected and is not a script-less sandbox`);
      }
    }
    const sane = await page.evaluate(
      `typeof document.getElementById === 'function' && document.querySelectorAll('#article-title').length <= 1`,
    );
    if (!sane) problems.push('the app document is clobbered');
    if (!page.url().startsWith(serverUrl)) problems.push(`the page navigated to ${page.url()}`);
    const hits = canary.hits.slice(hitsBefore);
    if (hits.length) problems.push(`the canary server was called: ${hits.join(', ')}`);
    const elsewhere = requests
      .slice(requestsBefore)
      .filter((url) => !url.startsWith(serverUrl) && !/^(?:data|blob|about):/.test(url));
    if (elsewhere.length) problems.push(`requests elsewhere: ${elsewhere.join(', ')}`);
    return problems;
  }

  describe.skipIf(!chromium)('in the reader', () => {
    it('an imported page is shown in a sandboxed frame without script, under a CSP of its own', async () => {
      const c = LIGHT.find((x) => x.name === 'script-inline')!;
      const id = lightReport ? caseReport(c, lightReport).imported[0]?.id : undefined;
      expect(id, 'script-inline was not imported').toBeDefined();
      const headers = new Map<string, Record<string, string>>();
      const onResponse = (response: Response) => headers.set(response.url(), response.headers());
      page.on('response', onResponse);
      try {
        await page.goto(`${server.url}?case=sandbox#article/${id}`);
        const holder = async () => {
          for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            const text = await frame
              .evaluate('document.body ? document.body.innerText : ""')
              .then(String, () => '');
            if (text.includes(c.marker!)) return frame;
          }
          return null;
        };
        await expect
          .poll(async () => (await holder()) !== null, {
            timeout: 20_000,
            message: 'no frame but the app’s own shows the article',
          })
          .toBe(true);
        const frame = (await holder())!;
        const sandbox = await (await frame.frameElement()).getAttribute('sandbox');
        expect(sandbox, 'the frame has no sandbox attribute').not.toBeNull();
        expect(sandbox).not.toMatch(/allow-scripts/);
        const metaPolicy = String(
          await frame.evaluate(
            `Array.from(document.querySelectorAll('meta[http-equiv]')).filter((m) => /content-security-policy/i.test(m.getAttribute('http-equiv'))).map((m) => m.getAttribute('content')).join('; ')`,
          ),
        );
        const headerPolicy = headers.get(frame.url())?.['content-security-policy'] ?? '';
        expect(`${metaPolicy}; ${headerPolicy}`).toMatch(/default-src 'none'/);
      } finally {
        page.off('response', onResponse);
      }
    });

    for (const c of LIGHT.filter((x) => x.marker)) {
      it(`${c.name}: opens, runs nothing, fetches nothing`, async () => {
        const ids = lightReport ? caseReport(c, lightReport).imported.map((i) => i.id) : [];
        if (c.outcome.kind === 'either' && ids.length === 0) return; // refused, as it may be
        expect(ids.length, 'nothing of this case was imported').toBeGreaterThan(0);
        const problems: string[] = [];
        for (const [n, id] of ids.slice(0, 4).entries())
          problems.push(...(await openInReader(server.url, c, id, n)));
        expect(problems).toEqual([]);
      });
    }
  });

  /** Types the query and waits until the page shows this query's answer: results, a notice or an error. */
  async function searchInUi(query: string): Promise<{ note: string | null; alert: string | null }> {
    const box = page.getByLabel('Search', { exact: true });
    await box.fill(query);
    await page.waitForFunction(
      () =>
        document.querySelector('.search-box')?.getAttribute('aria-busy') === 'false' &&
        (/\d/.test(document.querySelector('.result-count strong')?.textContent ?? '') ||
          document.querySelector('[role=alert]') !== null),
      undefined,
      { timeout: QUERY_GIVE_UP_MS, polling: 50 },
    );
    return (await page.evaluate(
      `({ note: document.querySelector('[role=note]')?.textContent ?? null, alert: document.querySelector('[role=alert]')?.textContent ?? null })`,
    )) as { note: string | null; alert: string | null };
  }

  function queryTests(cases: typeof QUERY_CASES): void {
    for (const q of cases) {
      it(`${q.name}: ${q.expected}`, async () => {
        const unansweredBefore = poller.unanswered.length;
        const answer = await api<{ notice: string | null; total: number }>(
          server.url,
          'search',
          { query: q.query, limit: 10 },
          QUERY_GIVE_UP_MS,
        );
        if (q.outcome === 'error') {
          expect(answer.ok).toBe(false);
          if (!answer.ok) {
            expect(answer.error.kind).toBe('invalid-argument');
            if (q.says) expect(answer.error.message).toMatch(q.says);
          }
        } else {
          expect(answer.ok, JSON.stringify(answer).slice(0, 300)).toBe(true);
          if (answer.ok && q.outcome === 'notice') {
            expect(answer.value.notice).not.toBeNull();
            if (q.says) expect(answer.value.notice).toMatch(q.says);
          }
        }
        if (chromium) {
          if (!page.url().startsWith(server.url) || page.url().includes('#article')) {
            await page.goto(server.url);
            await page.getByLabel('Search', { exact: true }).waitFor();
          }
          const shown = await searchInUi(q.query);
          // An error query may also be cut to length by the search box itself: then any answer will do.
          if (q.outcome === 'notice') expect(shown.note ?? shown.alert).not.toBeNull();
        }
        expect(
          poller.unanswered.slice(unansweredBefore),
          'trivial requests left unanswered meanwhile',
        ).toEqual([]);
      });
    }
  }

  describe('bad queries', () => queryTests(SYNTAX_QUERIES));

  describe('the server’s edges', () => {
    it('server-empty-token: refused at start, stating the minimum length', async () => {
      const outcome = await serveOutcome(
        ['--library', path.join(root, 'token-lib'), '--host', '0.0.0.0', '--port', '0', '--token', ''],
        20_000,
      );
      expect(outcome.exited, `it started instead: ${outcome.output}`).toBe(true);
      expect(outcome.code).not.toBe(0);
      expect(outcome.output).toMatch(/token/i);
      expect(outcome.output).toMatch(/\d+ characters|at least|minimum/i);
    });

    it('server-short-token: refused at start, stating the minimum length', async () => {
      const outcome = await serveOutcome(
        ['--library', path.join(root, 'token-lib'), '--host', '0.0.0.0', '--port', '0', '--token', 'x'],
        20_000,
      );
      expect(outcome.exited, `it started instead: ${outcome.output}`).toBe(true);
      expect(outcome.code).not.toBe(0);
      expect(outcome.output).toMatch(/\d+ characters|at least|minimum/i);
    });

    it('server-huge-body: a 250 MiB JSON body is answered 413 before it is parsed', async () => {
      const size = 250 * 1024 * 1024;
      const url = new URL(`${server.url}api/search`);
      const status = await new Promise<number | string>((resolve) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': size },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 'no status');
          },
        );
        req.on('error', (error) => resolve(`no answer: ${error.message}`));
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        let sent = 0;
        const head = Buffer.from('{"query":"');
        req.write(head);
        sent += head.length;
        const pump = () => {
          while (sent < size) {
            const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
            sent += piece.length;
            if (!req.write(piece)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
      expect(status).toBe(413);
    });
  });

  describe('costly queries', () => queryTests(COSTLY_QUERIES));

  it('the trivial request kept being answered throughout', async () => {
    await poller.stop();
    console.log(
      `hostile catalogue: trivial request answered ${poller.answered} times, max latency ${Math.round(poller.maxLatencyMs)} ms, ${poller.unanswered.length} unanswered`,
    );
    expect(poller.answered).toBeGreaterThan(10);
    expect(poller.unanswered).toEqual([]);
  });

  describe('large inputs, one import each, into their own library', () => {
    let heavyServer: ServeProcess | null = null;
    afterAll(async () => {
      await heavyServer?.stop();
    });

    for (const c of HEAVY) {
      it(
        `${c.name}: ${c.expected}`,
        async () => {
          const control = await writeFile(
            path.join(inputs, 'controls'),
            `${c.name}-control.txt`,
            `Control beside ${c.name}\n\n${textBody(markerOf(`${c.name}control`))}\n`,
          );
          const run = await runCliWithin(
            ['import', '--library', heavyLib, '--json', ...paths.get(c.name)!, control],
            HEAVY_LIMIT_MS,
          );
          if (run.timedOut) {
            heavyReports.set(c.name, `killed after ${HEAVY_LIMIT_MS / 1000} s`);
            expect.fail(`the import did not finish within ${HEAVY_LIMIT_MS / 1000} s`);
          }
          const report = JSON.parse(run.stdout) as ImportReport;
          heavyReports.set(c.name, report);
          expect(outcomeProblems(c, report), `${c.name}: ${c.expected}`).toEqual([]);
          expect(
            report.imported.map((i) => i.source),
            'the rest of the batch went on',
          ).toContain(`${c.name}-control.txt`);
        },
        HEAVY_LIMIT_MS + 60_000,
      );
    }

    it('the library of large inputs still lists, searches and serves', async () => {
      const listed = await runCliWithin(['list', '--library', heavyLib, '--json'], 120_000);
      expect(listed.timedOut, '`offprint list` was killed at 120 s').toBe(false);
      expect(listed.code, listed.stderr).toBe(0);
      const searched = await runCliWithin(
        ['search', '--library', heavyLib, '--json', markerOf('large-text-200mb')],
        120_000,
      );
      expect(searched.code, searched.stderr).toBe(0);
      expect(JSON.parse(searched.stdout).total).toBe(1);
      heavyServer = await startServe(heavyLib);
      expect((await api<{ articles: number }>(heavyServer.url, 'libraryInfo', {})).ok).toBe(true);
    }, 300_000);

    for (const c of HEAVY.filter((x) => x.check || x.marker)) {
      it(`${c.name}: stored as expected and opens in the reader`, async () => {
        const report = heavyReports.get(c.name);
        expect(typeof report === 'object', `the import did not report: ${String(report)}`).toBe(true);
        expect(heavyServer, 'the library of large inputs does not serve').not.toBeNull();
        await expectOutcome(c, report as ImportReport, heavyLib, heavyServer!.url);
        if (browser && c.marker) {
          const ids = caseReport(c, report as ImportReport).imported.map((i) => i.id);
          const problems: string[] = [];
          for (const [n, id] of ids.slice(0, 1).entries())
            problems.push(...(await openInReader(heavyServer!.url, c, id, n)));
          expect(problems).toEqual([]);
        }
      }, 180_000);
    }
  });

  it('the canary server counted no request at all', () => {
    expect(canary.hits).toEqual([]);
  });
});
