import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { looksLikeWarc, parseContentType } from '../../../main/library/import/formats/warc';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { articles, cli, importBytes, importFile } from './helpers';
import { chunked, httpResponse, makeWarc, type WarcRecordSpec } from './warc-writer';

const TIDES = `<!doctype html><html><head><title>Tides rise at the harbour</title>
<meta property="og:title" content="Tides rise at the harbour">
<meta name="author" content="Mara Lindqvist">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<meta property="article:tag" content="Coast"><meta property="article:tag" content="Climate">
</head><body><article><h1>Tides rise at the harbour</h1>
<p>The tide rose higher than ever recorded at the harbour wall this week, gauges show.</p>
<p>Harbour masters moved the small boats inland on Tuesday night as the water came over the quay.</p>
<p>Engineers will survey the wall again next month before the spring tides arrive.</p>
</article></body></html>`;

// No declared date and no <meta charset>: the HTTP header names the charset, the capture date is the fallback.
const CAFE_1252 = iconv.encode(
  `<html><head><title>Café culture “returns”</title></head><body><article><h1>Café culture “returns”</h1>
<p>Café owners in the old town say the summer crowds are back — and they want to stay open later.</p>
<p>The council will vote on the longer opening hours next week, after a consultation that drew 400 replies.</p>
<p>Residents’ groups have asked for quieter terraces after ten in the evening.</p>
</article></body></html>`,
  'windows-1252',
);

const GZIPPED = `<!doctype html><html><head><title>Ferry timetable changes</title></head><body><article>
<h1>Ferry timetable changes</h1>
<p>The island ferry will run every forty minutes from June, the operator said on Friday, in a trial.</p>
<p>The earliest crossing moves to six in the morning so that commuters reach the mainland by seven.</p>
</article></body></html>`;

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

