/**
 * The pool of search threads (main/library/search/search-pool.ts), driven for real: real threads answer real
 * queries over a library imported, indexed and closed before the tests, as a Library's jobs would ask them. One
 * query at a time keeps to one thread; concurrent ones start a second and queue beyond it; a failing query keeps
 * its error's kind and the pool goes on; a thread that dies, or overruns its deadline by far, takes only its own
 * query with it; an extra thread stops after a while idle; closing refuses what waits and what comes after; and
 * a process whose threads are idle exits by itself.
 *
 * Every Worker the pool starts is recorded (a subclass of the real one, nothing else changed), so a test can
 * tell how many threads a pool started, whether one has stopped, and make one die as a bug in it would.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OffprintError } from '../../../common/errors';
import { DEFAULT_SEARCH, type SearchResponse } from '../../../common/search';
import { openLibrary } from '../../../main/library/library';
import { type SearchAnswer, SearchPool } from '../../../main/library/search/search-pool';
import type { SearchJob, SearchReply } from '../../../main/library/search/search-thread-protocol';
import { removeDir, tempDir, writeFixtures } from '../../helpers/fixtures-and-shared';

const recorded = vi.hoisted(() => ({
  workers: [] as Worker[],
  exits: new Map<Worker, Promise<number>>(),
  /** What the pool's listeners threw while a thread told of a message, an error or its exit: nothing, ever. */
  thrown: [] as unknown[],
}));

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      recorded.workers.push(this);
      recorded.exits.set(this, new Promise((resolve) => this.once('exit', resolve)));
    }
    // A listener that throws would be an uncaught exception of the process; kept here for the tests to see.
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      try {
        return super.emit(event, ...args);
      } catch (error) {
        recorded.thrown.push(error);
        return true;
      }
    }
  }
  return { ...real, Worker: RecordedWorker };
});

const CRANES = 'Harbour cranes return to the old port after ten years';
const LIGHTHOUSE = 'Lighthouse keepers gather for their last reunion';
const QUANTUM = 'Quantum computer solves chemistry puzzle';
const BUDGET = 'Budget raises spending on rail lines';

let root: string;
/** A library of the five fixture articles, indexed. */
let lib: string;
/** The same library with the cranes article's folder gone, as if removed by another process: still indexed. */
let gone: string;
let cranesId: string;
let pools: SearchPool[];

beforeAll(async () => {
  root = await tempDir('offprint-pool-');
  await writeFixtures(path.join(root, 'inputs'));
  lib = path.join(root, 'lib');
  const library = await openLibrary(lib, { searchThreads: 0 });
  try {
    const started = await library.importPaths({ paths: [path.join(root, 'inputs')], folderTags: false });
    await library.waitForImport(started.jobId);
    await library.whenIndexed();
    const articles = await library.list({});
    expect(articles).toHaveLength(5);
    cranesId = articles.find((a) => a.title === CRANES)!.id;
  } finally {
    await library.close();
  }
  gone = path.join(root, 'gone');
  await fs.cp(lib, gone, { recursive: true });
  await fs.rm(path.join(gone, 'articles', cranesId.slice(0, 2), cranesId), { recursive: true });
});
afterAll(async () => {
  await removeDir(root);
});

beforeEach(() => {
  recorded.workers.length = 0;
  recorded.thrown.length = 0;
  pools = [];
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(pools.map((pool) => pool.close()));
  expect(recorded.thrown).toEqual([]);
});

function open(threads: number): SearchPool {
  const pool = new SearchPool(threads);
  pools.push(pool);
  return pool;
}

function job(query: string, change: Partial<SearchJob> = {}): SearchJob {
  return {
    libraryDir: lib,
    request: { ...DEFAULT_SEARCH, query },
    revision: 1,
    removed: [],
    articles: 5,
    deadlineMs: 2000,
    ...change,
  };
}

const titles = (answer: SearchAnswer) => answer.response.hits.map((hit) => hit.title);

/** The recorded thread `i`; failing here, not with a TypeError later, when the pool started fewer. */
function thread(i: number): Worker {
  const worker = recorded.workers[i];
  expect(worker, `thread ${i} was started`).toBeDefined();
  return worker!;
}

