/**
 * The library's side of the worker: one thread, requests matched to answers by sequence number. Source
 * runs (tsx, Vitest) load `worker.ts` through tsx; a bundle (Electron) ships `library-worker.js` beside it.
 *
 * A request may have a time limit, counted from when the worker begins it and restarted by each sign of
 * progress. Past it, or when the thread dies under a request (out of memory, a crash), the thread is
 * terminated and replaced: the request it was working on fails with the reason, and the requests it had
 * not begun are sent again to the new thread. Work in JavaScript cannot be interrupted any other way.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportOutcome } from './import/importer';
import { seconds } from './import/limits';
import type { WorkerRequest, WorkerResponse, WorkerSettings } from './worker-protocol';

type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Exclude<Omit<R, 'seq'>, { type: 'drop' }>
    : never
  : never;

export interface RequestOptions {
  /** Milliseconds the request may run without a sign of progress, once begun; none when absent. */
  timeLimitMs?: number;
  /** Aborting withdraws the request (stopping the thread if it has begun it); it rejects with `Stopped`. */
  signal?: AbortSignal;
}

/** Why a request ended without an answer: its time ran out, it was cancelled, or its thread died under it. */
export class Stopped extends Error {
  override readonly name = 'Stopped';
  constructor(
    message: string,
    readonly why: 'time' | 'cancelled' | 'crashed',
  ) {
    super(message);
  }
}

interface Pending {
  body: RequestBody;
  onOutcome: (o: ImportOutcome) => void;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  options: RequestOptions;
  started: boolean;
  timer: NodeJS.Timeout | null;
  onAbort: (() => void) | null;
}

function workerLocation(): { url: URL; workerData: object } {
  const source = new URL('./worker.ts', import.meta.url);
  if (import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(source))) {
    return {
      url: new URL('./worker-bootstrap.mjs', import.meta.url),
      workerData: { offprintWorkerEntry: source.href },
    };
  }
  return { url: new URL('./library-worker.js', import.meta.url), workerData: {} };
}

export class WorkerClient {
  private worker: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();
  /** Requests withdrawn before the thread began them; should it begin one anyway, it is stopped. */
  private withdrawn = new Set<number>();
  /** Threads started so far (the first included): replacements show here. */
  private startedThreads = 0;
  /** Threads started and not yet exited, replaced ones included until they are gone. */
  private liveThreads = 0;
  /** Whether the current thread has begun any request: one that dies before that cannot start at all. */
  private begunAny = false;

  constructor(private readonly settings: WorkerSettings = {}) {}

  /** How many threads this client has started; more than one means one was stopped and replaced. */
  get threadsStarted(): number {
    return this.startedThreads;
  }

  /** How many of its threads have not exited yet: a stopped thread must leave, not run on unseen. */
  get threadsAlive(): number {
    return this.liveThreads;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { url, workerData } = workerLocation();
    const worker = new Worker(url, { workerData: { ...workerData, ...this.settings } });
    this.startedThreads++;
    this.liveThreads++;
    this.begunAny = false;
    worker.once('exit', () => this.liveThreads--);
    // Events of a thread already replaced are ignored: its requests were settled or sent again.
    worker.on('message', (m: WorkerResponse) => this.worker === worker && this.receive(m));
    worker.on('error', (error) => this.worker === worker && this.died(describeDeath(error)));
    worker.on(
      'exit',
      (code) => this.worker === worker && this.died(`the worker thread stopped (exit code ${code})`),
    );
    // An idle worker must not keep a CLI process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  request(
    body: RequestBody,
    onOutcome: (o: ImportOutcome) => void = () => {},
    options: RequestOptions = {},
  ): Promise<unknown> {
    if (options.signal?.aborted) return Promise.reject(new Stopped('cancelled', 'cancelled'));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        body,
        onOutcome,
        resolve,
        reject,
        options,
        started: false,
        timer: null,
        onAbort: null,
      };
      if (options.signal) {
        pending.onAbort = () => this.abort(seq);
        options.signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      this.pending.set(seq, pending);
      this.post(seq, pending);
    });
  }

  private post(seq: number, pending: Pending): void {
    const worker = this.start();
    worker.ref();
    worker.postMessage({ ...pending.body, seq } as WorkerRequest);
  }

  private receive(message: WorkerResponse): void {
    const pending = this.pending.get(message.seq);
    if (!pending) {
      // The `drop` came too late: the thread is working on what nobody waits for any more.
      if (message.type === 'started' && this.withdrawn.delete(message.seq)) this.replace();
      return;
    }
    if (message.type === 'started') {
      this.begunAny = true;
      pending.started = true;
      this.arm(message.seq, pending);
    } else if (message.type === 'alive') {
      this.arm(message.seq, pending);
    } else if (message.type === 'outcome') {
      this.arm(message.seq, pending);
      pending.onOutcome(message.outcome);
    } else {
      this.settle(message.seq, pending);
      if (message.type === 'done') pending.resolve(message.result);
      else pending.reject(new Error(message.message));
    }
  }

  /** (Re)starts the request's clock. */
  private arm(seq: number, pending: Pending): void {
    const limit = pending.options.timeLimitMs;
    if (limit === undefined) return;
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = setTimeout(
      () =>
        this.stopThread(
          seq,
          new Stopped(`took longer than ${seconds(limit)} to read, and was stopped`, 'time'),
        ),
      limit,
    );
  }

  private settle(seq: number, pending: Pending): void {
    if (pending.timer) clearTimeout(pending.timer);
    if (pending.onAbort) pending.options.signal?.removeEventListener('abort', pending.onAbort);
    this.pending.delete(seq);
    if (this.pending.size === 0) this.worker?.unref();
  }

  private abort(seq: number): void {
    const pending = this.pending.get(seq);
    if (!pending) return;
    if (pending.started) {
      this.stopThread(seq, new Stopped('cancelled', 'cancelled'));
    } else {
      this.settle(seq, pending);
      this.withdrawn.add(seq);
      this.worker?.postMessage({ seq, type: 'drop' } satisfies WorkerRequest);
      pending.reject(new Stopped('cancelled', 'cancelled'));
    }
  }

  /** Fails request `seq` with `error`, replaces the thread and sends it what the old one had not finished. */
  private stopThread(seq: number, error: Stopped): void {
    const pending = this.pending.get(seq);
    if (!pending) return;
    this.settle(seq, pending);
    pending.reject(error);
    this.replace();
  }

  /** The thread died under its requests: those it had begun fail, the others go to a new thread. */
  private died(reason: string): void {
    // A thread that died before beginning anything (it could not load) would die again: fail everything.
    const nothingBegun = !this.begunAny;
    for (const [seq, pending] of [...this.pending]) {
      if (!pending.started && !nothingBegun) continue;
      this.settle(seq, pending);
      pending.reject(new Stopped(reason, 'crashed'));
    }
    this.replace();
  }

  private replace(): void {
    const old = this.worker;
    this.worker = null;
    this.withdrawn.clear();
    if (old) void old.terminate();
    for (const [seq, pending] of [...this.pending].sort(([a], [b]) => a - b)) {
      // Only requests the old thread had not begun remain; their clocks start again when the new one begins them.
      if (pending.timer) clearTimeout(pending.timer);
      pending.timer = null;
      pending.started = false;
      this.post(seq, pending);
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const [seq, pending] of [...this.pending]) {
      this.settle(seq, pending);
      pending.reject(new Stopped('the library was closed', 'cancelled'));
    }
    if (worker) await worker.terminate();
  }
}

function describeDeath(error: Error): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return 'needed more memory than the import worker has, and was stopped';
  return `the worker thread failed: ${error.message}`;
}
