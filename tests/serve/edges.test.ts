/**
 * The server's edges: a short or empty token refused at start (by the command too) with the minimum length
 * stated; a body over the limit answered 413 before it is read or parsed, the server staying up; uploads
 * larger than any JSON body streamed to disk and imported; and a costly search over HTTP never holding up a
 * trivial request sent after it.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../common/search';
import { UPLOAD_CONTENT_TYPE, UPLOAD_PATH } from '../../common/upload';
import { type Library, openLibrary } from '../../main/library/library';
import { MIN_TOKEN_LENGTH } from '../../main/serve/access';
import { MAX_JSON_BODY, type RunningServer, startServer } from '../../main/serve/server';
import { COSTLY_QUERIES, writeCostlyInputs } from '../helpers/costly-library';
import { exists, removeDir, tempDir } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';

let root: string;
let library: Library;
let server: RunningServer;

beforeAll(async () => {
  root = await tempDir();
  await writeCostlyInputs(path.join(root, 'inputs'));
  library = await openLibrary(path.join(root, 'lib'));
  const job = await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: true });
  await library.waitForImport(job.jobId);
  server = await startServer({ library, port: 0, staticDir: path.join(root, 'inputs') });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await library?.close();
  await removeDir(root);
});

interface Answer {
  status: number;
  body: string;
}

/**
 * A request whose body is written in pieces (or never, when the server answers first); the answer is taken as
 * soon as it comes, even if the server then closes the connection under the rest of the body.
 */
function send(
  url: string,
  headers: Record<string, string | number>,
  body: { chunks: number; chunk: Buffer } | Buffer | null,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      res.on('error', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (headers.expect === '100-continue') {
      // Nothing is sent unless the server says so.
      req.on('continue', () => req.end(body as Buffer));
      return;
    }
    if (body === null || Buffer.isBuffer(body)) {
      req.end(body ?? undefined);
      return;
    }
    let sent = 0;
    const more = () => {
      while (sent < body.chunks && !answered && !req.destroyed) {
        sent++;
        if (!req.write(body.chunk)) return void req.once('drain', more);
      }
      req.end();
    };
    more();
  });
}

/** Staging folders of uploads in the temporary folder. */
async function stagedUploads(): Promise<string[]> {
  return (await fs.readdir(os.tmpdir())).filter((n) => n.startsWith('offprint-upload-'));
}

const api = (method: string, args: unknown) =>
  send(
    `${server.url}api/${method}`,
    { 'content-type': 'application/json' },
    Buffer.from(JSON.stringify(args)),
  );

async function stillUp(): Promise<void> {
  const info = await api('libraryInfo', {});
  expect(info.status).toBe(200);
  expect(JSON.parse(info.body).value.articles).toBeGreaterThan(0);
}

describe('the access token', () => {
  it.each([
    ['empty', ''],
    ['short', 'x'.repeat(MIN_TOKEN_LENGTH - 1)],
  ])('refuses an %s token at start, stating the minimum length', async (_, token) => {
    await expect(startServer({ library, host: '0.0.0.0', port: 0, token })).rejects.toThrow(
      `--token must be at least ${MIN_TOKEN_LENGTH} characters long`,
    );
    await expect(startServer({ library, port: 0, token })).rejects.toThrow(/at least 16 characters/);
  });

  it('accepts a token of the minimum length, and generates a longer one', async () => {
    const given = await startServer({
      library,
      host: '0.0.0.0',
      port: 0,
      token: 'k'.repeat(MIN_TOKEN_LENGTH),
    });
    await given.close();
    const generated = await startServer({ library, host: '0.0.0.0', port: 0 });
    expect(generated.token!.length).toBeGreaterThanOrEqual(MIN_TOKEN_LENGTH);
    await generated.close();
  });

  it('is refused by `offprint serve` before anything is opened or created', async () => {
    for (const token of ['', 'short']) {
      const dir = path.join(root, `never-${token.length}`);
      const r = await runCli([
        'serve',
        '--library',
        dir,
        '--host',
        '0.0.0.0',
        '--port',
        '0',
        '--token',
        token,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^offprint serve: --token must be at least 16 characters long/);
      expect(await exists(dir)).toBe(false);
    }
  }, 60_000);
});

describe('request bodies', () => {
  const oversized = MAX_JSON_BODY + 1024 * 1024;
  const json = { 'content-type': 'application/json' };

  it('answers 413 to a declared length over the limit, without the body ever being sent', async () => {
    const r = await send(
      `${server.url}api/search`,
      { ...json, 'content-length': oversized, expect: '100-continue' },
      Buffer.alloc(oversized, 32),
    );
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(/larger than the 8 MiB this server accepts/);
    await stillUp();
  });

  it('answers 413 while a declared-too-large body is being sent, and while an undeclared one is', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 32);
    const chunks = Math.ceil(oversized / chunk.length);
    const declared = await send(
      `${server.url}api/search`,
      { ...json, 'content-length': oversized },
      {
        chunks,
        chunk,
      },
    );
    expect(declared.status).toBe(413);
    await stillUp();
    // Chunked: no length is known until the limit is passed.
    const chunked = await send(
      `${server.url}api/search`,
      { ...json, 'transfer-encoding': 'chunked' },
      {
        chunks,
        chunk,
      },
    );
    expect(chunked.status).toBe(413);
    await stillUp();
  });
});

