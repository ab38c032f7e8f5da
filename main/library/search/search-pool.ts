/**
 * The library's search threads. Queries run there, never on the thread that serves the UI and the API, so a
 * costly query (bounded by its deadline) delays no other request. Two threads by default: one slow query then
 * delays no other search either, and a search waits behind a slow one only while two are running. The second
 * thread starts only when a query arrives while the first is busy and stops after a while idle, so a library
 * searched one query at a time holds one copy of the index's dictionaries, not two. A thread that overruns its
 * query's deadline by far (something the step and time checks do not cover) is terminated and replaced.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchResponse } from '../../../common/search';
import { OffprintError } from '../../../common/errors';
import type { SearchJob, SearchMessage, SearchReply } from './search-thread-protocol';

/** Beyond its deadline, what a query may take before its thread is terminated: checks run every few ms. */
const OVERRUN_MS = 10_000;
/** An extra thread idle this long is stopped, giving its memory back. */
const EXTRA_IDLE_MS = 30_000;

export interface SearchAnswer {
  response: SearchResponse;
  /** Live documents in the index the thread searched. */
  indexed: number;
}

interface Queued {
  job: SearchJob;
  resolve: (answer: SearchAnswer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | null;
  running: (Queued & { seq: number; watchdog: NodeJS.Timeout }) | null;
  idle: NodeJS.Timeout | null;
}

function threadLocation(): { url: URL; workerData: object } {
  const source = new URL('./search-thread.ts', import.meta.url);
  if (import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(source))) {
    return {
      url: new URL('../worker-bootstrap.mjs', import.meta.url),
      workerData: { offprintWorkerEntry: source.href },
    };
  }
  return { url: new URL('./search-thread.js', import.meta.url), workerData: {} };
}

export class SearchPool {
  private readonly slots: Slot[];
  private readonly queue: Queued[] = [];
  private seq = 0;
  private closed = false;

  constructor(threads: number) {
    this.slots = Array.from({ length: Math.max(1, threads) }, () => ({
      worker: null,
      running: null,
      idle: null,
    }));
  }

  /** Queries running or waiting now. */
  get inFlight(): number {
    return this.queue.length + this.slots.filter((s) => s.running).length;
  }

  run(job: SearchJob): Promise<SearchAnswer> {
    if (this.closed) return Promise.reject(new OffprintError('failed', 'The library is closed.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    // The first thread is preferred while free, so an extra one starts only under concurrent queries.
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.running) continue;
      this.start(slot, this.queue.shift()!);
    }
  }

  private start(slot: Slot, queued: Queued): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    const worker = slot.worker ?? this.spawn(slot);
    const seq = ++this.seq;
    const limit = queued.job.deadlineMs + OVERRUN_MS;
    const watchdog = setTimeout(() => {
      this.finish(slot, seq, null);
      void worker.terminate();
      if (slot.worker === worker) slot.worker = null;
      queued.reject(
        new OffprintError('failed', `The search was stopped: it ran past ${Math.round(limit / 1000)} s.`),
      );
      this.pump();
    }, limit);
    slot.running = { ...queued, seq, watchdog };
    worker.ref();
    worker.postMessage({ seq, job: queued.job } satisfies SearchMessage);
  }

  private spawn(slot: Slot): Worker {
    const { url, workerData } = threadLocation();
    const worker = new Worker(url, { workerData });
    worker.on('message', (reply: SearchReply) => {
      const running = this.finish(slot, reply.seq, worker);
      if (!running) return;
      if (reply.ok) running.resolve({ response: reply.response, indexed: reply.indexed });
      else running.reject(new OffprintError(reply.error.kind, reply.error.message));
      this.pump();
    });
    const lost = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const running = slot.running;
      if (running) {
        this.finish(slot, running.seq, null);
        running.reject(new OffprintError('failed', `The search thread stopped: ${error.message}`));
      }
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit code ${code}`)));
    slot.worker = worker;
    return worker;
  }

  /** Clears the slot of query `seq` (if it still runs there) and lets an idle thread go unreferenced. */
  private finish(slot: Slot, seq: number, worker: Worker | null): Slot['running'] {
    const running = slot.running;
    if (!running || running.seq !== seq) return null;
    clearTimeout(running.watchdog);
    slot.running = null;
    if (worker) {
      // An idle thread must not keep a process alive (the CLI exits when its work is done).
      worker.unref();
      if (slot !== this.slots[0]) {
        slot.idle = setTimeout(() => {
          slot.idle = null;
          if (slot.running || slot.worker !== worker) return;
          slot.worker = null;
          void worker.terminate();
        }, EXTRA_IDLE_MS);
        slot.idle.unref();
      }
    }
    return running;
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new OffprintError('failed', 'The library was closed during the search.');
    for (const queued of this.queue.splice(0)) queued.reject(error);
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.idle) clearTimeout(slot.idle);
        const { worker, running } = slot;
        slot.worker = null;
        if (running) {
          this.finish(slot, running.seq, null);
          running.reject(error);
        }
        if (worker) await worker.terminate();
      }),
    );
  }
}
