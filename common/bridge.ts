/**
 * What the Electron preload exposes to the renderer as `window.offprint`: one named method per API call
 * (answering with an `Envelope`) and one event subscription for what the main process initiates (menus).
 */
import type { ArgsOf, Envelope, MethodName, ResultOf } from './api';
import type { ImportProgress } from './import';

export type AppEvent =
  /** An import was started from the native menu; the renderer follows it with `importStatus`. */
  | { type: 'import-started'; job: ImportProgress }
  /** Another library was opened (File ▸ Open Library…): reload everything. */
  | { type: 'library-changed' }
  | { type: 'focus-search' }
  | { type: 'reader-font-size'; delta: -1 | 0 | 1 };

export type OffprintBridgeMethods = {
  [M in MethodName]: (args: ArgsOf<M>) => Promise<Envelope<ResultOf<M>>>;
};

export interface OffprintBridge extends OffprintBridgeMethods {
  /** Subscribes to events from the main process; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Paths of files dropped on the window (Electron only: the browser gives contents, not paths). */
  pathsForFiles(files: File[]): string[];
}

export const APP_EVENT_CHANNEL = 'offprint:event';
