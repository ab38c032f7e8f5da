/**
 * Bytes of an HTML page to text the way a browser decodes them: a BOM decides; then the charset a transport
 * layer names (a WARC record's HTTP Content-Type, an MHTML part), as browsers let HTTP win over the page;
 * then a `<meta charset>` / `http-equiv` prescan of the first 1024 bytes (html-encoding-sniffer, the WHATWG
 * algorithm); then strict UTF-8; then a legacy charset guessed by chardet. Decoding goes through iconv-lite because Node 20's TextDecoder
 * maps windows-1252 0x80–0x9F to control characters.
 */
import htmlEncodingSniffer from 'html-encoding-sniffer';
import iconv from 'iconv-lite';
import { decodeText, utf16WithoutBomOf } from './decode-text';

export interface DecodedHtml {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null): DecodedHtml {
  // UTF-16 saved without a BOM (Windows tools): every other byte is NUL, which no other reading survives.
  const utf16 = bomLength(bytes) === 0 ? utf16WithoutBomOf(bytes) : null;
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 };
  // Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the page claims: saved pages are
  // re-encoded as UTF-8 by browsers and tools that keep the old `<meta charset>` (measured in libraries.md:
  // strict UTF-8 before the prescan reads 9 of 9 samples right; a legacy multi-byte text almost never
  // validates as UTF-8).
  if (bomLength(bytes) === 0 && !isAscii(bytes)) {
    try {
      return { text: utf8.decode(bytes), encoding: 'utf-8' };
    } catch {
      // Not UTF-8: the declared charset decides.
    }
  }
  // An empty default tells "the prescan found nothing" apart from a real answer.
  const label = htmlEncodingSniffer(bytes, {
    defaultEncoding: '',
    transportLayerEncodingLabel: transportCharset?.trim() || undefined,
  });
  if (label) {
    const name = usableEncoding(label);
    if (name) {
      const bom = bomLength(bytes);
      return { text: iconv.decode(Buffer.from(bytes.subarray(bom)), name), encoding: name };
    }
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to the legacy guess.
  }
  const decoded = decodeText(bytes);
  if (decoded) return decoded;
  return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
}

/** The iconv-lite name for a charset label, or null when unknown. A page that claims UTF-16 without a BOM is UTF-8 (WHATWG). */
function usableEncoding(label: string): string | null {
  const lower = label.toLowerCase();
  if (/^utf-?16/.test(lower) && !lower.endsWith('le') && !lower.endsWith('be')) return 'utf-8';
  if (lower === 'iso-8859-1' || lower === 'latin1' || lower === 'us-ascii' || lower === 'ascii')
    return 'windows-1252';
  if (lower === 'x-user-defined') return null;
  return iconv.encodingExists(lower) ? lower : null;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

function bomLength(bytes: Uint8Array): number {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 2;
  return 0;
}
