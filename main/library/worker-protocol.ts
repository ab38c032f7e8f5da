/**
 * The typed messages between the library and its worker thread. Each request carries a sequence number;
 * the worker answers with zero or more `outcome` messages (streamed, so a big archive never sits whole in
 * one message) and then exactly one `done` or `error` for that number.
 */
import type { ImportOutcome } from './import/importer';

export type WorkerRequest =
  | { seq: number; type: 'extract'; name: string; path: string | null; bytes: Uint8Array | null }
  | { seq: number; type: 'build-segment'; libraryDir: string; ids: string[] }
  | { seq: number; type: 'merge-segments'; libraryDir: string; names: string[]; keep: Uint8Array[] };

/** What `build-segment` and `merge-segments` answer: the new segment file and how many documents it holds. */
export interface BuiltSegment {
  name: string;
  docs: number;
}

export type WorkerResponse =
  | { seq: number; type: 'outcome'; outcome: ImportOutcome }
  | { seq: number; type: 'done'; result: unknown }
  | { seq: number; type: 'error'; message: string };
