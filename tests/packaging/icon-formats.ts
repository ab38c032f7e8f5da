/** Just enough of PNG, ICO and ICNS to read which image sizes a file holds, for the packaging tests. */

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** Width and height from the IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.subarray(0, 8).toString('hex') !== PNG_SIGNATURE || bytes.toString('ascii', 12, 16) !== 'IHDR')
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface IcoImage {
  size: number;
  format: 'png' | 'bmp';
}

/** The images of an .ico, with the size each really has (read from the PNG or the bitmap header). */
export function icoImages(bytes: Buffer): IcoImage[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an icon file');
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    const image = bytes.subarray(offset, offset + length);
    const png = pngSize(image);
    const size = png ? png.width : image.readInt32LE(4);
    // The directory says 0 for 256; it must agree with the image itself.
    if ((bytes[entry] || 256) !== size) throw new Error(`entry ${i} says ${bytes[entry]}, image is ${size}`);
    return { size, format: png ? 'png' : 'bmp' };
  });
}

/** The entries of an .icns as [OSType, PNG width]; throws when a length does not add up. */
export function icnsEntries(bytes: Buffer): Array<[string, number]> {
  if (bytes.toString('ascii', 0, 4) !== 'icns' || bytes.readUInt32BE(4) !== bytes.length) {
    throw new Error('not an icns file');
  }
  const entries: Array<[string, number]> = [];
  for (let offset = 8; offset < bytes.length;) {
    const type = bytes.toString('ascii', offset, offset + 4);
    const length = bytes.readUInt32BE(offset + 4);
    const png = pngSize(bytes.subarray(offset + 8, offset + length));
    if (!png) throw new Error(`icns entry ${type} is not a PNG`);
    entries.push([type, png.width]);
    offset += length;
  }
  return entries;
}
