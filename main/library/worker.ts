/**
 * The library's worker thread: extraction of imported files and writing search segments, so that the
 * thread answering searches (and the Electron main process) never stalls on them. Extractions run one at a
 * time, in the order asked: the library may then stop this thread when one of them takes too long, and
 * knows that the others had not begun.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setImportLimits } from './import/limits';
import { writeMergedSegment, writeSegmentFromArticles } from './search/engine/segment-files';
import type { WorkerRequest, WorkerResponse, WorkerSettings } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
setImportLimits((workerData as WorkerSettings | null)?.limits);

/**
 * Extraction (with jsdom, which the sanitizer needs) loads on the first file: a thread that only writes segments,
 * like the library's index worker, never loads it (about a second of CPU and tens of MB per thread). Should
 * DOMPurify report itself unsupported, that first extraction fails, naming the reason, and so does every file.
 */
let extraction: Promise<typeof import('./import/extract')> | null = null;
const loadExtract = () => (extraction ??= import('./import/extract'));

/** Signs of progress are sent at most this often: enough to keep a file's clock from running out. */
const ALIVE_EVERY_MS = 250;

function send(message: WorkerResponse): void {
  const transfer =
    message.type === 'outcome' && message.outcome.kind === 'article' ? [message.outcome.original.buffer] : [];
  port!.postMessage(message, transfer as ArrayBuffer[]);
}

async function handle(request: Exclude<WorkerRequest, { type: 'drop' }>): Promise<void> {
  // The code loads before the request's clock starts (on 'started'): loading it is not the file's time, and on
  // a loaded machine it could take longer than a short file limit.
  const loading = request.type === 'extract' ? loadExtract() : null;
  await loading?.catch(() => undefined);
  send({ seq: request.seq, type: 'started' });
  try {
    if (request.type === 'extract') {
      let last = Date.now();
      const alive = (): void => {
        const now = Date.now();
        if (now - last < ALIVE_EVERY_MS) return;
        last = now;
        send({ seq: request.seq, type: 'alive' });
      };
      const { extract } = await loading!;
      for await (const outcome of extract(request.name, request.path, request.bytes, { alive })) {
        if (outcome.kind === 'article') outcome.original = ownBuffer(outcome.original);
        send({ seq: request.seq, type: 'outcome', outcome });
      }
      send({ seq: request.seq, type: 'done', result: null });
    } else if (request.type === 'build-segment') {
      send({
        seq: request.seq,
        type: 'done',
        result: await writeSegmentFromArticles(request.libraryDir, request.ids),
      });
    } else {
      const merged = await writeMergedSegment(request.libraryDir, request.names, request.keep);
      send({ seq: request.seq, type: 'done', result: merged });
    }
  } catch (error) {
    send({ seq: request.seq, type: 'error', message: (error as Error).message });
  }
}

/** Transferring a view of a pooled Buffer would detach the pool: copy into a buffer of its own first. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

let extractions: Promise<void> = Promise.resolve();
const dropped = new Set<number>();

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'drop') dropped.add(request.seq);
  else if (request.type === 'extract')
    extractions = extractions.then(() => (dropped.delete(request.seq) ? undefined : handle(request)));
  else void handle(request);
});
