/**
 * Bytes to text the way a careful reader would: a BOM decides (UTF-8, UTF-16LE/BE); otherwise strict
 * UTF-8; otherwise a legacy single-byte charset guessed by `chardet`, decoded with `iconv-lite`, which
 * follows the WHATWG tables (Node 20's own TextDecoder('windows-1252') maps 0x80–0x9F to control
 * characters instead of “smart quotes”, dashes and €). UTF-16 without a BOM is recognised by its NUL bytes.
 * A text with a few stray NULs is decoded without them. Binary data is never decoded as text.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Single-byte charsets chardet may name that we trust it on (and those of DECODE_AS below); anything else, a
 * multi-byte charset included, falls back to windows-1252.
 */
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
  'iso-8859-6',
  'iso-8859-7',
]);

/**
 * ISO charsets decoded as the Windows charset that extends them, as browsers do for Latin-1 and Turkish (WHATWG
 * labels). chardet names Hebrew windows-1255 text ISO-8859-8 whatever its length; the Windows table is a
 * superset of its letters and also reads the vowel points and ₪ that ISO-8859-8 leaves undefined.
 */
const DECODE_AS: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso-8859-8': 'windows-1255',
  'iso-8859-9': 'windows-1254',
};

/** Returns the decoded text, or null when the bytes do not look like text. */
export function decodeText(input: Uint8Array): DecodedText | null {
  let bytes = input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return withoutNulText({ text: iconv.decode(Buffer.from(bytes.subarray(3)), 'utf-8'), encoding: 'utf-8' });
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
  const nul = nulProfile(bytes);
  if (nul.total > 0) {
    const utf16 = utf16WithoutBom(nul);
    if (utf16) return checkText({ text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 });
    // A stray NUL or two in a text file (a bad copy, an editor's slip) is removed, not a reason to refuse it.
    if (nul.total > allowedNul(nul.sampled)) return null;
    bytes = withoutNul(bytes);
  }
  if (looksBinary(bytes)) return null;
  try {
    // NULs past the sampled start are removed here.
    return withoutNulText({ text: utf8.decode(bytes), encoding: 'utf-8' });
  } catch {
    // Not UTF-8: a legacy single-byte file. ISO-8859-1 is decoded as windows-1252, as browsers do.
  }
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  const encoding = DECODE_AS[guess] ?? (LEGACY.has(guess) ? guess : 'windows-1252');
  return checkText({ text: iconv.decode(Buffer.from(bytes), encoding), encoding });
}

/** Text with more NULs than this in its first 8 KiB (half a percent, at least 8) is binary, or UTF-16. */
function allowedNul(sampled: number): number {
  return Math.max(8, sampled * 0.005);
}

function withoutNulText(decoded: DecodedText): DecodedText {
  return decoded.text.includes('\0') ? { ...decoded, text: decoded.text.replace(/\0/g, '') } : decoded;
}

interface NulProfile {
  sampled: number;
  total: number;
  /** NULs at even and at odd offsets: UTF-16 text in a Latin script has one at every other byte. */
  even: number;
  odd: number;
}

function nulProfile(bytes: Uint8Array): NulProfile {
  const end = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { sampled: end, total: even + odd, even, odd };
}

/**
 * UTF-16 without a BOM, recognised by its NUL pattern: a third or more of the code units have a zero high
 * byte, always on the same side. Text in scripts outside Latin-1 has few such bytes and is not recognised.
 */
function utf16WithoutBom(nul: NulProfile): 'utf-16le' | 'utf-16be' | null {
  const units = Math.floor(nul.sampled / 2);
  if (units < 2) return null;
  if (nul.odd >= units / 3 && nul.even <= nul.odd / 20) return 'utf-16le';
  if (nul.even >= units / 3 && nul.odd <= nul.even / 20) return 'utf-16be';
  return null;
}

/** The UTF-16 byte order of BOM-less bytes whose NULs show they are UTF-16, else null. */
export function utf16WithoutBomOf(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const nul = nulProfile(bytes);
  return nul.total > 0 ? utf16WithoutBom(nul) : null;
}

function withoutNul(bytes: Uint8Array): Uint8Array {
  // In UTF-8 and the single-byte charsets a 0x00 byte is always the NUL character, never part of another.
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) out[n++] = bytes[i]!;
  return out.subarray(0, n);
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
  let nul = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  if (sample.length === 0) return decoded;
  if (nul > allowedNul(sample.length) || control / sample.length > 0.02) return null;
  return withoutNulText(decoded);
}