/** The exit code of thread `i`, once it has stopped. */
function exitOf(i: number): Promise<number> {
  return recorded.exits.get(thread(i))!;
}

/** Sets fake timers for the pool's watchdogs and idle timers; the threads and their messages stay real. */
function fakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

describe('answering', () => {
  it('answers one query at a time on one thread, with real hits from the library’s index', async () => {
    const pool = open(2);
    expect(pool.inFlight).toBe(0);
    const harbour = await pool.run(job('harbour'));
    expect(titles(harbour)).toEqual([CRANES, LIGHTHOUSE]);
    expect(harbour.response.total).toBe(2);
    expect(harbour.indexed).toBe(5);
    expect(titles(await pool.run(job('quantum')))).toEqual([QUANTUM]);
    expect(titles(await pool.run(job('budget')))).toEqual([BUDGET]);
    // The first thread is free each time: a second would only hold another copy of the index.
    expect(recorded.workers).toHaveLength(1);
    expect(pool.inFlight).toBe(0);
  });

  it('sends the whole job: removed ids leave the hits, and unindexed articles are noticed', async () => {
    const pool = open(1);
    const answer = await pool.run(job('harbour', { removed: [cranesId], articles: 7, revision: 2 }));
    expect(titles(answer)).toEqual([LIGHTHOUSE]);
    expect(answer.indexed).toBe(4);
    expect(answer.response.notice).toBe('3 articles are still being indexed.');
  });

  it('runs concurrent queries on a second thread and queues the rest, answering each', async () => {
    const pool = open(2);
    const answers = [pool.run(job('harbour')), pool.run(job('quantum')), pool.run(job('budget'))];
    // Two running, one waiting for whichever thread is free first.
    expect(pool.inFlight).toBe(3);
    expect(recorded.workers).toHaveLength(2);
    const [harbour, quantum, budget] = await Promise.all(answers);
    expect(titles(harbour!)).toEqual([CRANES, LIGHTHOUSE]);
    expect(titles(quantum!)).toEqual([QUANTUM]);
    expect(titles(budget!)).toEqual([BUDGET]);
    expect(pool.inFlight).toBe(0);
    expect(recorded.workers).toHaveLength(2);
  });

  it('queues behind a single thread and answers every query in turn', async () => {
    const pool = open(1);
    const answers = [pool.run(job('quantum')), pool.run(job('budget')), pool.run(job('lighthouse'))];
    expect(pool.inFlight).toBe(3);
    const done = await Promise.all(answers);
    expect(done.map(titles)).toEqual([[QUANTUM], [BUDGET], [LIGHTHOUSE]]);
    expect(recorded.workers).toHaveLength(1);
    expect(pool.inFlight).toBe(0);
  });

  it('still has one thread when asked for none', async () => {
    const pool = open(0);
    const answers = await Promise.all([pool.run(job('quantum')), pool.run(job('cranes'))]);
    expect(answers.map(titles)).toEqual([[QUANTUM], [CRANES]]);
    expect(recorded.workers).toHaveLength(1);
  });
});

