/** Encodings: UTF-16 without a BOM, invalid and overlong UTF-8, UTF-7, NUL bytes, binaries in disguise, empty files. */
import { expect } from 'vitest';
import type { HostileCase } from './case';
import { markerOf, page, textBody, writeFile } from './build';
import { INERT } from './html-case';
import { scanStoredHtml } from './inert-scan';

const F = 'encodings' as const;

function textCase(
  spec: Omit<HostileCase, 'family' | 'write'> & { extension: string; bytes: () => Buffer },
): HostileCase {
  const { bytes, extension, ...rest } = spec;
  return {
    ...rest,
    family: F,
    async write(dir) {
      return [await writeFile(dir, `${spec.name}.${extension}`, bytes())];
    },
  };
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

const UTF16_TITLE = 'Tide tables for the winter season';
const utf16Text = (name: string) => `${UTF16_TITLE}\n\n${textBody(markerOf(name))}\n`;
const titleIs =
  (title: string): HostileCase['check'] =>
  ([article]) =>
    expect(article!.title).toBe(title);

export const ENCODING_CASES: HostileCase[] = [
  textCase({
    name: 'utf16le-no-bom',
    extension: 'txt',
    input: 'plain text in UTF-16LE without a byte-order mark',
    expected: 'imported with its words decoded right, or refused with a reason (never stored as garbage)',
    outcome: { kind: 'either', reasons: [/utf-16|binary|not supported|encoding/i] },
    marker: markerOf('utf16le-no-bom'),
    bytes: () => utf16(utf16Text('utf16le-no-bom'), 'le', false),
    check: titleIs(UTF16_TITLE),
  }),
  textCase({
    name: 'utf16be-no-bom',
    extension: 'txt',
    input: 'plain text in UTF-16BE without a byte-order mark',
    expected: 'imported with its words decoded right, or refused with a reason (never stored as garbage)',
    outcome: { kind: 'either', reasons: [/utf-16|binary|not supported|encoding/i] },
    marker: markerOf('utf16be-no-bom'),
    bytes: () => utf16(utf16Text('utf16be-no-bom'), 'be', false),
    check: titleIs(UTF16_TITLE),
  }),
  textCase({
    name: 'utf16le-bom',
    extension: 'txt',
    input: 'plain text in UTF-16LE with its byte-order mark (positive control)',
    expected: 'imported, title decoded exactly',
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('utf16le-bom'),
    bytes: () => utf16(utf16Text('utf16le-bom'), 'le', true),
    check: titleIs(UTF16_TITLE),
  }),
  textCase({
    name: 'invalid-utf8',
    extension: 'txt',
    input:
      'text with invalid UTF-8: a lone continuation byte, a truncated sequence, an encoded surrogate, `0xFF`',
    expected: 'imported (decoded as a legacy charset), its words readable',
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('invalid-utf8'),
    bytes: () =>
      Buffer.concat([
        Buffer.from('Invalid bytes in the harbour report '),
        Buffer.from([0x80, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xff]),
        Buffer.from(`\n\n${textBody(markerOf('invalid-utf8'))}\n`),
      ]),
    check: ([article]) => expect(article!.title).toContain('Invalid bytes in the harbour report'),
  }),
  textCase({
    name: 'overlong-utf8-html',
    extension: 'html',
    input: 'a page with overlong UTF-8 encodings of `<` and `>` around `script`',
    expected: INERT,
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('overlong-utf8-html'),
    bytes: () => {
      const html = page({
        title: 'Overlong bytes',
        marker: markerOf('overlong-utf8-html'),
        body: '<p>@@</p>',
      });
      const [before, after] = html.split('@@') as [string, string];
      return Buffer.concat([
        Buffer.from(before),
        Buffer.from([0xc0, 0xbc]),
        Buffer.from('script'),
        Buffer.from([0xc0, 0xbe]),
        Buffer.from("window.__offprintCanary='overlong'"),
        Buffer.from([0xc0, 0xbc, 0x2f]),
        Buffer.from('script'),
        Buffer.from([0xc0, 0xbe]),
        Buffer.from(after),
      ]);
    },
    check: ([article], ctx) => expect(scanStoredHtml(article!.html, ctx.canary)).toEqual([]),
  }),
  textCase({
    name: 'utf7-charset-html',
    extension: 'html',
    input: 'a page declaring `charset=utf-7` with a UTF-7 encoded `<script>` (`+ADw-script+AD4-`)',
    expected: 'imported; UTF-7 never honoured: no `<script>` in the stored html; inert in the reader',
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('utf7-charset-html'),
    bytes: () =>
      Buffer.from(
        page({
          title: 'Seven bit page',
          marker: markerOf('utf7-charset-html'),
          head: '<meta http-equiv="Content-Type" content="text/html; charset=utf-7">',
          body: '<p>+ADw-script+AD4-window.__offprintCanary+AD0-1+ADw-/script+AD4-</p>',
        }).replace('<meta charset="utf-8">', '<meta charset="utf-7">'),
      ),
    check: ([article], ctx) => {
      expect(scanStoredHtml(article!.html, ctx.canary)).toEqual([]);
      expect(article!.html ?? '').not.toMatch(/<script/i);
    },
  }),
  textCase({
    name: 'nul-byte-text',
    extension: 'txt',
    input: 'a text article with one NUL byte in its body',
    expected: 'imported (one NUL byte is not a binary file); no NUL stored in the title',
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('nul-byte-text'),
    bytes: () =>
      Buffer.from(
        `Ferry timetable with a stray byte\n\n${textBody(markerOf('nul-byte-text'))}\u0000 and on.\n`,
      ),
    check: ([article]) => {
      expect(article!.title).toBe('Ferry timetable with a stray byte');
      expect(article!.text).toContain(markerOf('nul-byte-text'));
    },
  }),
  textCase({
    name: 'nul-byte-html',
    extension: 'html',
    input: 'a page with NUL bytes inside `<scr\\0ipt>` and `java\\0script:`',
    expected: INERT,
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('nul-byte-html'),
    bytes: () =>
      Buffer.from(
        page({
          title: 'Page with NUL bytes',
          marker: markerOf('nul-byte-html'),
          body: `<scr\u0000ipt>window.__offprintCanary='nul'</scr\u0000ipt><p><a href="java\u0000script:window.__offprintCanary='nul-a'">nul link</a></p>`,
        }),
      ),
    check: ([article], ctx) => expect(scanStoredHtml(article!.html, ctx.canary)).toEqual([]),
  }),
  textCase({
    name: 'png-named-txt',
    extension: 'txt',
    input: 'a PNG image named `.txt`',
    expected: 'refused: looks like a PNG image',
    outcome: { kind: 'refused', reasons: [/PNG/] },
    bytes: () =>
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  }),
  textCase({
    name: 'elf-named-html',
    extension: 'html',
    input: 'an ELF executable named `.html`',
    expected: 'refused: looks like an executable',
    outcome: { kind: 'refused', reasons: [/ELF|executable/i] },
    bytes: () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]),
  }),
  textCase({
    name: 'empty-file',
    extension: 'html',
    input: 'an empty file',
    expected: 'refused: the file is empty',
    outcome: { kind: 'refused', reasons: [/empty/i] },
    bytes: () => Buffer.alloc(0),
  }),
  textCase({
    name: 'bom-only',
    extension: 'txt',
    input: 'a file holding only a UTF-8 byte-order mark and blank lines',
    expected: 'refused: no text',
    outcome: { kind: 'refused', reasons: [/empty|no text|no readable|nothing/i] },
    bytes: () => Buffer.from('\uFEFF\n\n  \n'),
  }),
  {
    ...textCase({
      name: 'polyglot-html-script-text',
      extension: 'txt',
      input: 'a `.txt` whose text is HTML with a script (read as a page or as text, never run)',
      expected: INERT,
      outcome: { kind: 'imported', count: 1 },
      marker: markerOf('polyglot-html-script-text'),
      bytes: () =>
        Buffer.from(
          page({
            title: 'Text file that is a page',
            marker: markerOf('polyglot-html-script-text'),
            body: "<script>window.__offprintCanary='polyglot'</script>",
          }),
        ),
    }),
    check: ([article], ctx) => expect(scanStoredHtml(article!.html, ctx.canary)).toEqual([]),
  },
];