describe('uploads', () => {
  it('streams a file larger than the JSON limit to disk, imports it, then removes it', async () => {
    const before = new Set(await stagedUploads());
    const paragraph = 'Glaciers retreat as the summers lengthen across the northern valleys.\n\n';
    const text = `Glacier survey of the northern valleys\n\n${paragraph.repeat(
      Math.ceil((MAX_JSON_BODY + 2 * 1024 * 1024) / paragraph.length),
    )}`;
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(MAX_JSON_BODY);
    const manifest = Buffer.from(
      `${JSON.stringify({ files: [{ name: 'surveys/glaciers.txt', size: bytes.length }] })}\n`,
    );
    const r = await send(
      `${server.url.replace(/\/$/, '')}${UPLOAD_PATH}`,
      { 'content-type': UPLOAD_CONTENT_TYPE, 'content-length': manifest.length + bytes.length },
      Buffer.concat([manifest, bytes]),
    );
    expect(r.status).toBe(200);
    const progress = JSON.parse(r.body).value;
    const done = await library.waitForImport(progress.jobId);
    expect(done.report!.failed).toEqual([]);
    expect(done.report!.imported.map((i) => [i.title, i.source])).toEqual([
      ['Glacier survey of the northern valleys', 'glaciers.txt'],
    ]);
    const found = await library.search({ ...DEFAULT_SEARCH, query: 'glaciers' });
    expect(found.hits.map((h) => h.title)).toContain('Glacier survey of the northern valleys');
    // The staged copy goes once the job has ended (just after it reports so).
    let left = ['?'];
    for (let i = 0; i < 100 && left.length > 0; i++) {
      left = (await stagedUploads()).filter((n) => !before.has(n));
      if (left.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(left).toEqual([]);
  }, 120_000);

  it('refuses an upload shorter than its files, and keeps nothing of it', async () => {
    const before = new Set(await stagedUploads());
    const manifest = `${JSON.stringify({ files: [{ name: 'a.txt', size: 100 }] })}\n`;
    const url = `${server.url.replace(/\/$/, '')}${UPLOAD_PATH}`;
    const declared = await send(
      url,
      { 'content-type': UPLOAD_CONTENT_TYPE },
      Buffer.from(`${manifest}too short`),
    );
    expect(declared.status).toBe(400);
    expect(JSON.parse(declared.body).error.message).toMatch(/not as long as the sizes of its files/);
    const chunked = await send(
      url,
      { 'content-type': UPLOAD_CONTENT_TYPE, 'transfer-encoding': 'chunked' },
      Buffer.from(`${manifest}too short`),
    );
    expect(chunked.status).toBe(400);
    expect(JSON.parse(chunked.body).error.message).toMatch(/ended before the last of its files/);
    expect((await stagedUploads()).filter((n) => !before.has(n))).toEqual([]);
    await stillUp();
  });
});

describe('a costly search over HTTP', () => {
  it('answers a trivial request sent after it first, and itself with a notice', async () => {
    const order: string[] = [];
    const slow = api('search', { query: COSTLY_QUERIES[0] }).then((r) => {
      order.push('costly search');
      return r;
    });
    await api('libraryInfo', {}).then(() => order.push('libraryInfo'));
    const r = await slow;
    expect(order).toEqual(['libraryInfo', 'costly search']);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).value.notice).toMatch(/was stopped/);
  }, 60_000);
});
