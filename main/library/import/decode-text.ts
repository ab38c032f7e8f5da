/**
 * Bytes to text the way a careful reader would: a BOM decides (UTF-8, UTF-16LE/BE); otherwise strict
 * UTF-8; otherwise a legacy single-byte charset guessed by `chardet`, decoded with `iconv-lite`, which
 * follows the WHATWG tables (Node 20's own TextDecoder('windows-1252') maps 0x80–0x9F to control
 * characters instead of “smart quotes”, dashes and €). Binary data is never decoded as text.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Single-byte charsets chardet may name that we trust it on; anything else falls back to windows-1252. */
const LEGACY = new Set([
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'koi8-r',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-7',
  'iso-8859-9',
]);

/** Returns the decoded text, or null when the bytes do not look like text. */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(3)), 'utf-8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checkText({
      text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'),
      encoding: 'utf-16le',
    });
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checkText({
      text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'),
      encoding: 'utf-16be',
    });
  }
  if (looksBinary(bytes)) return null;
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy single-byte file. ISO-8859-1 is decoded as windows-1252, as browsers do.
  }
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  const encoding = guess === 'iso-8859-1' || !LEGACY.has(guess) ? 'windows-1252' : guess;
  return checkText({ text: iconv.decode(Buffer.from(bytes), encoding), encoding });
}

/**
 * Text files have no NUL bytes and few C0 control characters; binary files have plenty of both.
 * Only the first 8 KiB are examined, as `file` and git do.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return end > 0 && control / end > 0.02;
}

function checkText(decoded: DecodedText): DecodedText | null {
  const sample = decoded.text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return null;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02 ? null : decoded;
}
