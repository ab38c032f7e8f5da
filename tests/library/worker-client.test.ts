/**
 * The worker client on its own, with its real worker thread (no library around it): answers and streamed
 * outcomes matched to their requests, a worker's error passed on in its words, cancelling a request before it
 * is sent, while it waits its turn (withdrawn, the thread kept) and while it runs (the thread replaced, the
 * requests queued behind it sent again), and closing with requests pending. stoppable-extraction.test.ts covers
 * the time limit and the same through a library's imports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../main/library/import/importer';
import { zipBuffer } from '../../main/library/export/zip-buffer';
import { Stopped, WorkerClient } from '../../main/library/worker-client';

// A page Readability needs minutes for once the depth check is off (see stoppable-extraction.test.ts).
const DEPTH = 1500;
const HOSTILE = `<!doctype html><html><body>${'<div>'.repeat(DEPTH)}<p>Deep words.</p>${'</div>'.repeat(DEPTH)}</body></html>`;
const SETTINGS = { limits: { maxNestingDepth: 100_000 } };
const text = (s: string) => new TextEncoder().encode(s);
const extract = (name: string, content: string) => ({
  type: 'extract' as const,
  name,
  path: null,
  bytes: text(content),
});

let client: WorkerClient;
afterEach(async () => {
  await client.close();
});

/** Resolves with what a promise rejected with (it must reject). */
async function rejection(promise: Promise<unknown>): Promise<Stopped | Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('it did not reject');
}

describe('the worker client', () => {
  it('streams each request’s outcomes to it and resolves it when the worker is done', async () => {
    client = new WorkerClient(SETTINGS);
    const seen: Record<string, ImportOutcome[]> = { a: [], b: [] };
    const [a, b] = await Promise.all([
      client.request(extract('a.txt', 'Heron\n\nThe heron waited.'), (o) => seen['a']!.push(o)),
      client.request(extract('b.txt', 'Otter\n\nThe otter swam.'), (o) => seen['b']!.push(o)),
    ]);
    expect([a, b]).toEqual([null, null]);
    expect(seen['a']!.map((o) => (o.kind === 'article' ? o.article.title : o.reason))).toEqual(['Heron']);
    expect(seen['b']!.map((o) => (o.kind === 'article' ? o.article.title : o.reason))).toEqual(['Otter']);
    expect(client.threadsStarted).toBe(1);
  });

  it('rejects with the worker’s own message when its work fails, and goes on with the same thread', async () => {
    client = new WorkerClient(SETTINGS);
    const error = await rejection(
      client.request({
        type: 'merge-segments',
        libraryDir: '/nonexistent-offprint',
        names: ['x.seg'],
        keep: [],
      }),
    );
    expect(error).not.toBeInstanceOf(Stopped);
    expect(error.message).toMatch(/ENOENT.*x\.seg/);
    expect(await client.request(extract('c.txt', 'Badger\n\nDug.'))).toBeNull();
    expect(client.threadsStarted).toBe(1);
  });

  it('never sends a request whose signal was aborted already', async () => {
    client = new WorkerClient(SETTINGS);
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      client.request(extract('d.txt', 'x'), undefined, { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(Stopped);
    expect(error).toMatchObject({ message: 'cancelled', why: 'cancelled' });
    expect(client.threadsStarted).toBe(0);
  });

  it('withdraws a request still waiting its turn, keeping the thread', async () => {
    client = new WorkerClient(SETTINGS);
    const first = client.request(extract('first.txt', 'First\n\nOne.'));
    const controller = new AbortController();
    const outcomes: ImportOutcome[] = [];
    const second = client.request(extract('second.txt', 'Second\n\nTwo.'), (o) => outcomes.push(o), {
      signal: controller.signal,
    });
    controller.abort();
    const error = await rejection(second);
    expect(error).toMatchObject({ message: 'cancelled', why: 'cancelled' });
    expect(await first).toBeNull();
    // The thread never works on it, and stays: the next request goes to the same one.
    expect(await client.request(extract('third.txt', 'Third\n\nThree.'))).toBeNull();
    expect(outcomes).toEqual([]);
    expect(client.threadsStarted).toBe(1);
  });

  it('stops the thread under a running request it cancels, and sends the queued ones again', async () => {
    client = new WorkerClient(SETTINGS);
    // A zip whose first entry is read at once and whose second takes minutes: its first outcome proves the
    // thread has begun the request, so the cancel meets a running request, not a waiting one.
    const zip = await zipBuffer([
      { name: 'first.txt', data: 'First\n\nRead at once.' },
      { name: 'deep.html', data: HOSTILE },
    ]);
    const controller = new AbortController();
    const deep = client.request(
      { type: 'extract', name: 'pair.zip', path: null, bytes: zip },
      () => controller.abort(),
      { signal: controller.signal },
    );
    const outcomes: ImportOutcome[] = [];
    const queued = client.request(extract('queued.txt', 'Queued\n\nBehind the deep page.'), (o) =>
      outcomes.push(o),
    );
    expect(await rejection(deep)).toMatchObject({ message: 'cancelled', why: 'cancelled' });
    expect(await queued).toBeNull();
    expect(outcomes.map((o) => o.kind === 'article' && o.article.title)).toEqual(['Queued']);
    expect(client.threadsStarted).toBe(2);
    while (client.threadsAlive > 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.threadsAlive).toBe(1);
  });

  it('rejects every pending request when closed, and ends its thread', async () => {
    client = new WorkerClient(SETTINGS);
    const running = rejection(client.request(extract('deep.html', HOSTILE)));
    const waiting = rejection(client.request(extract('after.txt', 'After\n\nNever read.')));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await client.close();
    for (const error of [await running, await waiting]) {
      expect(error).toBeInstanceOf(Stopped);
      expect(error).toMatchObject({ message: 'the library was closed', why: 'cancelled' });
    }
    while (client.threadsAlive > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.threadsAlive).toBe(0);
  });
});
