/**
 * Image types recognised by content, for the files a saved page brings with it. A name or a declared MIME type
 * says nothing: a page naming `notes.txt` or `id_rsa` as an image must not get it stored. SVG is not accepted:
 * it is a document that can hold script, and a stored resource can be opened by URL, outside any `<img>`.
 */

export interface ImageType {
  /** The extension the stored resource gets, so it is served with the type its bytes have. */
  extension: string;
  mediaType: string;
}

const PNG: ImageType = { extension: '.png', mediaType: 'image/png' };
const JPEG: ImageType = { extension: '.jpg', mediaType: 'image/jpeg' };
const GIF: ImageType = { extension: '.gif', mediaType: 'image/gif' };
const WEBP: ImageType = { extension: '.webp', mediaType: 'image/webp' };
const AVIF: ImageType = { extension: '.avif', mediaType: 'image/avif' };
const BMP: ImageType = { extension: '.bmp', mediaType: 'image/bmp' };
const ICO: ImageType = { extension: '.ico', mediaType: 'image/x-icon' };

/** Every type kept, for what serves a stored resource by its extension (library.ts). */
export const IMAGE_TYPES: readonly ImageType[] = [PNG, JPEG, GIF, WEBP, AVIF, BMP, ICO];

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  return bytes.length >= offset + magic.length && magic.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** AVIF is an ISO-BMFF file whose `ftyp` box names `avif` or `avis` as its brand or a compatible one. */
function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, boxSize || bytes.length, 256);
  for (let at = 8; at + 4 <= end; at += 4) {
    if (at === 12) continue; // the minor version, not a brand
    const brand = ascii(bytes, at, at + 4);
    if (brand === 'avif' || brand === 'avis') return true;
  }
  return false;
}

/** BMP: `BM`, then a file size no smaller than its 54-byte headers and a known DIB header size. */
function isBmp(bytes: Uint8Array): boolean {
  if (bytes.length < 26 || !startsWith(bytes, [0x42, 0x4d])) return false;
  const dib = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24);
  return [12, 40, 52, 56, 64, 108, 124].includes(dib);
}

/** ICO: reserved 0, type 1, at least one image, each directory entry's reserved byte 0. */
function isIco(bytes: Uint8Array): boolean {
  if (bytes.length < 22 || !startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return false;
  const count = bytes[4]! | (bytes[5]! << 8);
  return count > 0 && bytes[9] === 0;
}

/** The image type of the bytes, or null when they are not an image Offprint keeps. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61])
  )
    return GIF;
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return WEBP;
  if (isAvif(bytes)) return AVIF;
  if (isBmp(bytes)) return BMP;
  if (isIco(bytes)) return ICO;
  return null;
}

/** `name` with the extension of its content type (`photo.jpeg` → `photo.jpg`, `notes.txt` → `notes.png`). */
export function nameWithExtension(name: string, type: ImageType): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem || 'image'}${type.extension}`;
}
