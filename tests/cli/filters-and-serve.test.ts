/**
 * README claims of the command line that no other test held it to: `--any-tag`, `--from` and `--to` on
 * `search` and `list` select exactly the articles they should from a real library (a bare `--to` day taking
 * in the whole UTC day, a zone-less time read as UTC even on a machine in Tokyo); and `offprint serve --host
 * --token` listens on that address only and answers the API with the token, and 403 without it or with another.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-library';

/** Name → front matter of a note; every note has the word "harbour", so one query finds them all. */
const NOTES: Record<string, string> = {
  politics: 'tags: [politics, europe]\npublished: 2023-04-30T23:30:00Z',
  sport: 'tags: [sport]\npublished: 2023-05-01T00:00:00Z',
  'late-politics': 'tags: [politics]\npublished: 2023-05-01T23:59:59Z',
  science: 'tags: [science]\npublished: 2023-05-02T00:00:00Z',
  // A sub-tag counts for its parent; the offset makes it 10:00 UTC.
  elections: 'tags: [politics/elections]\npublished: 2023-05-01T12:00:00+02:00',
  undated: 'tags: [sport, science]',
};

let root: string;
let lib: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  root = await tempDir('offprint-cli-filters-');
  lib = path.join(root, 'lib');
  const inputs = path.join(root, 'inputs');
  await fs.mkdir(inputs);
  for (const [name, front] of Object.entries(NOTES)) {
    const body = `The ${name} desk filed its report from the harbour this morning.`;
    await fs.writeFile(path.join(inputs, `${name}.md`), `---\ntitle: ${name}\n${front}\n---\n\n${body}\n`);
  }
  const r = await runCli(['import', '--library', lib, '--no-folder-tags', inputs, '--json']);
  expect(r.code, r.stderr).toBe(0);
  for (const item of JSON.parse(r.stdout).imported as { id: string; title: string }[])
    ids[item.title] = item.id;
  expect(Object.keys(ids).sort()).toEqual(Object.keys(NOTES).sort());
});
afterAll(() => removeDir(root));

/** The names of the articles a `search` or `list` command answers with, sorted. */
async function selected(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const r = await runCli([...args, '--library', lib, '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  const value = JSON.parse(r.stdout) as { hits: { id: string }[] } | { id: string }[];
  const found = Array.isArray(value) ? value : value.hits;
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return found.map((a) => byId.get(a.id) ?? a.id).sort();
}

describe('search and list filters', () => {
  it('--tag takes articles with all the tags; --any-tag with any of them', async () => {
    expect(await selected(['search', 'harbour', '--tag', 'sport', '--tag', 'science'])).toEqual(['undated']);
    expect(await selected(['search', 'harbour', '--tag', 'sport', '--tag', 'science', '--any-tag'])).toEqual([
      'science',
      'sport',
      'undated',
    ]);
    expect(await selected(['list', '--tag', 'europe', '--tag', 'sport', '--any-tag'])).toEqual([
      'politics',
      'sport',
      'undated',
    ]);
  });

  it('--from and --to bound the published date, a bare --to day taking in all of it (UTC)', async () => {
    const day = ['--from', '2023-05-01', '--to', '2023-05-01'];
    expect(await selected(['search', 'harbour', ...day])).toEqual(['elections', 'late-politics', 'sport']);
    expect(await selected(['list', '--to', '2023-05-01'])).toEqual([
      'elections',
      'late-politics',
      'politics',
      'sport',
    ]);
    expect(await selected(['list', '--from', '2023-05-02'])).toEqual(['science']);
  });

  it('combine with --any-tag, sub-tags included', async () => {
    const args = ['--tag', 'politics', '--tag', 'sport', '--any-tag', '--from', '2023-05-01'];
    expect(await selected(['search', 'harbour', ...args])).toEqual(['elections', 'late-politics', 'sport']);
    expect(await selected(['list', ...args])).toEqual(['elections', 'late-politics', 'sport']);
  });

  it('read a zone-less time as UTC, even on a machine in Tokyo', async () => {
    const args = ['search', 'harbour', '--from', '2023-05-01T10:00', '--to', '2023-05-01T23:59:59'];
    const expected = ['elections', 'late-politics'];
    expect(await selected(args, { TZ: 'UTC' })).toEqual(expected);
    expect(await selected(args, { TZ: 'Asia/Tokyo' })).toEqual(expected);
  });
});

const TOKEN = 'cli-serve-token-0123456789';

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('offprint serve --host --token', () => {
  it('listens on the given address only and answers the API only with the token', async () => {
    const server = await startServe(lib, ['--host', '127.0.0.1', '--token', TOKEN]);
    try {
      const url = new URL(server.url);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.searchParams.get('token')).toBe(TOKEN);
      const port = Number(url.port);
      const api = (token: string | null) =>
        fetch(`http://127.0.0.1:${port}/api/libraryInfo`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          },
          body: '{}',
        });

      const ok = await api(TOKEN);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({
        ok: true,
        value: { path: lib, articles: Object.keys(NOTES).length, formatVersion: 1 },
      });

      for (const token of [null, 'x'.repeat(TOKEN.length), `${TOKEN}x`]) {
        const refused = await api(token);
        expect(refused.status).toBe(403);
        expect(await refused.json()).toEqual({
          ok: false,
          error: { kind: 'invalid-argument', message: 'Forbidden: a valid access token is required' },
        });
      }

      // Bound to 127.0.0.1, not to every address: another loopback address finds nothing there.
      expect(await connects('127.0.0.1', port)).toBe(true);
      expect(await connects('127.0.0.2', port)).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
