import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { type Library, openLibrary } from '../../main/library/library';
import { startServer, type RunningServer } from '../../main/serve/server';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';

let root: string;
let library: Library;
let server: RunningServer;

beforeAll(async () => {
  root = await tempDir();
  await writeFixtures(path.join(root, 'inputs'));
  library = await openLibrary(path.join(root, 'lib'));
  await library.waitForImport(
    (await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: true })).jobId,
  );
  server = await startServer({ library, port: 0, staticDir: path.join(root, 'inputs') });
});
afterAll(async () => {
  await server.close();
  await library.close();
  await removeDir(root);
});

/** A raw request, so tests can set the Host and Origin headers a browser would not let a page forge. */
function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end(opts.body);
    },
  );
}

const api = (url: string, method: string, args: unknown, headers: Record<string, string> = {}) =>
  request(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(args),
  });

describe('the HTTP server of the browser mode', () => {
  it('answers API calls with envelopes from the real library', async () => {
    const r = await api(server.url, 'search', { query: 'goal' });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(true);
    expect(body.value.hits.map((h: { title: string }) => h.title)).toEqual(['Late goal wins the cup final']);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('validates every argument and names the bad field', async () => {
    const r = await api(server.url, 'search', { query: 'x', limit: -1 });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: { kind: 'invalid-argument', message: 'limit must be a whole number from 0 to 100000' },
    });
    const unknown = await api(server.url, 'search', { query: 'x', evil: true });
    expect(JSON.parse(unknown.body).error.message).toBe('unknown field "evil"');
    const inherited = await request(`${server.url}api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"x","constructor":1}',
    });
    expect(JSON.parse(inherited.body).error.message).toBe('unknown field "constructor"');
    const id = await api(server.url, 'getArticle', { id: '../../etc/passwd' });
    expect(id.status).toBe(400);
    const missing = await api(server.url, 'getArticle', { id: '0123456789abcdef0123' });
    expect(missing.status).toBe(404);
    expect((await api(server.url, 'dropLibrary', {})).status).toBe(404);
  });

  it('never imports files of the server by path: only uploads', async () => {
    const r = await api(server.url, 'importPaths', { paths: ['/etc/passwd'] });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.message).toMatch(/not available over HTTP/);
    const list = JSON.parse((await api(server.url, 'list', {})).body).value as Array<{ title: string }>;
    expect(list.map((a) => a.title)).not.toContain(expect.stringMatching(/^root:/));
  });

  it('refuses other hosts, other origins and non-JSON bodies', async () => {
    const port = new URL(server.url).port;
    const rebinding = await api(server.url, 'list', {}, { host: `evil.example:${port}` });
    expect(rebinding.status).toBe(403);
    const crossSite = await api(server.url, 'list', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const form = await request(`${server.url}api/list`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('serves static files with the CSP and never outside its folder', async () => {
    const page = await request(`${server.url}science/quantum.txt`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Quantum computer');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await request(`${server.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('requires an access token when listening beyond loopback', async () => {
    // 0.0.0.0 is not loopback, so a token is generated; the request still goes to 127.0.0.1.
    const open = await startServer({ library, host: '0.0.0.0', port: 0, staticDir: root });
    try {
      expect(open.token).toMatch(/^[\w-]{20,}$/);
      const port = new URL(open.url).port;
      // Any name the server is reached by will do: the token is what is checked.
      const host = `192.0.2.7:${port}`;
      const without = await api(`http://127.0.0.1:${port}/`, 'list', {}, { host });
      expect(without.status).toBe(403);
      expect(JSON.parse(without.body).error.message).toMatch(/access token/);
      const withToken = await api(
        `http://127.0.0.1:${port}/`,
        'list',
        {},
        { host, authorization: `Bearer ${open.token}` },
      );
      expect(withToken.status).toBe(200);
      expect(JSON.parse(withToken.body).value).toHaveLength(5);
      const badCookie = await api(
        `http://127.0.0.1:${port}/`,
        'list',
        {},
        { host, cookie: 'offprint_token=%' },
      );
      expect(badCookie.status).toBe(403);
    } finally {
      await open.close();
    }
  });
});
