/**
 * The entry names of a zip archive, read synchronously from its central directory: enough for an importer's
 * `accepts` to recognise an export's layout (Omnivore's `metadata_*.json` + `content/`) before anything is
 * unpacked. Null when the directory cannot be found (damaged, Zip64): the archive is then read as a plain zip.
 */
import iconv from 'iconv-lite';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const last = bytes.length - 22;
  let eocd = -1;
  for (let i = last; i >= 0 && i >= last - 65535; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return null; // Zip64
  const names: string[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return null;
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const raw = Buffer.from(
      bytes.buffer,
      bytes.byteOffset + p + 46,
      Math.min(nameLength, bytes.length - p - 46),
    );
    names.push((flags & 0x800) !== 0 ? raw.toString('utf8') : iconv.decode(raw, 'cp437'));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
