/**
 * Offprint's Electron main process, as a flat list of setup steps (the electron/fiddle shape); each step lives in
 * a small file of its own. The library opens while Electron starts, at `--library`, `OFFPRINT_LIBRARY` or the
 * default folder (created empty on first run).
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { openLibrary } from '../library/library';
import { resolveLibraryPath } from '../library/location';
import { libraryFlag } from './command-line';
import { setupIpc } from './ipc';
import { libraryActions } from './library-actions';
import { LibraryHolder } from './library-holder';
import { claimSingleInstance, setupLibraryShutdown, setupWindowLifecycle } from './lifecycle';
import { setupMenu } from './menu';
import { registerAppScheme, setupAppProtocol } from './protocol';
import { setupNavigationPolicy, setupSessionPolicy } from './security';
import { createMainWindow } from './window';

let mainWindow: BrowserWindow | null = null;
const currentWindow = () => mainWindow;

function openWindow(): void {
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  app.enableSandbox();
  registerAppScheme();
  setupNavigationPolicy();

  const libraries = new LibraryHolder(
    // The app makes its library on first start, and a new one where the user picks an empty folder.
    (dir) => openLibrary(dir, { create: true }),
    resolveLibraryPath({ flag: libraryFlag(process.argv) }),
  );
  setupLibraryShutdown(libraries);
  setupWindowLifecycle(openWindow, currentWindow);

  await app.whenReady();
  setupSessionPolicy();
  setupAppProtocol();
  setupIpc(() => libraries.get());
  setupMenu({ actions: libraryActions(libraries, currentWindow), libraries, window: currentWindow });
  openWindow();

  libraries.get().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(
      'Offprint could not open the library',
      `${reason}\n\nChoose another with File ▸ Open Library….`,
    );
  });
}

if (claimSingleInstance(currentWindow)) {
  start().catch((error: unknown) => {
    console.error('Offprint failed to start:', error);
    app.exit(1);
  });
} else {
  app.quit();
}
