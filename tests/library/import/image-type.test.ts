/**
 * Image types by content, called directly: each kept type recognised by its signature and only by it (one byte
 * off is no image), SVG and other documents never taken for images, and the stored name's extension following
 * the content. local-resources.test.ts and mhtml.test.ts check the same through saved pages.
 */
import { describe, expect, it } from 'vitest';
import { imageTypeOf, nameWithExtension } from '../../../main/library/import/image-type';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const pad = (b: Uint8Array, length: number) => {
  const out = new Uint8Array(Math.max(length, b.length));
  out.set(b);
  return out;
};

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], [0, 16]);
const GIF87 = bytes('GIF87a', [1, 0, 1, 0]);
const GIF89 = bytes('GIF89a', [1, 0, 1, 0]);
const WEBP = bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 ');
/** An ISO-BMFF ftyp box of `size` bytes: major brand, minor version, then compatible brands. */
const ftyp = (major: string, minor: string, compatible: string[], size = 16 + 4 * compatible.length) =>
  bytes([0, 0, 0, size], 'ftyp', major, minor, ...compatible);
/** A BMP header whose DIB header declares `dib` bytes. */
const bmp = (dib: number) => pad(bytes('BM', [0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0], [dib, 0, 0, 0]), 26);
/** An ICO header with `count` images and its first entry's reserved byte. */
const ico = (count: number, reserved = 0) => pad(bytes([0, 0, 1, 0, count, 0], [16, 16, 0, reserved]), 22);

describe('imageTypeOf', () => {
  it('recognises each kept type by its signature, with the extension and media type it is served with', () => {
    const cases: [Uint8Array, string, string][] = [
      [PNG, '.png', 'image/png'],
      [JPEG, '.jpg', 'image/jpeg'],
      [GIF87, '.gif', 'image/gif'],
      [GIF89, '.gif', 'image/gif'],
      [WEBP, '.webp', 'image/webp'],
      [ftyp('avif', 'mif1', ['mif1', 'miaf']), '.avif', 'image/avif'],
      [ftyp('mif1', '\0\0\0\0', ['avif']), '.avif', 'image/avif'],
      [ftyp('avis', '\0\0\0\0', []), '.avif', 'image/avif'],
      [bmp(40), '.bmp', 'image/bmp'],
      [ico(1), '.ico', 'image/x-icon'],
    ];
    for (const [b, extension, mediaType] of cases)
      expect(imageTypeOf(b), `${extension} ${Buffer.from(b).toString('latin1')}`).toEqual({
        extension,
        mediaType,
      });
    for (const dib of [12, 40, 52, 56, 64, 108, 124])
      expect(imageTypeOf(bmp(dib))?.extension, String(dib)).toBe('.bmp');
  });

  it('takes nothing a byte off a signature, or cut short', () => {
    for (const [b, at] of [
      [PNG, 7],
      [PNG, 0],
      [JPEG, 2],
      [GIF89, 4],
      [GIF89, 5],
      [WEBP, 3],
      [WEBP, 8],
      [WEBP, 11],
    ] as const) {
      const off = Uint8Array.from(b);
      off[at] = off[at]! ^ 0x01;
      expect(imageTypeOf(off), `byte ${at}`).toBeNull();
    }
    expect(imageTypeOf(PNG.subarray(0, 7))).toBeNull();
    expect(imageTypeOf(JPEG.subarray(0, 2))).toBeNull();
    expect(imageTypeOf(bytes('GIF88a', [0, 0]))).toBeNull();
    expect(imageTypeOf(bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(imageTypeOf(new Uint8Array())).toBeNull();
  });

  it('takes AVIF only from an ftyp box naming avif or avis as a brand, never as the minor version', () => {
    expect(imageTypeOf(ftyp('mif1', 'avif', ['mif1']))).toBeNull();
    expect(imageTypeOf(ftyp('isom', '\0\0\0\0', ['mp41', 'isom']))).toBeNull(); // an MP4 video
    expect(imageTypeOf(bytes([0, 0, 0, 16], 'ftip', 'avif', '\0\0\0\0'))).toBeNull();
    // A brand past the box's end is not the box's; a box size of 0 runs to the end of the file.
    expect(imageTypeOf(ftyp('mif1', '\0\0\0\0', ['miaf', 'avif'], 20))).toBeNull();
    expect(imageTypeOf(ftyp('mif1', '\0\0\0\0', ['miaf', 'avif'], 24))?.extension).toBe('.avif');
    expect(imageTypeOf(ftyp('mif1', '\0\0\0\0', ['miaf', 'avif'], 0))?.extension).toBe('.avif');
    // Brands are read within the first 256 bytes only.
    const far = ftyp('mif1', '\0\0\0\0', [...Array(60).fill('miaf'), 'avif'], 0);
    expect(imageTypeOf(far)).toBeNull();
    const near = ftyp('mif1', '\0\0\0\0', [...Array(59).fill('miaf'), 'avif'], 0);
    expect(imageTypeOf(near)?.extension).toBe('.avif');
    expect(imageTypeOf(ftyp('avif', '\0\0\0\0', []).subarray(0, 15))).toBeNull();
  });

  it('takes BMP and ICO only with headers that make sense', () => {
    for (const dib of [0, 13, 39, 41, 125]) expect(imageTypeOf(bmp(dib)), String(dib)).toBeNull();
    expect(imageTypeOf(bmp(40).subarray(0, 25))).toBeNull();
    expect(imageTypeOf(bytes('BM and then some plain text'))).toBeNull();
    expect(imageTypeOf(ico(0))).toBeNull();
    expect(imageTypeOf(ico(1, 1))).toBeNull();
    expect(imageTypeOf(ico(1).subarray(0, 21))).toBeNull();
    expect(imageTypeOf(ico(3))?.extension).toBe('.ico');
    // Their signatures count too: the same headers after other first bytes are no image.
    const notBm = bmp(40);
    notBm[0] = 0x58; // 'X'
    expect(imageTypeOf(notBm)).toBeNull();
    const notIco = ico(1);
    notIco[2] = 0x02; // type 2 is a cursor
    expect(imageTypeOf(notIco)).toBeNull();
  });

  it('never takes a document for an image, whatever it claims', () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0"?><svg/>',
      '<!doctype html><img src=x onerror=alert(1)>',
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      '%PDF-1.7',
    ])
      expect(imageTypeOf(bytes(text)), text).toBeNull();
  });
});

describe('nameWithExtension', () => {
  it("gives a stored image its content's extension, keeping the name's stem", () => {
    const png = imageTypeOf(PNG)!;
    const jpeg = imageTypeOf(JPEG)!;
    expect(nameWithExtension('photo.jpeg', jpeg)).toBe('photo.jpg');
    expect(nameWithExtension('notes.txt', png)).toBe('notes.png');
    expect(nameWithExtension('archive.tar.gz', png)).toBe('archive.tar.png');
    expect(nameWithExtension('id_rsa', png)).toBe('id_rsa.png');
    expect(nameWithExtension('.hidden', png)).toBe('.hidden.png');
    expect(nameWithExtension('', png)).toBe('image.png');
    expect(nameWithExtension('.', png)).toBe('..png');
  });
});