function crawl(): WarcRecordSpec[] {
  return [
    { type: 'warcinfo', block: 'software: test-writer\r\nformat: WARC File Format 1.1\r\n' },
    {
      type: 'request',
      uri: 'https://news.example/2024/tides',
      block: 'GET /2024/tides HTTP/1.1\r\nHost: news.example\r\n\r\n',
    },
    {
      type: 'response',
      uri: 'https://news.example/2024/tides',
      date: '2024-05-06T07:08:09Z',
      block: httpResponse({ 'Content-Type': 'text/html; charset=utf-8' }, TIDES),
    },
    {
      type: 'response',
      uri: 'https://news.example/logo.png',
      block: httpResponse({ 'Content-Type': 'image/png' }, PNG),
    },
    {
      type: 'metadata',
      uri: 'https://news.example/2024/tides',
      block: 'outlink: https://news.example/logo.png\r\n',
    },
    {
      type: 'response',
      uri: 'http://news.example/old',
      block: httpResponse(
        { 'Content-Type': 'text/html', Location: 'https://news.example/2024/tides' },
        '<html><body><p>Moved permanently to the new address.</p></body></html>',
        '301 Moved Permanently',
      ),
    },
    {
      type: 'response',
      uri: 'https://cafes.example/culture',
      date: '2023-08-09T10:11:12Z',
      block: httpResponse({ 'Content-Type': 'text/html; charset="windows-1252"' }, CAFE_1252),
    },
    {
      type: 'revisit',
      uri: 'https://news.example/2024/tides',
      block: httpResponse({ 'Content-Type': 'text/html' }, ''),
    },
    {
      type: 'response',
      uri: 'https://ferry.example/timetable',
      date: '2022-01-02T03:04:05Z',
      block: httpResponse(
        { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' },
        chunked(zlib.gzipSync(GZIPPED), 64),
      ),
    },
  ];
}

describe('WARC archives', () => {
  it('imports each HTML response with the target URI, capture date fallback and HTTP charset', async () => {
    const outcomes = await importBytes('crawl.warc', makeWarc(crawl()));
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([]);
    const list = articles(outcomes);
    expect(
      list.map((a) => [a.source, a.importer, a.article.title, a.article.url, a.article.published]),
    ).toEqual([
      [
        'crawl.warc › https://news.example/2024/tides',
        'warc',
        'Tides rise at the harbour',
        'https://news.example/2024/tides',
        '2024-03-01T10:00:00Z', // the page's own date wins over the capture date
      ],
      [
        'crawl.warc › https://cafes.example/culture',
        'warc',
        'Café culture “returns”',
        'https://cafes.example/culture',
        '2023-08-09T10:11:12Z', // no date in the page: the WARC-Date
      ],
      [
        'crawl.warc › https://ferry.example/timetable',
        'warc',
        'Ferry timetable changes',
        'https://ferry.example/timetable',
        '2022-01-02T03:04:05Z',
      ],
    ]);
    const [tides, cafe, ferry] = list;
    expect(tides!.article.author).toBe('Mara Lindqvist');
    expect(tides!.article.tags).toEqual(['Coast', 'Climate']);
    expect(tides!.article.text).toContain('Harbour masters moved the small boats inland');
    // The original is the HTTP payload of that record, not the whole WARC and not the HTTP head.
    expect(Buffer.from(tides!.original).toString('utf8')).toBe(TIDES);
    expect(tides!.originalName).toBe('tides.html');
    expect(cafe!.encoding).toBe('windows-1252');
    expect(cafe!.article.text).toContain('Café owners in the old town say the summer crowds are back — and');
    expect(Buffer.from(cafe!.original).equals(CAFE_1252)).toBe(true);
    // Chunked and gzip transfer undone: the kept original is the page itself.
    expect(Buffer.from(ferry!.original).toString('utf8')).toBe(GZIPPED);
    expect(ferry!.article.text).toContain('The island ferry will run every forty minutes');
  });

  it('reads a .warc.gz (one gzip member per record) streamed from disk', async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir, 'crawl.warc.gz');
      const gz = makeWarc(crawl(), true);
      expect(gz[0]).toBe(0x1f);
      await fs.writeFile(file, gz);
      const outcomes = await importFile(file);
      expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([]);
      expect(articles(outcomes).map((a) => [a.source, a.article.title])).toEqual([
        ['crawl.warc.gz › https://news.example/2024/tides', 'Tides rise at the harbour'],
        ['crawl.warc.gz › https://cafes.example/culture', 'Café culture “returns”'],
        ['crawl.warc.gz › https://ferry.example/timetable', 'Ferry timetable changes'],
      ]);
      // A whole-stream gzip (not per record) reads the same.
      const whole = zlib.gzipSync(makeWarc(crawl()));
      expect(articles(await importBytes('single-member.warc.gz', whole)).map((a) => a.article.title)).toEqual(
        ['Tides rise at the harbour', 'Café culture “returns”', 'Ferry timetable changes'],
      );
    } finally {
      await removeDir(dir);
    }
  });

  it('recognises WARCs by content only, whatever the name', async () => {
    const warc = makeWarc(crawl());
    expect(looksLikeWarc(warc)).toBe(true);
    expect(looksLikeWarc(zlib.gzipSync(warc))).toBe(true);
    expect(looksLikeWarc(zlib.gzipSync('just some text that was gzipped'))).toBe(false);
    expect(looksLikeWarc(Buffer.from('WARC is an acronym, says this text file'))).toBe(false);
    const renamed = await importBytes('download.bin', warc);
    expect(articles(renamed).map((a) => a.importer)).toEqual(['warc', 'warc', 'warc']);
    expect(parseContentType('text/HTML ; Charset="ISO-8859-1"')).toEqual({
      mime: 'text/html',
      charset: 'ISO-8859-1',
    });
  });

  it('decodes a Brotli-compressed body', async () => {
    const warc = makeWarc([
      {
        type: 'response',
        uri: 'https://br.example/a',
        block: httpResponse(
          { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'br' },
          zlib.brotliCompressSync(Buffer.from(TIDES)),
        ),
      },
    ]);
    const [article] = articles(await importBytes('br.warc', warc));
    expect(article!.article.title).toBe('Tides rise at the harbour');
    expect(Buffer.from(article!.original).toString()).toBe(TIDES);
  });

  it('decodes gzip, x-gzip and deflate (zlib-wrapped or raw), and names a body that will not inflate', async () => {
    const page = Buffer.from(TIDES);
    const encoded: Array<[string, Buffer]> = [
      ['gzip', zlib.gzipSync(page)],
      ['x-gzip', zlib.gzipSync(page)],
      ['deflate', zlib.deflateSync(page)],
      ['deflate', zlib.deflateRawSync(page)],
      ['gzip', Buffer.from('not gzip at all, just some bytes')],
    ];
    const warc = makeWarc(
      encoded.map(([coding, body], i) => ({
        type: 'response' as const,
        uri: `https://z.example/${i}`,
        block: httpResponse({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': coding }, body),
      })),
    );
    const outcomes = await importBytes('codings.warc', warc);
    expect(articles(outcomes).map((a) => [a.article.url, Buffer.from(a.original).toString()])).toEqual(
      [0, 1, 2, 3].map((i) => [`https://z.example/${i}`, TIDES]),
    );
    expect(outcomes.at(-1)).toEqual({
      kind: 'failed',
      source: 'codings.warc › https://z.example/4',
      reason: expect.stringMatching(/^the response body is damaged: .+/),
    });
  });

  it('explains a WARC without pages, and keeps what came before damage', async () => {
    const noPages = makeWarc([
      { type: 'warcinfo', block: 'software: x\r\n' },
      {
        type: 'response',
        uri: 'https://x.example/a.png',
        block: httpResponse({ 'Content-Type': 'image/png' }, PNG),
      },
    ]);
    expect(await importBytes('images.warc', noPages)).toEqual([
      {
        kind: 'failed',
        source: 'images.warc',
        reason: 'the archive holds no HTML pages (2 records, none an HTML response)',
      },
    ]);
    const full = makeWarc(crawl(), true);
    const cut = full.subarray(0, full.length - 40); // the last gzip member (the ferry page) is torn
    const outcomes = await importBytes('torn.warc.gz', cut);
    expect(articles(outcomes).map((a) => a.article.title)).toEqual([
      'Tides rise at the harbour',
      'Café culture “returns”',
    ]);
    expect(outcomes.at(-1)).toEqual({
      kind: 'failed',
      source: 'torn.warc.gz',
      reason: expect.stringMatching(
        /^the archive ends in a damaged or cut-short record \(\d+ bytes after record 8/,
      ),
    });
    // Uncompressed, the torn record is found and named.
    const plain = makeWarc(crawl());
    const tornPlain = await importBytes('torn.warc', plain.subarray(0, plain.length - 40));
    expect(articles(tornPlain)).toHaveLength(2);
    expect(tornPlain.at(-1)).toEqual({
      kind: 'failed',
      source: 'torn.warc › https://ferry.example/timetable',
      reason: 'the record is cut short (the file ends inside it)',
    });
  });

  it('round-trips through the CLI', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    try {
      const file = path.join(dir, 'crawl.warc.gz');
      await fs.writeFile(file, makeWarc(crawl(), true));
      const imported = cli('import', '--library', lib, '--json', file);
      expect(imported.status, imported.stderr).toBe(0);
      const report = JSON.parse(imported.stdout) as {
        imported: Array<{ id: string; source: string }>;
        failed: unknown[];
      };
      expect(report.failed).toEqual([]);
      // Stored concurrently: the report's order is not the archive's.
      expect(report.imported.map((i) => i.source).sort()).toEqual([
        'crawl.warc.gz › https://cafes.example/culture',
        'crawl.warc.gz › https://ferry.example/timetable',
        'crawl.warc.gz › https://news.example/2024/tides',
      ]);
      const cafeId = report.imported.find((i) => i.source.endsWith('cafes.example/culture'))!.id;
      const view = JSON.parse(cli('show', '--library', lib, '--json', cafeId).stdout) as Record<
        string,
        unknown
      >;
      expect(view).toMatchObject({
        title: 'Café culture “returns”',
        url: 'https://cafes.example/culture',
        published: '2023-08-09T10:11:12Z',
      });
      expect(view.text).toContain('Residents’ groups have asked for quieter terraces');
    } finally {
      await removeDir(dir);
    }
  });
});
