/** Content sniffing shared by all importers: binary kinds by magic number, and text decoding. */
import path from 'node:path';
import { decodeText } from './decode-text';
import type { SniffedContent } from './importer';

const MAGIC: Array<[string, number[], number?]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['empty zip archive', [0x50, 0x4b, 0x05, 0x06]],
  ['gzip-compressed file', [0x1f, 0x8b]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Windows executable', [0x4d, 0x5a]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['WebP image', [0x57, 0x45, 0x42, 0x50], 8],
  ['MP3 audio', [0x49, 0x44, 0x33]],
  ['Microsoft Office document', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

export function binaryKind(bytes: Uint8Array): string | null {
  for (const [kind, magic, offset = 0] of MAGIC) {
    if (magic.every((b, i) => bytes[offset + i] === b)) return kind;
  }
  return null;
}

export function sniff(name: string, bytes: Uint8Array): SniffedContent {
  const extension = path.extname(name).slice(1).toLowerCase();
  const kind = binaryKind(bytes);
  // "MZ" and "ID3" are common two- or three-letter starts of text too: only trust them when the rest is not text.
  const decoded = kind && kind !== 'Windows executable' && kind !== 'MP3 audio' ? null : decodeText(bytes);
  return {
    binaryKind: decoded ? null : (kind ?? (bytes.length > 0 ? 'binary data' : null)),
    text: decoded?.text ?? null,
    encoding: decoded?.encoding ?? null,
    extension,
  };
}
