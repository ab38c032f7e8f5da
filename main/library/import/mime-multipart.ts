/**
 * A small MIME reader for saved pages (MHTML, `.mht`): headers with folded lines and RFC 2047 encoded words,
 * `multipart/*` bodies split at their boundary (nested multiparts flattened), and the `base64`,
 * `quoted-printable`, `7bit`, `8bit` and `binary` transfer encodings. Everything works on bytes, so a part's
 * charset is applied only when its text is decoded, by the caller. Not a mail parser: no attachments logic,
 * no address parsing.
 */
import iconv from 'iconv-lite';

export interface MimePart {
  /** Header names lower-cased; a repeated header keeps its first value. */
  headers: Map<string, string>;
  /** Lower-case MIME type (`text/html`), `text/plain` when absent (RFC 2045 default). */
  type: string;
  params: Map<string, string>;
  /** The body with its transfer encoding undone. */
  body: Uint8Array;
}

export interface MimeMessage {
  headers: Map<string, string>;
  type: string;
  params: Map<string, string>;
  /** The leaf parts in document order (a single-part message is one part). */
  parts: MimePart[];
}

const MAX_DEPTH = 8;

/**
 * Splits `bytes` (as a latin1 string, one char per byte) at the first blank line. A part with no headers starts
 * with that blank line (`--boundary` CRLF CRLF body): its head is empty, not the whole part.
 */
function splitHead(raw: string): { head: string; body: string } {
  const m = /(?:^|\r?\n)\r?\n/.exec(raw);
  if (!m) return { head: raw, body: '' };
  return { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) };
}

/** Header lines, unfolded, to a map; values have RFC 2047 encoded words decoded. */
export function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name) || headers.has(name)) continue;
    headers.set(name, decodeEncodedWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** `=?utf-8?Q?caf=C3=A9?=` and `=?iso-8859-1?B?...?=` to text; the raw header is latin1 here. */
export function decodeEncodedWords(value: string): string {
  const decoded = value.replace(
    /=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=(?:\s+(?==\?))?/gi,
    (match, charset: string, enc: string, data: string) => {
      const cs = charset.replace(/\*.*$/, '').toLowerCase();
      if (!iconv.encodingExists(cs)) return match;
      const bytes =
        enc.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64')
          : decodeQuotedPrintable(Buffer.from(data.replace(/_/g, ' '), 'latin1'));
      return iconv.decode(Buffer.from(bytes), cs);
    },
  );
  // Outside encoded words a header is 8-bit as sent; UTF-8 is what tools that break the rule write.
  return /[\x80-\xff]/.test(decoded) && !/=\?/.test(value) ? latin1ToUtf8(decoded) : decoded;
}

function latin1ToUtf8(value: string): string {
  const bytes = Buffer.from(value, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return value;
  }
}

/** `multipart/related; boundary="x"; type=text/html` → type and lower-cased parameter names. */
export function parseContentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  if (!value) return { type: 'text/plain', params };
  const [type = '', ...rest] = splitParams(value);
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq <= 0) continue;
    let v = param.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params.set(param.slice(0, eq).trim().toLowerCase(), v);
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params };
}

/** Splits at `;` outside quotes. */
function splitParams(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && quoted && i + 1 < value.length) {
      current += c + value[++i]!;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** RFC 2045 quoted-printable on bytes: soft line breaks removed, `=XX` to the byte; a stray `=` is kept. */
export function decodeQuotedPrintable(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    if (b !== 0x3d) {
      out[n++] = b;
      continue;
    }
    // Soft line break: `=` then optional trailing whitespace then CRLF or LF.
    let j = i + 1;
    while (data[j] === 0x20 || data[j] === 0x09) j++;
    if (data[j] === 0x0d && data[j + 1] === 0x0a) {
      i = j + 1;
      continue;
    }
    if (data[j] === 0x0a) {
      i = j;
      continue;
    }
    const hi = hexValue(data[i + 1]);
    const lo = hexValue(data[i + 2]);
    if (hi >= 0 && lo >= 0) {
      out[n++] = hi * 16 + lo;
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return out.subarray(0, n);
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

function decodeBody(body: string, encoding: string | undefined): Uint8Array {
  const cte = (encoding ?? '').trim().toLowerCase();
  if (cte === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64');
  const bytes = Buffer.from(body, 'latin1');
  return cte === 'quoted-printable' ? decodeQuotedPrintable(bytes) : bytes;
}

/** The pieces of a multipart body between its boundary lines (preamble and epilogue dropped). */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let start = -1;
  let pos = 0;
  for (;;) {
    const found = body.indexOf(delimiter, pos);
    if (found < 0) break;
    const atLineStart = found === 0 || body[found - 1] === '\n';
    if (!atLineStart) {
      pos = found + delimiter.length;
      continue;
    }
    const afterDelimiter = found + delimiter.length;
    const lineEnd = body.indexOf('\n', afterDelimiter);
    const rest = body.slice(afterDelimiter, lineEnd < 0 ? body.length : lineEnd);
    const closing = rest.startsWith('--');
    if (!closing && rest.trim() !== '') {
      // `--boundaryX`: a longer boundary that merely starts the same way.
      pos = afterDelimiter;
      continue;
    }
    if (start >= 0) {
      // The CRLF before the delimiter belongs to the delimiter.
      let end = found;
      if (body[end - 1] === '\n') end--;
      if (body[end - 1] === '\r') end--;
      parts.push(body.slice(start, Math.max(start, end)));
    }
    if (closing) return parts;
    start = lineEnd < 0 ? body.length : lineEnd + 1;
    pos = start;
  }
  // No closing delimiter (a truncated file): keep what the last part holds.
  if (start >= 0 && start < body.length) parts.push(body.slice(start));
  return parts;
}

function collectParts(raw: string, depth: number, out: MimePart[]): void {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const { type, params } = parseContentType(headers.get('content-type'));
  const boundary = params.get('boundary');
  if (type.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    for (const piece of splitMultipart(body, boundary)) collectParts(piece, depth + 1, out);
    return;
  }
  out.push({ headers, type, params, body: decodeBody(body, headers.get('content-transfer-encoding')) });
}

export function parseMime(bytes: Uint8Array): MimeMessage {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const { head } = splitHead(raw);
  const headers = parseHeaders(head);
  const { type, params } = parseContentType(headers.get('content-type'));
  const parts: MimePart[] = [];
  collectParts(raw, 0, parts);
  return { headers, type, params, parts };
}

/** The top-level header block of a text that starts like a MIME message, or null. */
export function mimeHeadOf(text: string): Map<string, string> | null {
  const start = text.replace(/^\uFEFF/, '').slice(0, 16384);
  if (!/^[A-Za-z][\w-]*:/.test(start)) return null;
  const { head } = splitHead(start);
  const headers = parseHeaders(head);
  return headers.has('content-type') ? headers : null;
}
