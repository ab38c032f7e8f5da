/**
 * `GET /backup` in browser mode: the library's backup as a download. The zip is written to a private temporary
 * folder first (the backup is a whole file, fsynced, before a byte is sent), streamed, then removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ServerResponse } from 'node:http';
import type { OffprintApi } from '../../common/api';

export async function sendBackup(
  res: ServerResponse,
  library: Pick<OffprintApi, 'backup'>,
  headers: Record<string, string>,
): Promise<void> {
  // mkdtemp makes the folder readable by this user only.
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'offprint-backup-'));
  try {
    const name = `offprint-backup-${new Date().toISOString().slice(0, 10)}.zip`;
    const result = await library.backup({ path: path.join(dir, name) });
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'application/zip',
      'Content-Length': String(result.bytes),
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });
    await pipeline(fs.createReadStream(result.path), res);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
