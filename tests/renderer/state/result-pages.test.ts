import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResponse } from '../../../common/search';
import { ResultPages } from '../../../renderer/state/result-pages';

const TOTAL = 2_225;

function hit(index: number): SearchHit {
  return {
    id: `id-${index}`,
    title: `Article ${index}`,
    score: 1,
    snippet: '',
    published: null,
    site: null,
    tags: [],
    read: false,
    starred: false,
    highlights: 0,
    hasNote: false,
    annotationSnippet: null,
  };
}

function respond(offset: number, limit: number, total = TOTAL): SearchResponse {
  const hits = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, at) =>
    hit(offset + at),
  );
  return { total, tookMs: 3, hits, tags: [{ tag: 'tech', count: total }], notice: null, terms: ['drone'] };
}

/** A server whose answers the test releases one by one, to observe what is in flight. */
function manualServer() {
  const requests: Array<{ offset: number; limit: number; answer(): void; fail(): void }> = [];
  const fetchPage = (offset: number, limit: number) =>
    new Promise<SearchResponse>((resolve, reject) => {
      requests.push({
        offset,
        limit,
        answer: () => resolve(respond(offset, limit)),
        fail: () => reject(new Error('down')),
      });
    });
  return { requests, fetchPage };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ResultPages', () => {
  it('starts with the first page and the summary of the whole list', async () => {
    const pages = new ResultPages(async (offset, limit) => respond(offset, limit), { pageSize: 200 });
    const summary = await pages.start();
    expect(summary).toEqual({
      total: TOTAL,
      tookMs: 3,
      tags: [{ tag: 'tech', count: TOTAL }],
      notice: null,
      terms: ['drone'],
    });
    expect(pages.hitAt(199)?.id).toBe('id-199');
    expect(pages.hitAt(200)).toBeUndefined();
    expect(pages.rowState(200)).toBe('loading');
  });

  it('walks the whole list one by one, loading each page once, to the last hit', async () => {
    const offsets: number[] = [];
    const pages = new ResultPages(
      async (offset, limit) => {
        offsets.push(offset);
        return respond(offset, limit);
      },
      { pageSize: 200 },
    );
    await pages.start();
    for (let index = 0; index < TOTAL; index++)
      expect((await pages.hitAtLoaded(index))?.id).toBe(`id-${index}`);
    expect(await pages.hitAtLoaded(TOTAL)).toBeUndefined();
    expect(offsets).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000, 2200]);
  });

  it('loads the pages of rows on screen, at most two at a time, and each only once', async () => {
    const server = manualServer();
    const pages = new ResultPages(server.fetchPage, { pageSize: 100, maxConcurrent: 2 });
    const started = pages.start();
    server.requests[0]?.answer();
    await started;

    pages.show(950, 1_250);
    expect(server.requests.map((request) => request.offset)).toEqual([0, 900, 1000]);
    pages.show(950, 1_250);
    expect(server.requests).toHaveLength(3);

    server.requests[1]?.answer();
    await settle();
    expect(server.requests.map((request) => request.offset)).toEqual([0, 900, 1000, 1100]);
    expect(pages.hitAt(950)?.id).toBe('id-950');
  });

  it('forgets rows that scrolled away before their turn', async () => {
    const server = manualServer();
    const pages = new ResultPages(server.fetchPage, { pageSize: 100, maxConcurrent: 1 });
    const started = pages.start();
    server.requests[0]?.answer();
    await started;
    pages.show(500, 800);
    pages.show(2_000, 2_050);
    server.requests[1]?.answer();
    await settle();
    expect(server.requests.map((request) => request.offset)).toEqual([0, 500, 2000]);
  });

  it('marks rows of a failed page, and tries again when they are shown again', async () => {
    const server = manualServer();
    const pages = new ResultPages(server.fetchPage, { pageSize: 100 });
    const started = pages.start();
    server.requests[0]?.answer();
    await started;
    pages.show(300, 310);
    server.requests[1]?.fail();
    await settle();
    expect(pages.rowState(305)).toBe('failed');
    expect(pages.error).toBeInstanceOf(Error);
    pages.show(300, 310);
    expect(server.requests).toHaveLength(3);
    server.requests[2]?.answer();
    await settle();
    expect(pages.rowState(305)).toBe('loaded');
  });

  it('rejects start when the search itself fails', async () => {
    const pages = new ResultPages(async () => {
      throw new Error('locked');
    });
    await expect(pages.start()).rejects.toThrow('locked');
  });

  it('ignores answers that arrive after it was closed, and notifies nobody', async () => {
    const server = manualServer();
    const pages = new ResultPages(server.fetchPage, { pageSize: 100 });
    let notified = 0;
    pages.subscribe(() => notified++);
    const started = pages.start();
    pages.close();
    server.requests[0]?.answer();
    await expect(started).rejects.toThrow();
    expect(pages.hitAt(0)).toBeUndefined();
    expect(notified).toBe(0);
  });

  it('finds where an id sits among the loaded hits', async () => {
    const pages = new ResultPages(async (offset, limit) => respond(offset, limit), { pageSize: 100 });
    await pages.start();
    await pages.hitAtLoaded(450);
    expect(pages.indexOf('id-42')).toBe(42);
    expect(pages.indexOf('id-450')).toBe(450);
    expect(pages.indexOf('id-300')).toBeNull();
  });
});
