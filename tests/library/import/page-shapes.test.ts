/**
 * Saved pages in shapes linkedom builds oddly, found by reading mutation survivors: a valid HTML5 page that leaves
 * out its optional `<html>` and `<body>` tags lost all its text (linkedom gave it an empty body), and text with no
 * tag at all threw in `document.body`, which in a WARC stopped the pages after it. whole-document.ts puts such a
 * page in a browser's shape first (parse5); these fail without it.
 */
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../main/library/import/importer';
import { readWarc } from '../../../main/library/import/formats/warc';
import { asWholeDocument } from '../../../main/library/import/whole-document';
import { importBytes } from './helpers';
import { httpResponse, makeWarc } from './warc-writer';

const summary = (outcomes: ImportOutcome[]) =>
  outcomes.map((o) =>
    o.kind === 'failed' ? [o.source, o.reason] : [o.source, o.article.title, o.article.text],
  );

describe('saved pages that linkedom builds oddly', () => {
  it('keeps the text of a valid HTML5 page that leaves out its optional <html> and <body> tags', async () => {
    const page = '<!doctype html><title>Harbour</title><p>The harbour wall was rebuilt in 1954.</p>';
    expect(summary(await importBytes('harbour.html', page))).toEqual([
      ['harbour.html', 'Harbour', 'The harbour wall was rebuilt in 1954.'],
    ]);
  });

  it('reads a page whose text has no tag at all', async () => {
    expect(summary(await importBytes('hello.html', 'Hello, harbour.'))).toEqual([
      ['hello.html', 'Hello, harbour.', 'Hello, harbour.'],
    ]);
  });

  it('fails a WARC page without a tag alone, and reads the pages after it', async () => {
    const page = (title: string) =>
      `<html><head><title>${title}</title></head><body><p>${'The harbour wall was rebuilt. '.repeat(3)}</p></body></html>`;
    const response = (uri: string, body: string) => ({
      type: 'response' as const,
      uri,
      block: httpResponse({ 'Content-Type': 'text/html' }, body),
    });
    const warc = makeWarc([
      response('https://a.example/one', page('One')),
      response('https://a.example/ok', 'ok'),
      response('https://a.example/three', page('Three')),
    ]);
    const outcomes: ImportOutcome[] = [];
    const input = { name: 'a.warc', bytes: warc, path: null, extractEntry: () => [] as never };
    for await (const o of readWarc(input)) outcomes.push(o);
    const sources = outcomes.map((o) => o.source);
    expect(sources).toEqual([
      'a.warc › https://a.example/one',
      'a.warc › https://a.example/ok',
      'a.warc › https://a.example/three',
    ]);
  });
});

describe('a page put in the shape a browser gives it', () => {
  it('leaves a page that writes out html, head and body as it is', () => {
    const page =
      '<!DOCTYPE html>\n<HTML lang="en"><head>\n<title>T</title></head><body class="x"><p>a</p></body></HTML>';
    expect(asWholeDocument(page)).toBe(page);
    const spaced =
      '<html\tlang="en">\n<head profile="x">\n<title>T</title></head>\n<body\nclass="x"><p>a</p></body></html>';
    expect(asWholeDocument(spaced)).toBe(spaced);
  });

  it('gives a page missing any of the three its html, head and body, the head holding what belongs there', () => {
    expect(asWholeDocument('<!doctype html><title>T</title><p>a</p>')).toBe(
      '<!DOCTYPE html><html><head><title>T</title></head><body><p>a</p></body></html>',
    );
    expect(asWholeDocument('<html><head><title>T</title></head><p>a</p></html>')).toBe(
      '<html><head><title>T</title></head><body><p>a</p></body></html>',
    );
    expect(asWholeDocument('<html><body><p>a</p></body></html>')).toBe(
      '<html><head></head><body><p>a</p></body></html>',
    );
    expect(asWholeDocument('<head><title>T</title></head><body>b</body>')).toBe(
      '<html><head><title>T</title></head><body>b</body></html>',
    );
    expect(asWholeDocument('Hello, harbour.')).toBe('<html><head></head><body>Hello, harbour.</body></html>');
  });

  it('keeps what a tag-like word in the text says: only real tags count', () => {
    expect(asWholeDocument('<html><head></head><bodyguard>x</bodyguard></html>')).toBe(
      '<html><head></head><body><bodyguard>x</bodyguard></body></html>',
    );
    expect(asWholeDocument('<p>&lt;html&gt; <bodyguard>x</bodyguard></p>')).toBe(
      '<html><head></head><body><p>&lt;html&gt; <bodyguard>x</bodyguard></p></body></html>',
    );
  });
});
