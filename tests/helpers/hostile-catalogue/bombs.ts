/**
 * Writers for archives that lie: a zip writer that takes entries already deflated (so one compressed block serves
 * a hundred entries), declared sizes that differ from the data, and Unix symbolic-link entries; and a deflate
 * stream of N repeated bytes built by repeating one fully flushed block, so a gigabyte bomb costs a second to make.
 */
import zlib from 'node:zlib';

export interface RawZipEntry {
  name: string;
  /** The stored bytes (deflated when `method` is 8). */
  body: Buffer;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the archive declares (may lie). */
  declaredSize: number;
  /** A Unix symbolic link (mode 0120777) instead of a file. */
  symlink?: boolean;
}

export function crc32(data: Buffer, previous = 0): number {
  return zlib.crc32(data, previous) >>> 0;
}

export function deflatedEntry(name: string, data: Buffer | string): RawZipEntry {
  const bytes = Buffer.from(data);
  return {
    name,
    body: zlib.deflateRawSync(bytes, { level: 9 }),
    method: 8,
    crc: crc32(bytes),
    declaredSize: bytes.length,
  };
}

export function storedEntry(name: string, data: Buffer | string): RawZipEntry {
  const bytes = Buffer.from(data);
  return { name, body: bytes, method: 0, crc: crc32(bytes), declaredSize: bytes.length };
}

export function writeZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.symlink ? 0x0314 : 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.body.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(e.symlink ? (0o120777 << 16) >>> 0 : 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.body);
    centrals.push(central, name);
    offset += local.length + name.length + e.body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Raw deflate of `times` copies of `chunk`, with the CRC-32 and length of what it inflates to. */
export function repeatedDeflate(chunk: Buffer, times: number): { body: Buffer; crc: number; size: number } {
  // After a full flush the compressor forgets its window, so each copy of the block decodes on its own.
  const block = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const last = Buffer.from([0x03, 0x00]); // an empty final block
  let crc = 0;
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  const blocks: Buffer[] = new Array<Buffer>(times).fill(block);
  return { body: Buffer.concat([...blocks, last]), crc, size: chunk.length * times };
}

/** A gzip member of `times` copies of `chunk`. */
export function repeatedGzip(chunk: Buffer, times: number): Buffer {
  const { body, crc, size } = repeatedDeflate(chunk, times);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  return Buffer.concat([header, body, trailer]);
}
