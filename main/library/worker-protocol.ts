/**
 * The typed messages between the library and its worker thread. Each request carries a sequence number;
 * the worker answers `started` when it begins it, then zero or more `outcome` messages (streamed, so a big
 * archive never sits whole in one message) and `alive` signs of progress, and then exactly one `done` or
 * `error` for that number. The worker extracts one file at a time, so the clock of a file's time limit
 * runs only while that file is worked on; `drop` withdraws an extraction not yet begun.
 */
import type { ImportOutcome } from './import/importer';
import type { ImportLimits } from './import/limits';

export type WorkerRequest =
  | { seq: number; type: 'extract'; name: string; path: string | null; bytes: Uint8Array | null }
  | { seq: number; type: 'build-segment'; libraryDir: string; ids: string[] }
  | { seq: number; type: 'merge-segments'; libraryDir: string; names: string[]; keep: Uint8Array[] }
  | { seq: number; type: 'drop' };

/** What the worker is started with. */
export interface WorkerSettings {
  limits?: Partial<ImportLimits>;
}

/** What `build-segment` and `merge-segments` answer: the new segment file and how many documents it holds. */
export interface BuiltSegment {
  name: string;
  docs: number;
}

export type WorkerResponse =
  | { seq: number; type: 'started' }
  | { seq: number; type: 'alive' }
  | { seq: number; type: 'outcome'; outcome: ImportOutcome }
  | { seq: number; type: 'done'; result: unknown }
  | { seq: number; type: 'error'; message: string };
