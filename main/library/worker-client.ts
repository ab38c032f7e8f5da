/**
 * The library's side of the worker: one thread, requests matched to answers by sequence number. Source
 * runs (tsx, Vitest) load `worker.ts` through tsx; a bundle (Electron) ships `library-worker.js` beside it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportOutcome } from './import/importer';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

type Pending = {
  onOutcome: (o: ImportOutcome) => void;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
};
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'seq'> : never) : never;

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

  private start(): Worker {
    if (this.worker) return this.worker;
    const { url, workerData } = workerLocation();
    const worker = new Worker(url, { workerData });
    worker.on('message', (m: WorkerResponse) => this.receive(m));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      this.worker = null;
      if (this.pending.size) this.failAll(new Error(`the worker thread stopped (exit code ${code})`));
    });
    // An idle worker must not keep a CLI process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  request(body: RequestBody, onOutcome: (o: ImportOutcome) => void = () => {}): Promise<unknown> {
    const worker = this.start();
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { onOutcome, resolve, reject });
      worker.ref();
      worker.postMessage({ ...body, seq } as WorkerRequest);
    });
  }

  private receive(message: WorkerResponse): void {
    const pending = this.pending.get(message.seq);
    if (!pending) return;
    if (message.type === 'outcome') {
      pending.onOutcome(message.outcome);
      return;
    }
    this.pending.delete(message.seq);
    if (this.pending.size === 0) this.worker?.unref();
    if (message.type === 'done') pending.resolve(message.result);
    else pending.reject(new Error(message.message));
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