describe('failures', () => {
  it('rejects a query that fails in the thread with its error’s kind, and answers the next', async () => {
    const pool = open(1);
    // The cranes article is indexed but its folder is gone: its hit cannot be shown.
    const failing = pool.run(job('harbour', { libraryDir: gone }));
    const next = pool.run(job('quantum'));
    const error = await failing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OffprintError);
    expect(error).toMatchObject({
      kind: 'not-found',
      message: expect.stringMatching(new RegExp(`^No article with id ${cranesId} in this library`)),
    });
    expect(titles(await next)).toEqual([QUANTUM]);
    expect(recorded.workers).toHaveLength(1);
  });

  it('rejects the query of a thread that dies of an error, and starts another for the next', async () => {
    const pool = open(1);
    expect(titles(await pool.run(job('quantum')))).toEqual([QUANTUM]);
    // A message the thread cannot read throws in its handler, uncaught, as a bug in the thread would: the
    // query sent after it never runs there.
    thread(0).postMessage(null);
    const lost = pool.run(job('harbour'));
    const next = pool.run(job('budget'));
    await expect(lost).rejects.toMatchObject({
      kind: 'failed',
      message: "The search thread stopped: Cannot read properties of null (reading 'job')",
    });
    // The dead thread's exit, after its error, must not take the next query's new thread with it.
    expect(titles(await next)).toEqual([BUDGET]);
    expect(await exitOf(0)).toBe(1);
    expect(recorded.workers).toHaveLength(2);
    expect(titles(await pool.run(job('lighthouse')))).toEqual([LIGHTHOUSE]);
    expect(recorded.workers).toHaveLength(2);
    expect(recorded.thrown).toEqual([]);
  });

  it('replaces a thread that dies while idle', async () => {
    const pool = open(1);
    expect(titles(await pool.run(job('quantum')))).toEqual([QUANTUM]);
    // As above, but with no query running there: nothing to reject, and the pool must not trip over that.
    thread(0).postMessage(null);
    expect(await exitOf(0)).toBe(1);
    expect(recorded.thrown).toEqual([]);
    expect(titles(await pool.run(job('budget')))).toEqual([BUDGET]);
    expect(recorded.workers).toHaveLength(2);
  });

  it('rejects the query of a thread that exits, and answers the next on a new one', async () => {
    const pool = open(1);
    const lost = pool.run(job('harbour'));
    const next = pool.run(job('quantum'));
    // Stopped from outside while it starts, before it can answer.
    void thread(0).terminate();
    await expect(lost).rejects.toMatchObject({
      kind: 'failed',
      // Its code depends on how far it had started: 0 before it ran any code, 1 after.
      message: expect.stringMatching(/^The search thread stopped: exit code [01]$/),
    });
    expect(titles(await next)).toEqual([QUANTUM]);
    expect(recorded.workers).toHaveLength(2);
  });
});

describe('closing', () => {
  it('refuses a query after close, starting no thread for it', async () => {
    const pool = open(1);
    expect(titles(await pool.run(job('quantum')))).toEqual([QUANTUM]);
    await pool.close();
    expect(thread(0).threadId).toBe(-1);
    await exitOf(0);
    const refused = await pool.run(job('quantum')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OffprintError);
    expect(refused).toMatchObject({ kind: 'failed', message: 'The library is closed.' });
    expect(recorded.workers).toHaveLength(1);
    expect(pool.inFlight).toBe(0);
  });

  it('rejects what runs and what waits when closed during the search, and stops every thread', async () => {
    const pool = open(2);
    const queries = [pool.run(job('harbour')), pool.run(job('quantum')), pool.run(job('budget'))];
    const settled = Promise.allSettled(queries);
    expect(pool.inFlight).toBe(3);
    await pool.close();
    expect(pool.inFlight).toBe(0);
    const outcomes = await settled;
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as unknown;
      expect(reason).toBeInstanceOf(OffprintError);
      expect(reason).toMatchObject({ kind: 'failed', message: 'The library was closed during the search.' });
    }
    // Both threads were terminated by close itself, not left to finish.
    expect(recorded.workers.map((w) => w.threadId)).toEqual([-1, -1]);
    await Promise.all([exitOf(0), exitOf(1)]);
  });

  it('closes a pool that never searched, and closes twice', async () => {
    const pool = open(2);
    await pool.close();
    await pool.close();
    expect(recorded.workers).toHaveLength(0);
    await expect(pool.run(job('quantum'))).rejects.toMatchObject({ message: 'The library is closed.' });
  });
});

