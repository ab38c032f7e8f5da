/**
 * The size and shape limits of an import, through the real pipeline (sniff + importers, and a real library
 * folder for the body limit): pages nested too deep or with too many elements are refused before linkedom
 * and Readability see them; zip and WARC bombs are refused by what they inflate to (by ratio, by count,
 * nested), with the reason; a long text becomes a truncated article whose original is kept whole.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../../common/search';
import { checkHtmlShape } from '../../../main/library/import/html-shape';
import { setImportLimits } from '../../../main/library/import/limits';
import { openLibrary } from '../../../main/library/library';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { articles, cli, importBytes, importFile } from './helpers';
import { httpResponse, makeWarc } from './warc-writer';
import { makeZip } from './zip-writer';

afterEach(() => setImportLimits());

const PAGE = (title: string): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>A paragraph of ordinary words, long enough for Readability to keep it as the content of the page.</p>'.repeat(3)}</article></body></html>`;
const failures = (outcomes: Awaited<ReturnType<typeof importBytes>>) =>
  outcomes.flatMap((o) => (o.kind === 'failed' ? [{ source: o.source, reason: o.reason }] : []));

describe('HTML nesting and element limits', () => {
  it('refuses 10,000 nested divs (110 KB), 100,000 unclosed ones and 200,000 siblings, each with its reason', async () => {
    const nested = `<html><body>${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}</body></html>`;
    expect(nested.length).toBeLessThan(115_000);
    expect(failures(await importBytes('nested.html', nested))).toEqual([
      { source: 'nested.html', reason: 'refused: the page is nested deeper than 256 elements' },
    ]);
    expect(failures(await importBytes('unclosed.html', `<html><body>${'<div>'.repeat(100_000)}x`))).toEqual([
      { source: 'unclosed.html', reason: 'refused: the page is nested deeper than 256 elements' },
    ]);
    const siblings = `<html><body>${'<span>x</span>'.repeat(200_000)}</body></html>`;
    // The scan itself first: without the cap, the import below would parse the page for minutes before failing.
    expect(() => checkHtmlShape(siblings)).toThrow('the page has more than 100,000 elements');
    expect(checkHtmlShape(`<html><body>${'<span>x</span>'.repeat(99_998)}</body></html>`).elements).toBe(
      100_000,
    );
    expect(failures(await importBytes('siblings.html', siblings))).toEqual([
      { source: 'siblings.html', reason: 'refused: the page has more than 100,000 elements' },
    ]);
  });

  it('counts as a browser builds: void elements, omitted end tags, raw text and comments do not nest', () => {
    const sloppy = `<html><body>${'<p>para<br><img src=x>'.repeat(3000)}<ul>${'<li>item'.repeat(3000)}</ul><script>${'<div>'.repeat(3000)}</script><!-- ${'<div>'.repeat(3000)} --><table>${'<tr><td>a<td>b'.repeat(500)}</table></body></html>`;
    const shape = checkHtmlShape(sloppy);
    expect(shape.depth).toBeLessThanOrEqual(6);
    expect(shape.elements).toBeGreaterThan(10_000);
  });

  it('refuses the deep page inside a zip or a WARC and imports the rest', async () => {
    const deep = `<html><body>${'<div>'.repeat(5000)}</body></html>`;
    const zip = makeZip([
      { name: 'deep.html', data: deep },
      { name: 'fine.html', data: PAGE('Fine page') },
    ]);
    const fromZip = await importBytes('pages.zip', zip);
    expect(articles(fromZip).map((a) => a.article.title)).toEqual(['Fine page']);
    expect(failures(fromZip)).toEqual([
      { source: 'pages.zip › deep.html', reason: 'refused: the page is nested deeper than 256 elements' },
    ]);
    const html = { 'Content-Type': 'text/html' };
    const warc = makeWarc([
      { type: 'response', uri: 'https://example.org/deep', block: httpResponse(html, deep) },
      { type: 'response', uri: 'https://example.org/fine', block: httpResponse(html, PAGE('Fine record')) },
    ]);
    const fromWarc = await importBytes('crawl.warc', warc);
    expect(articles(fromWarc).map((a) => a.article.title)).toEqual(['Fine record']);
    expect(failures(fromWarc)).toEqual([
      {
        source: 'crawl.warc › https://example.org/deep',
        reason: 'refused: the page is nested deeper than 256 elements',
      },
    ]);
  });
});

describe('zip bombs, counted as they inflate', () => {
  it('stops a 265 KB-class zip of 100 small entries (each under the per-entry check) by its total expansion', async () => {
    // 100 entries of 1 MiB of text: none is ratio-checked alone (1 MiB is the floor), together they are 100 MiB.
    const text = `Title line\n\n${'The same words again and again. '.repeat(32_768)}`.slice(
      0,
      1024 * 1024 - 8,
    );
    const zip = makeZip(Array.from({ length: 100 }, (_, i) => ({ name: `n${i}.txt`, data: `${i} ${text}` })));
    expect(zip.length).toBeLessThan(400_000);
    const outcomes = await importBytes('small-entries.zip', zip);
    const imported = articles(outcomes).length;
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(40);
    expect(failures(outcomes)).toEqual([
      {
        source: 'small-entries.zip',
        reason: expect.stringMatching(
          /^the archive expands past [\d.]+ MB \(more than 100 times its \d+ KB: a zip bomb\?\); the rest was not read$/,
        ),
      },
    ]);
  });

  it('refuses by entry count, and counts the entries of nested zips with their parent', async () => {
    setImportLimits({ maxEntries: 20 });
    const many = makeZip(
      Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: `Note ${i}\n\nText.` })),
    );
    expect(failures(await importBytes('many.zip', many))).toEqual([
      { source: 'many.zip', reason: 'the archive has 30 entries, more than the limit of 20' },
    ]);
    const inner = (k: number) =>
      makeZip(
        Array.from({ length: 9 }, (_, i) => ({ name: `z${k}-${i}.txt`, data: `Inner ${k} ${i}\n\nText.` })),
      );
    const nested = makeZip([0, 1, 2].map((k) => ({ name: `inner${k}.zip`, data: inner(k), deflate: false })));
    const outcomes = await importBytes('nested.zip', nested);
    expect(articles(outcomes).length).toBeLessThan(20);
    expect(failures(outcomes).map((f) => f.reason)).toContain(
      'the archive holds more than 20 entries (nested archives included); the rest was not read',
    );
  });

  it('charges nested zips to their parent’s budget: zips each small enough alone are still a bomb together', async () => {
    setImportLimits({ expansionFloorBytes: 1024 * 1024 });
    const spaces = Buffer.alloc(300 * 1024, 0x20);
    // Each inner zip expands to 0.9 MiB, under the floor: alone, each would be read whole.
    const inner = (k: number) =>
      makeZip([0, 1, 2].map((i) => ({ name: `b${k}-${i}.txt`, data: `B${k} ${i}\n\n${spaces}` })));
    const outer = makeZip([
      { name: 'readme.txt', data: 'Readme\n\nAn ordinary note.' },
      ...Array.from({ length: 10 }, (_, k) => ({ name: `inner${k}.zip`, data: inner(k), deflate: false })),
    ]);
    const outcomes = await importBytes('outer.zip', outer);
    expect(articles(outcomes).map((a) => a.source)).toContain('outer.zip › readme.txt');
    expect(articles(outcomes).length).toBeLessThan(20);
    expect(failures(outcomes).at(-1)).toEqual({
      source: 'outer.zip',
      reason: expect.stringMatching(
        /^the archive expands past [\d.]+ MB \(more than 100 times its \d+ KB: a zip bomb\?\); the rest was not read$/,
      ),
    });
  });
});

describe('WARC bombs', () => {
  it('refuses a gzip-encoded page that inflates past its limit while it inflates, and imports the next record', async () => {
    setImportLimits({ maxEntryBytes: 2 * 1024 * 1024 });
    const huge = zlib.gzipSync(
      Buffer.concat([Buffer.from(PAGE('Bomb')), Buffer.alloc(40 * 1024 * 1024, 0x20)]),
    );
    expect(huge.length).toBeLessThan(100_000);
    const warc = makeWarc([
      {
        type: 'response',
        uri: 'https://example.org/bomb',
        block: httpResponse({ 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, huge),
      },
      {
        type: 'response',
        uri: 'https://example.org/fine',
        block: httpResponse({ 'Content-Type': 'text/html' }, PAGE('Fine record')),
      },
    ]);
    const outcomes = await importBytes('bomb.warc', warc);
    expect(articles(outcomes).map((a) => a.article.title)).toEqual(['Fine record']);
    expect(failures(outcomes)).toEqual([
      { source: 'bomb.warc › https://example.org/bomb', reason: 'refused: the page expands past 2 MB' },
    ]);
  });

  it('stops reading a .warc.gz whose records expand past the ratio, from disk', async () => {
    setImportLimits({ expansionFloorBytes: 1024 * 1024 });
    const dir = await tempDir();
    try {
      const file = path.join(dir, 'records.warc.gz');
      await fs.writeFile(
        file,
        makeWarc(
          [
            {
              type: 'response',
              uri: 'https://example.org/a',
              block: httpResponse({ 'Content-Type': 'text/html' }, PAGE('First')),
            },
            { type: 'metadata', uri: 'https://example.org/m', block: Buffer.alloc(30 * 1024 * 1024, 0x20) },
            {
              type: 'response',
              uri: 'https://example.org/b',
              block: httpResponse({ 'Content-Type': 'text/html' }, PAGE('Never')),
            },
          ],
          true,
        ),
      );
      const outcomes = await importFile(file);
      expect(articles(outcomes).map((a) => a.article.title)).toEqual(['First']);
      expect(failures(outcomes)).toEqual([
        {
          source: 'records.warc.gz',
          reason: expect.stringMatching(
            /^the archive expands past [\d.]+ MB \(more than 100 times its \d+ KB: a zip bomb\?\); the rest was not read \(after 1 records\)$/,
          ),
        },
      ]);
    } finally {
      await removeDir(dir);
    }
  });
});

describe('the body-size limit', () => {
  it('imports a long text as a truncated article: the original kept whole, listed, searchable, shown with a notice', async () => {
    const dir = await tempDir();
    try {
      const inputs = path.join(dir, 'inputs');
      await fs.mkdir(inputs);
      const paragraph = 'Ordinary words fill this paragraph of a very long log file kept as text. ';
      const body = Array.from({ length: 6000 }, (_, i) => `${i} ${paragraph.repeat(4)}`).join('\n\n');
      const long = `A long text\n\nfirstpage marmoset\n\n${body}\n\nlastpage tamarin\n`;
      await fs.writeFile(path.join(inputs, 'long.txt'), long);
      await fs.writeFile(
        path.join(inputs, 'short.txt'),
        'A short text\n\nOnly a few words about a marmoset.',
      );
      const lib = path.join(dir, 'lib');
      const library = await openLibrary(lib, { importLimits: { maxBodyChars: 100_000 } });
      let longId = '';
      try {
        const job = await library.importPaths({ paths: [inputs], folderTags: false });
        const done = await library.waitForImport(job.jobId);
        expect(done.report!.failed).toEqual([]);
        expect(done.imported).toBe(2);
        const id = (longId = done.report!.imported.find((a) => a.source === 'long.txt')!.id);
        const article = await library.getArticle({ id });
        expect(article.truncated).toEqual({ fullChars: expect.any(Number), keptChars: article.text.length });
        expect(article.text.length).toBeLessThanOrEqual(100_000);
        expect(article.truncated!.fullChars).toBeGreaterThan(1_000_000);
        const original = path.join(lib, 'articles', id.slice(0, 2), id, 'original.txt');
        expect(await fs.readFile(original, 'utf8')).toBe(long);
        const short = await library.getArticle({
          id: done.report!.imported.find((a) => a.source === 'short.txt')!.id,
        });
        expect(short.truncated).toBeUndefined();
        expect((await library.list({})).map((a) => a.title).sort()).toEqual(['A long text', 'A short text']);
        const first = await library.search({ ...DEFAULT_SEARCH, query: 'marmoset' });
        expect(first.hits.map((h) => h.title).sort()).toEqual(['A long text', 'A short text']);
        expect((await library.search({ ...DEFAULT_SEARCH, query: 'tamarin' })).total).toBe(0);
      } finally {
        await library.close();
      }
      // The CLI lists, searches and shows it, with the notice.
      expect(cli('list', '--library', lib).stdout).toContain('A long text');
      expect(cli('search', '--library', lib, 'firstpage').stdout).toContain('A long text');
      const shown = cli('show', '--library', lib, longId);
      expect(shown.stdout).toMatch(
        /^\(Long article: only its first \d+ of \d+ characters were kept and indexed; the imported file is kept whole\.\)$/m,
      );
    } finally {
      await removeDir(dir);
    }
  }, 120_000);
});
