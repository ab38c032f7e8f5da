/** The app's life: one instance, one window (re-created on macOS dock clicks), and a library closed before exit. */
import { app, type BrowserWindow } from 'electron';
import type { ClosableLibrary, LibraryHolder } from './library-holder';
import { focusWindow } from './window';

/**
 * Two instances on one library would be two writers on one archive; the second instance hands over to the
 * first (which comes to the front) and exits. Returns false in the instance that must exit.
 */
export function claimSingleInstance(window: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const current = window();
    if (current) focusWindow(current);
  });
  return true;
}

export function setupWindowLifecycle(openWindow: () => void, window: () => BrowserWindow | null): void {
  app.on('activate', () => {
    if (!window()) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** Holds the quit until the library has closed, so an import in progress and the index are left consistent. */
export function setupLibraryShutdown(libraries: LibraryHolder<ClosableLibrary>): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    libraries
      .close()
      .catch((error: unknown) => console.error('Closing the library failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
