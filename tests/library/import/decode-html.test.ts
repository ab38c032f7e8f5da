/**
 * A saved page's bytes to text, called directly: a byte-order mark decides (UTF-8 or UTF-16, either order, over
 * what the page declares); UTF-16 saved without one is still found; bytes that only begin like a mark are not
 * one; then the transport's charset, the page's own declaration and strict UTF-8, in that order.
 * html-page.test.ts imports whole pages.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../main/library/import/decode-html';

const PAGE =
  '<!doctype html><html><head><meta charset="windows-1252"><title>Café</title></head><body><p>Crème brûlée</p></body></html>';
const le = (text: string) => iconv.encode(text, 'utf-16le');
const be = (text: string) => iconv.encode(text, 'utf-16be');
const cat = (...parts: Array<number[] | Buffer>) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('decoding a saved page', () => {
  it('lets a byte-order mark decide, over the page’s own declaration', () => {
    expect(decodeHtml(cat([0xff, 0xfe], le(PAGE)))).toEqual({ text: PAGE, encoding: 'utf-16le' });
    expect(decodeHtml(cat([0xfe, 0xff], be(PAGE)))).toEqual({ text: PAGE, encoding: 'utf-16be' });
    const utf8 = decodeHtml(cat([0xef, 0xbb, 0xbf], Buffer.from(PAGE, 'utf8')));
    expect(utf8).toEqual({ text: PAGE, encoding: 'utf-8' });
  });

  it('finds UTF-16 saved without a mark', () => {
    expect(decodeHtml(le(PAGE))).toEqual({ text: PAGE, encoding: 'utf-16le' });
    expect(decodeHtml(be(PAGE))).toEqual({ text: PAGE, encoding: 'utf-16be' });
    // ASCII only: its bytes are valid UTF-8 too (with a NUL every other byte), which must not win.
    const ascii = '<html><body><p>Plain words only.</p></body></html>';
    expect(decodeHtml(le(ascii))).toEqual({ text: ascii, encoding: 'utf-16le' });
    expect(decodeHtml(be(ascii))).toEqual({ text: ascii, encoding: 'utf-16be' });
  });

  it('does not take bytes that only begin like a mark for one', () => {
    // ÿ, þ and ï are letters in windows-1252, which the page declares.
    for (const start of [
      [0xff, 0x41],
      [0x41, 0xfe],
      [0xfe, 0x41],
      [0x41, 0xff],
      [0xef, 0xbb, 0x41],
    ]) {
      const bytes = cat(start, iconv.encode(PAGE, 'windows-1252'));
      const decoded = decodeHtml(bytes);
      expect(decoded.encoding, String(start)).toBe('windows-1252');
      expect(decoded.text, String(start)).toBe(iconv.decode(Buffer.from(start), 'windows-1252') + PAGE);
    }
  });

  it('then takes valid UTF-8, the transport’s charset, the declared one, in that order', () => {
    expect(decodeHtml(Buffer.from(PAGE, 'utf8'))).toEqual({ text: PAGE, encoding: 'utf-8' });
    const legacy = iconv.encode(PAGE, 'windows-1252');
    expect(decodeHtml(legacy)).toEqual({ text: PAGE, encoding: 'windows-1252' });
    expect(decodeHtml(legacy, 'iso-8859-15').encoding).toBe('iso-8859-15');
    expect(decodeHtml(legacy, '  ').encoding).toBe('windows-1252');
  });

  it('lets a UTF-16 mark decide over NULs that say the other byte order', () => {
    const ascii = '<html><body><p>Plain words only.</p></body></html>';
    // A mark that does not match its text (a tool that wrote the wrong one): the mark still decides.
    expect(decodeHtml(cat([0xff, 0xfe], be(ascii)))).toEqual({
      text: iconv.decode(be(ascii), 'utf-16le'),
      encoding: 'utf-16le',
    });
    expect(decodeHtml(cat([0xfe, 0xff], le(ascii)))).toEqual({
      text: iconv.decode(le(ascii), 'utf-16be'),
      encoding: 'utf-16be',
    });
  });
});
