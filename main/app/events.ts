/** Events the main process pushes to the page (menus, library switches), on the one channel the preload listens to. */
import type { BrowserWindow } from 'electron';
import { APP_EVENT_CHANNEL, type AppEvent } from '../../common/bridge';

export function sendAppEvent(window: BrowserWindow | null, event: AppEvent): void {
  if (window && !window.isDestroyed()) window.webContents.send(APP_EVENT_CHANNEL, event);
}
