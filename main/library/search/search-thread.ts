/**
 * A search thread: answers queries on its own copy of the library's index, so however long a query runs (up
 * to its deadline), the thread that serves the UI and the API goes on answering. It only reads: segments are
 * immutable, and the manifest is re-read when it changes, as in any reader process.
 */
import { parentPort } from 'node:worker_threads';
import { toApiError } from '../../../common/errors';
import { SegmentedIndex } from './engine/segmented-index';
import { readHitSource } from './hit-file';
import { type HitSource, lagNotice, search } from './search-service';
import type { SearchJob, SearchMessage, SearchReply } from './search-thread-protocol';

const port = parentPort;
if (!port) throw new Error('search-thread.ts must run in a worker thread');

/** Hits kept for their snippets, as the library keeps texts: the next page or query often shows them again. */
const HIT_CACHE = 2000;

let index: SegmentedIndex | null = null;
let hits = new Map<string, HitSource>();
let hitsRevision = -1;

async function hitSource(dir: string, id: string): Promise<HitSource> {
  let hit = hits.get(id);
  if (!hit) {
    hit = await readHitSource(dir, id);
    if (hits.size >= HIT_CACHE) hits.delete(hits.keys().next().value!);
    hits.set(id, hit);
  }
  return hit;
}

async function answer(job: SearchJob): Promise<Omit<SearchReply & { ok: true }, 'seq'>> {
  if (index?.dir !== job.libraryDir) {
    index?.close();
    index = new SegmentedIndex(job.libraryDir);
  }
  await index.refresh();
  // A tag edit changes what a hit shows: the cache holds hits of one catalog revision.
  if (hitsRevision !== job.revision) {
    hits = new Map();
    hitsRevision = job.revision;
  }
  const view = index.currentFor(job.revision, new Set(job.removed));
  const response = await search(job.request, {
    ...view,
    lag: lagNotice(job.articles, view.set.liveCount),
    deadlineMs: job.deadlineMs,
    hitSource: (id) => hitSource(job.libraryDir, id),
  });
  return { ok: true, response, indexed: view.set.liveCount };
}

port.on('message', (message: SearchMessage) => {
  answer(message.job).then(
    (reply) => port.postMessage({ seq: message.seq, ...reply } satisfies SearchReply),
    (error: unknown) =>
      port.postMessage({ seq: message.seq, ok: false, error: toApiError(error) } satisfies SearchReply),
  );
});
