/**
 * The CSV reader and the link-only entries of Pocket and Instapaper exports, called directly: every quoting and
 * line-ending case of RFC 4180 and the sloppy ones exports produce, lines written back, headers recognised, and
 * what a link becomes (or why it is refused). link-exports.test.ts checks the same through real export files.
 */
import { describe, expect, it } from 'vitest';
import { csvHeader, csvLine, parseCsv } from '../../../main/library/import/csv';
import { httpUrl, linkOutcome } from '../../../main/library/import/link-entry';

describe('parseCsv', () => {
  it('splits fields at commas and records at CRLF, LF or CR, and drops blank lines and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(parseCsv('a,b\n\n\r\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // Empty fields are fields, at the start, the middle and the end.
    expect(parseCsv(',x,,\n')).toEqual([['', 'x', '', '']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('only')).toEqual([['only']]);
    // A BOM is dropped at the start only.
    expect(parseCsv('a\ufeff')).toEqual([['a\ufeff']]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes, and an empty quoted field', () => {
    expect(parseCsv('"a, b","line\r\nbreak","say ""hi""",""\nnext')).toEqual([
      ['a, b', 'line\r\nbreak', 'say "hi"', ''],
      ['next'],
    ]);
    // A line of one empty quoted field reads like a blank line, and is dropped like one.
    expect(parseCsv('""\nx')).toEqual([['x']]);
    expect(parseCsv('"",""\n')).toEqual([['', '']]);
  });

  it('is lenient where exports are sloppy', () => {
    // A quote inside an unquoted field is a character; text after a closing quote joins the field.
    expect(parseCsv('ab"c,d')).toEqual([['ab"c', 'd']]);
    expect(parseCsv('"ab"c,d')).toEqual([['abc', 'd']]);
    // A missing closing quote ends the field at the end of the text.
    expect(parseCsv('a,"open\nstill open')).toEqual([['a', 'open\nstill open']]);
    // A quote after spaces is not an opening quote.
    expect(parseCsv(' "x",y')).toEqual([[' "x"', 'y']]);
  });

  it('writes a line back, quoting only where needed, so that it parses to the same fields', () => {
    const fields = ['plain', 'with, comma', 'say "hi"', 'two\nlines', 'cr\r', ''];
    const line = csvLine(fields);
    expect(line).toBe('plain,"with, comma","say ""hi""","two\nlines","cr\r",');
    expect(parseCsv(line)).toEqual([fields]);
  });

  it("recognises a header by its first line's fields, lower-cased and trimmed", () => {
    expect(csvHeader('\ufeff URL , Title,"Selection, kept"\r\nhttps://a,b,c')).toEqual([
      'url',
      'title',
      'selection, kept',
    ]);
    expect(csvHeader('Title\rrow')).toEqual(['title']);
    expect(csvHeader('')).toEqual([]);
  });
});

describe('link-only entries', () => {
  it('takes only absolute http and https addresses', () => {
    expect(httpUrl(' https://example.org/a b ')).toBe('https://example.org/a%20b');
    expect(httpUrl('http://EXAMPLE.org')).toBe('http://example.org/');
    for (const bad of [
      'ftp://example.org/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '/relative',
      'example.org',
      '',
      null,
      undefined,
    ])
      expect(httpUrl(bad), String(bad)).toBeNull();
  });

  it('become link-only articles with their own bytes as the original, cleaned tags and the summary', () => {
    const outcome = linkOutcome(
      'pocket.html',
      'pocket',
      {
        url: 'https://example.org/rivers',
        title: '  Rivers   rise ',
        tags: ['floods', 'Floods', 'a=b'],
        summary: ' A  summary ',
      },
      '<a href="https://example.org/rivers">Rivers rise</a>',
      'link.html',
    );
    if (outcome.kind !== 'article') throw new Error(outcome.reason);
    expect(outcome.source).toBe('pocket.html › Rivers rise');
    expect(new TextDecoder().decode(outcome.original)).toBe(
      '<a href="https://example.org/rivers">Rivers rise</a>',
    );
    expect([outcome.originalName, outcome.encoding, outcome.importer, outcome.resources]).toEqual([
      'link.html',
      'utf-8',
      'pocket',
      [],
    ]);
    expect(outcome.article).toMatchObject({
      title: 'Rivers rise',
      subtitle: 'A summary',
      url: 'https://example.org/rivers',
      tags: ['floods'],
      text: '',
      html: null,
      linkOnly: true,
      published: null,
    });
    // No title: the address is the title; no summary: none.
    const bare = linkOutcome(
      'i.csv',
      'instapaper',
      { url: 'https://e.org/x', title: '  ', tags: [] },
      'row',
      'r.csv',
    );
    expect(bare.kind === 'article' && [bare.article.title, bare.article.subtitle, bare.source]).toEqual([
      'https://e.org/x',
      null,
      'i.csv › https://e.org/x',
    ]);
  });

  it('that are not web addresses are refused, naming the entry and the address', () => {
    expect(
      linkOutcome('p.html', 'pocket', { url: 'javascript:alert(1)', title: 'Trap', tags: [] }, 'x', 'x'),
    ).toEqual({
      kind: 'failed',
      source: 'p.html › Trap',
      reason: 'the link is not a web address ("javascript:alert(1)")',
    });
    expect(
      linkOutcome('p.html', 'pocket', { url: 'nowhere', title: null, tags: [] }, 'x', 'x'),
    ).toMatchObject({
      source: 'p.html › nowhere',
    });
    expect(linkOutcome('p.html', 'pocket', { url: '', title: null, tags: [] }, 'x', 'x')).toMatchObject({
      source: 'p.html › an entry',
      reason: 'the link is not a web address ("")',
    });
    const long = linkOutcome(
      'p.html',
      'pocket',
      { url: `x${'y'.repeat(300)}`, title: 'T', tags: [] },
      'x',
      'x',
    );
    expect(long.kind === 'failed' && long.reason).toBe(
      `the link is not a web address ("x${'y'.repeat(199)}")`,
    );
  });
});
