/**
 * The library's worker thread: extraction of imported files and writing search segments, so that the
 * thread answering searches (and the Electron main process) never stalls on them.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from './import/extract';
import { writeMergedSegment, writeSegmentFromArticles } from './search/engine/segment-files';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

function send(message: WorkerResponse): void {
  const transfer =
    message.type === 'outcome' && message.outcome.kind === 'article' ? [message.outcome.original.buffer] : [];
  port!.postMessage(message, transfer as ArrayBuffer[]);
}

async function handle(request: WorkerRequest): Promise<void> {
  try {
    if (request.type === 'extract') {
      for await (const outcome of extract(request.name, request.path, request.bytes)) {
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

port.on('message', (request: WorkerRequest) => void handle(request));