describe('timers', () => {
  it('stops a thread that overruns its query’s deadline by far, and answers the next on a new one', async () => {
    fakeTimers();
    const pool = open(1);
    const slow = pool.run(job('harbour', { deadlineMs: 2500 }));
    const next = pool.run(job('quantum'));
    // The watchdog fires before the thread could answer: 2.5 s of deadline and 10 s beyond it.
    vi.advanceTimersByTime(12_500);
    await expect(slow).rejects.toMatchObject({
      kind: 'failed',
      message: 'The search was stopped: it ran past 13 s.',
    });
    expect(recorded.workers).toHaveLength(2);
    // A reply the stopped thread had already sent when it was stopped (query 1 of this pool) arrives late: it
    // is not taken for the query now running on the new thread.
    const stale: SearchReply = { seq: 1, ok: true, response: {} as SearchResponse, indexed: 0 };
    thread(0).emit('message', stale);
    expect(recorded.thrown).toEqual([]);
    expect(titles(await next)).toEqual([QUANTUM]);
    await exitOf(0);
    expect(titles(await pool.run(job('budget')))).toEqual([BUDGET]);
    expect(recorded.workers).toHaveLength(2);
  });

  it('keeps the first thread however long idle, and stops an extra one idle for 30 s', async () => {
    fakeTimers();
    const pool = open(2);
    expect(titles(await pool.run(job('harbour')))).toEqual([CRANES, LIGHTHOUSE]);
    // Far past the query's watchdog and any idle time: an answered query's watchdog is gone, and the first
    // thread has no idle timer.
    vi.advanceTimersByTime(60_000);
    expect(titles(await pool.run(job('quantum')))).toEqual([QUANTUM]);
    expect(recorded.workers).toHaveLength(1);

    const pair = () => Promise.all([pool.run(job('budget')), pool.run(job('lighthouse'))]);
    expect((await pair()).map(titles)).toEqual([[BUDGET], [LIGHTHOUSE]]);
    expect(recorded.workers).toHaveLength(2);
    // Used again before 30 s idle, the extra thread's idle time starts over each time.
    vi.advanceTimersByTime(20_000);
    expect((await pair()).map(titles)).toEqual([[BUDGET], [LIGHTHOUSE]]);
    vi.advanceTimersByTime(20_000);
    expect((await pair()).map(titles)).toEqual([[BUDGET], [LIGHTHOUSE]]);
    expect(recorded.workers).toHaveLength(2);
    // Idle 30 s: the extra thread stops; the next pair starts a new one beside the first, still running.
    vi.advanceTimersByTime(30_000);
    expect((await pair()).map(titles)).toEqual([[BUDGET], [LIGHTHOUSE]]);
    expect(recorded.workers).toHaveLength(3);
    expect(thread(0).threadId).toBeGreaterThan(0);
    expect(thread(1).threadId).toBe(-1);
    await exitOf(1);
  });
});

describe('a process that searched', () => {
  it('exits by itself once its threads are idle, without closing the pool', async () => {
    const dir = await tempDir('offprint-pool-child-');
    try {
      const pool = new URL('../../../main/library/search/search-pool.ts', import.meta.url).href;
      const script = path.join(dir, 'child.mts');
      // One query, two at once (the second thread starts), then one more on the first thread, which must be
      // held while it runs even though it was let go when idle.
      await fs.writeFile(
        script,
        [
          `import { SearchPool } from ${JSON.stringify(pool)};`,
          'const jobs = JSON.parse(process.argv[2]);',
          'const pool = new SearchPool(2);',
          'const first = await pool.run(jobs[0]);',
          'const pair = await Promise.all([pool.run(jobs[1]), pool.run(jobs[2])]);',
          'const last = await pool.run(jobs[3]);',
          'const titles = [first, ...pair, last].map((a) => a.response.hits.map((h) => h.title));',
          'process.stdout.write(JSON.stringify(titles));',
        ].join('\n'),
      );
      const jobs = [job('quantum'), job('budget'), job('cranes'), job('lighthouse')];
      const repo = fileURLToPath(new URL('../../..', import.meta.url));
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        // The kill is only a guard against hanging the suite: the child should be done in a few seconds, and
        // a thread or timer that kept it alive would keep it for 30 s (an idle timer) or for ever.
        const child = execFile(
          process.execPath,
          ['--import', 'tsx', script, JSON.stringify(jobs)],
          { cwd: repo, timeout: 25_000 },
          (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual([[QUANTUM], [BUDGET], [CRANES], [LIGHTHOUSE]]);
    } finally {
      await removeDir(dir);
    }
  });
});
