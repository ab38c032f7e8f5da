/**
 * Whether an imported file is an Offprint backup: a zip whose first entry is `offprint-backup.json`. Read from
 * the first local header (the 30 bytes at offset 0 and the name after them), so telling a backup from any other
 * zip costs one small read, and a backup is never handed to the generic zip importer. A file on disk is looked
 * at only when its name ends in `.zip`: an import of many files is bound by file operations, and every other
 * file would pay an extra open for nothing.
 */
import fs from 'node:fs/promises';
import { BACKUP_MANIFEST } from './backup-format';

const LOCAL_HEADER = 0x04034b50;
const HEAD_BYTES = 30 + BACKUP_MANIFEST.length;

export async function isBackupZip(input: {
  name: string;
  path: string | null;
  bytes: Uint8Array | null;
}): Promise<boolean> {
  let head: Uint8Array;
  if (input.bytes) head = input.bytes.subarray(0, HEAD_BYTES);
  else if (input.path && /\.zip$/i.test(input.name)) {
    const handle = await fs.open(input.path, 'r').catch(() => null);
    if (!handle) return false;
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } else return false;
  return firstEntryIsManifest(head);
}

export function firstEntryIsManifest(head: Uint8Array): boolean {
  if (head.length < HEAD_BYTES) return false;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (view.getUint32(0, true) !== LOCAL_HEADER) return false;
  const nameLength = view.getUint16(26, true);
  return (
    nameLength === BACKUP_MANIFEST.length &&
    Buffer.from(head.buffer, head.byteOffset + 30, nameLength).toString('latin1') === BACKUP_MANIFEST
  );
}
