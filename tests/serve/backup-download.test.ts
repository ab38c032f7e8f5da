/**
 * `GET /backup` in browser mode: behind the same access rules as the API (no token, no backup), it downloads
 * the library's backup as an attachment, and that zip restores into a new library with the same articles.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_DOWNLOAD_PATH } from '../../common/export';
import { type Library, openLibrary } from '../../main/library/library';
import { startServer, type RunningServer } from '../../main/serve/server';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';

const TOKEN = 'backup-token-0123456789';
let root: string;
let library: Library;
let server: RunningServer;

beforeAll(async () => {
  root = await tempDir('offprint-backup-serve-');
  await writeFixtures(path.join(root, 'inputs'));
  library = await openLibrary(path.join(root, 'lib'));
  await library.waitForImport(
    (await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: true })).jobId,
  );
  server = await startServer({ library, port: 0, token: TOKEN, staticDir: path.join(root, 'inputs') });
});
afterAll(async () => {
  await server.close();
  await library.close();
  await removeDir(root);
});

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    },
  );
}

describe('GET /backup', () => {
  it('is refused without the access token', async () => {
    const r = await get(`${server.url}${BACKUP_DOWNLOAD_PATH.slice(1)}`);
    expect(r.status).toBe(403);
    expect(r.body.toString()).toMatch(/access token is required/);
    const wrong = await get(`${server.url}backup`, { authorization: `Bearer ${'x'.repeat(TOKEN.length)}` });
    expect(wrong.status).toBe(403);
  });

  it('downloads the backup as an attachment that restores into a new library', async () => {
    const r = await get(`${server.url}backup`, { authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toMatch(
      /^attachment; filename="offprint-backup-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    // The first entry's local header names the manifest.
    expect(r.body.subarray(30, 30 + 'offprint-backup.json'.length).toString()).toBe('offprint-backup.json');
    const zip = path.join(root, 'downloaded.zip');
    await fs.writeFile(zip, r.body);
    const restored = await openLibrary(path.join(root, 'restored'));
    try {
      const job = await restored.importPaths({ paths: [zip], folderTags: false });
      const done = await restored.waitForImport(job.jobId);
      expect(done.report!.failed).toEqual([]);
      const ids = (list: Awaited<ReturnType<Library['list']>>) => list.map((a) => a.id).sort();
      expect(ids(await restored.list({}))).toEqual(ids(await library.list({})));
    } finally {
      await restored.close();
    }
  });

  it('is not an API method over HTTP: the server names no path to write to', async () => {
    const r = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${server.url}api/backup`,
        { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } },
        (res) => (res.resume(), resolve(res.statusCode!)),
      );
      req.on('error', reject);
      req.end(JSON.stringify({ path: path.join(root, 'x.zip') }));
    });
    expect(r).toBe(403);
  });
});
