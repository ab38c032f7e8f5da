/**
 * Registers one `ipcMain.handle` per API method, all derived from the contract's method list so no channel can
 * exist without an argument parser. The checks live in dispatch.ts (the sender) and in the dispatcher it shares
 * with HTTP, main/library/dispatch.ts (the method, the caller, the arguments).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannel, methodNames, type OffprintApi } from '../../common/api';
import type { SenderFrame } from './app-origin';
import { dispatch } from './dispatch';

export function setupIpc(library: () => Promise<OffprintApi>): void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event, args: unknown) => {
      const envelope = await dispatch(library, method, senderOf(event), args);
      if (!envelope.ok && envelope.error.kind === 'failed')
        console.error(`${method} failed:`, envelope.error.message);
      return envelope;
    });
  }
}

function senderOf(event: IpcMainInvokeEvent): SenderFrame | null {
  const frame = event.senderFrame;
  // `senderFrame` is null once the frame has navigated away or been destroyed; such a call is not answered.
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
}
