/**
 * The MIME reader behind saved pages (.mhtml, .mht), called directly on messages written for the test: header
 * folding and the names it refuses, RFC 2047 encoded words, Content-Type parameters, quoted-printable and
 * base64 bodies, and multipart bodies at their edges (preamble, epilogue, look-alike boundaries, nesting, a file
 * cut short). mhtml.test.ts imports whole saved pages.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeMhtml } from '../../../main/library/import/formats/mhtml';
import {
  decodeEncodedWords,
  decodeQuotedPrintable,
  mimeHeadOf,
  parseContentType,
  parseHeaders,
  parseMime,
} from '../../../main/library/import/mime-multipart';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const qp = (input: string) => text(decodeQuotedPrintable(latin1(input)));

describe('headers', () => {
  it('unfolds continued lines, lower-cases names, keeps the first of a repeated header', () => {
    const headers = parseHeaders(
      'Subject: a long\r\n  subject\r\nX-Note:\tfolded\n\tby a tab\nsubject: second\r\nCONTENT-Type:  text/html  ',
    );
    expect([...headers]).toEqual([
      ['subject', 'a long  subject'],
      ['x-note', 'folded\tby a tab'],
      ['content-type', 'text/html'],
    ]);
  });

  it('skips lines that are no header: no colon, a colon first, a name with spaces or odd characters', () => {
    const headers = parseHeaders(
      'no colon here\n: no name\nbad name: x\nbad\u00e9name: y\nok-name: z\nSnapshot-Content-Location: u',
    );
    expect([...headers]).toEqual([
      ['ok-name', 'z'],
      ['snapshot-content-location', 'u'],
    ]);
  });

  it('decodes encoded words, Q and B, any case, and joins adjacent ones', () => {
    expect(decodeEncodedWords('=?utf-8?Q?caf=C3=A9_au_lait?=')).toBe('café au lait');
    expect(decodeEncodedWords('=?UTF-8?b?Y2Fmw6k=?=')).toBe('café');
    expect(decodeEncodedWords('=?iso-8859-1?q?caf=E9?= =?iso-8859-1?q?_noir?=')).toBe('café noir');
    expect(decodeEncodedWords('Re: =?utf-8*en?Q?na=C3=AFve?= idea')).toBe('Re: naïve idea');
    // A charset nobody knows: the word stays as it was.
    expect(decodeEncodedWords('=?x-unknown?Q?abc?=')).toBe('=?x-unknown?Q?abc?=');
    // Space between an encoded word and plain text stays.
    expect(decodeEncodedWords('=?utf-8?Q?a?= b')).toBe('a b');
  });

  it('reads 8-bit bytes outside encoded words as UTF-8 when they are, else keeps them', () => {
    expect(decodeEncodedWords(text(Buffer.from('Café', 'utf8')))).toBe('Café');
    expect(decodeEncodedWords('Caf\u00e9')).toBe('Caf\u00e9'); // one latin1 byte: not UTF-8
    expect(decodeEncodedWords('plain')).toBe('plain');
  });
});

describe('Content-Type', () => {
  it('is text/plain when absent or empty', () => {
    expect(parseContentType(undefined)).toEqual({ type: 'text/plain', params: new Map() });
    expect(parseContentType('  ; charset=utf-8').type).toBe('text/plain');
  });

  it('lower-cases the type and parameter names, unquotes values, and splits only outside quotes', () => {
    const { type, params } = parseContentType(
      'Multipart/Related; BOUNDARY="a;b \\"c\\""; type=text/html; charset = UTF-8 ; junk; empty=""',
    );
    expect(type).toBe('multipart/related');
    expect([...params]).toEqual([
      ['boundary', 'a;b "c"'],
      ['type', 'text/html'],
      ['charset', 'UTF-8'],
      ['empty', ''],
    ]);
    // An escaped quote does not end the quoted value: the `;` after it is still inside.
    expect([...parseContentType('text/html; a="x\\";y"; b=1').params]).toEqual([
      ['a', 'x";y'],
      ['b', '1'],
    ]);
    // A lone quote is a value, not an empty quoted string.
    expect(parseContentType('text/html; a="').params.get('a')).toBe('"');
  });
});

describe('quoted-printable', () => {
  it('decodes =XX in either case and removes soft line breaks, with spaces before the break', () => {
    expect(qp('caf=C3=A9 =e2=82=ac')).toBe(text(Buffer.from('café €', 'utf8')));
    expect(qp('one=\r\ntwo=  \r\nthree=\nfour=\t\nfive')).toBe('onetwothreefourfive');
    // A high digit of 0 is a digit: =0A is a line feed, =09 a tab.
    expect(qp('a=0Ab=09c')).toBe('a\nb\tc');
  });

  it('keeps a stray = and what follows it', () => {
    expect(qp('a=zz b=4')).toBe('a=zz b=4');
    expect(qp('end=')).toBe('end=');
    expect(qp('x=0g')).toBe('x=0g');
    expect(qp('=3D=3d')).toBe('==');
    expect(qp('==41')).toBe('=A');
  });
});

describe('messages', () => {
  const message = (headers: string, body: string) => latin1(`${headers}\r\n\r\n${body}`);

  it('is one part when not multipart, its transfer encoding undone', () => {
    const b64 = parseMime(
      message('Content-Type: text/html\r\nContent-Transfer-Encoding:  Base64 ', 'PGI+\r\naGk8\r\nL2I+'),
    );
    expect(b64.type).toBe('text/html');
    expect(b64.parts.map((p) => text(p.body))).toEqual(['<b>hi</b>']);
    const q = parseMime(message('Content-Transfer-Encoding: quoted-printable', 'a=3Db=\r\nc'));
    expect([q.type, text(q.parts[0]!.body)]).toEqual(['text/plain', 'a=bc']);
    const raw = parseMime(message('Content-Transfer-Encoding: 8bit', 'a=3Db'));
    expect(text(raw.parts[0]!.body)).toBe('a=3Db');
    // No blank line at all: all head, no body.
    expect(parseMime(latin1('Content-Type: text/html')).parts[0]!.body).toHaveLength(0);
  });

  it('splits a multipart body at its boundary lines only, dropping preamble and epilogue', () => {
    const body = [
      'preamble --b not a boundary',
      '--b',
      'Content-Type: text/html',
      '',
      'first --b inside a line',
      '--bb is a longer boundary, not ours',
      '--b   ',
      '',
      'second',
      '--b--',
      'epilogue',
    ].join('\r\n');
    const msg = parseMime(message('Content-Type: multipart/related; boundary=b', body));
    expect(msg.type).toBe('multipart/related');
    expect(msg.params.get('boundary')).toBe('b');
    expect(msg.parts.map((p) => [p.type, text(p.body)])).toEqual([
      ['text/html', 'first --b inside a line\r\n--bb is a longer boundary, not ours'],
      ['text/plain', 'second'],
    ]);
  });

  it('flattens nested multiparts, with LF line ends, and keeps the last part of a file cut short', () => {
    const body = [
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      '',
      'plain',
      '--inner',
      'Content-Type: text/html',
      '',
      '<p>html</p>',
      '--inner--',
      '--outer',
      'Content-Type: image/png',
      '',
      'PNG bytes, and no closing line',
    ].join('\n');
    const msg = parseMime(latin1(`Content-Type: multipart/mixed; boundary=outer\n\n${body}`));
    expect(msg.parts.map((p) => [p.type, text(p.body)])).toEqual([
      ['text/plain', 'plain'],
      ['text/html', '<p>html</p>'],
      ['image/png', 'PNG bytes, and no closing line'],
    ]);
  });

  it('stops nesting at depth 8: deeper multiparts stay one part', () => {
    let body = 'Content-Type: text/plain\n\nleaf';
    for (let depth = 9; depth >= 1; depth--)
      body = `Content-Type: multipart/mixed; boundary=b${depth}\n\n--b${depth}\n${body}\n--b${depth}--`;
    const msg = parseMime(latin1(body));
    expect(msg.parts).toHaveLength(1);
    expect(msg.parts[0]!.type).toBe('multipart/mixed');
    expect(msg.parts[0]!.params.get('boundary')).toBe('b9');
  });

  it('a multipart without a boundary, or a boundary that never comes, gives what it can', () => {
    expect(parseMime(message('Content-Type: multipart/related', 'body')).parts.map((p) => p.type)).toEqual([
      'multipart/related',
    ]);
    expect(
      parseMime(message('Content-Type: multipart/related; boundary=zz', 'no part at all')).parts,
    ).toEqual([]);
    // An empty part between two boundary lines is an empty part.
    const empty = parseMime(
      message('Content-Type: multipart/related; boundary=b', '--b\r\n--b\r\n\r\nx\r\n--b--'),
    );
    expect(empty.parts.map((p) => text(p.body))).toEqual(['', 'x']);
  });
});

describe('telling a MIME message by its start', () => {
  it('needs a header line first and a Content-Type among the headers', () => {
    expect(
      mimeHeadOf('\uFEFFFrom: <Saved by Blink>\r\nContent-Type: multipart/related\r\n\r\nbody')?.get('from'),
    ).toBe('<Saved by Blink>');
    expect(mimeHeadOf('MIME-Version: 1.0\nSubject: no type\n\nbody')).toBeNull();
    expect(mimeHeadOf(' Content-Type: text/html\n\n')).toBeNull();
    expect(mimeHeadOf('<html>Content-Type: text/html</html>')).toBeNull();
    // Only a BOM at the very start goes; one inside a header value is the value's.
    expect(mimeHeadOf('X-A: a\uFEFFb\nContent-Type: text/html\n\n')?.get('x-a')).toBe('a\uFEFFb');
    // Only the first 16 KiB are read: a Content-Type after them is not seen.
    expect(mimeHeadOf(`X-Pad: ${'x'.repeat(16_400)}\nContent-Type: text/html\n\n`)).toBeNull();
  });
});

describe('telling an MHTML save from other MIME', () => {
  const save = (head: string, htmlHeader = 'Content-Type: text/html') =>
    Buffer.from(`${head}\r\n\r\n--b\r\n${htmlHeader}\r\n\r\n<p>page</p>\r\n--b--\r\n`, 'latin1');
  const RELATED = 'Content-Type: multipart/related; boundary=b';

  it('takes a multipart/related message with an HTML part, its type header first or not, with a BOM or not', () => {
    expect(looksLikeMhtml(save(RELATED))).toBe(true);
    expect(looksLikeMhtml(save(`From: <Saved by Blink>\r\n${RELATED}`))).toBe(true);
    expect(looksLikeMhtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), save(RELATED)]))).toBe(true);
    // Two of the three BOM bytes are no BOM: the file does not start with a header.
    expect(looksLikeMhtml(Buffer.concat([Buffer.from([0xef, 0xbb]), save(RELATED)]))).toBe(false);
    expect(looksLikeMhtml(Buffer.concat([Buffer.from([0xbb, 0xbf]), save(RELATED)]))).toBe(false);
    expect(looksLikeMhtml(Buffer.concat([Buffer.from([0xef, 0x41, 0xbf]), save(RELATED)]))).toBe(false);
    expect(looksLikeMhtml(save(RELATED, 'Content-Type:text/html'))).toBe(true);
    expect(looksLikeMhtml(save(RELATED, 'content-type: application/xhtml+xml'))).toBe(true);
    expect(looksLikeMhtml(save(RELATED, 'Content-Type: text/plain'))).toBe(false);
  });

  it('takes a one-part HTML save only with a MIME-Version, and no other multipart', () => {
    const single = (head: string) => Buffer.from(`${head}\r\n\r\n<p>page</p>`, 'latin1');
    expect(looksLikeMhtml(single('MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8'))).toBe(true);
    expect(looksLikeMhtml(single('Subject: x\r\nContent-Type: text/html'))).toBe(false);
    expect(looksLikeMhtml(single('MIME-Version: 1.0\r\nContent-Type: text/plain'))).toBe(false);
    // A mail with an HTML alternative is mail, not a saved page.
    expect(looksLikeMhtml(save('MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b'))).toBe(
      false,
    );
  });
});
