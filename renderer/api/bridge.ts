/** Where the Electron preload's bridge lives; absent when the UI runs in a plain browser. */
import type { OffprintBridge } from '../../common/bridge';

declare global {
  interface Window {
    offprint?: OffprintBridge;
  }
}

/** The preload bridge inside Electron, null in a browser (then the API goes over HTTP). */
export function getBridge(): OffprintBridge | null {
  return window.offprint ?? null;
}
