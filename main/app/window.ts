/** The one window of Offprint, with the locked-down preferences pinned in web-preferences.ts. */
import { fileURLToPath } from 'node:url';
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { webPreferences } from './web-preferences';

/** Bundled as CommonJS beside main.js: a sandboxed preload cannot be an ES module. */
const PRELOAD_PATH = fileURLToPath(new URL('./preload.cjs', import.meta.url));

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 420,
    title: 'Offprint',
    // Shown once painted, and on a background of the theme's colour, so the window never flashes white.
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
    webPreferences: {
      ...webPreferences(PRELOAD_PATH),
      // Repeated here as literals (the same values as web-preferences.ts, which a test pins) so that a reader of
      // this call, and Electronegativity, which reads only this object, see the page's isolation at a glance.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      // A middle click on a link would open it in a new Electron window; the reader opens links itself.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Could not load the page:', error));
  return window;
}

/** Brings the window to the front, e.g. when a second instance was started. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
