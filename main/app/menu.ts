/**
 * The native menu: File (imports, Open Library…, Back Up Library…), Edit, View (page zoom, theme, reader font size), Help.
 * Menu items only call library actions or send `AppEvent`s; the page decides what an event means.
 */
import { app, Menu, nativeTheme, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppEvent } from '../../common/bridge';
import type { Library } from '../library/library';
import { sendAppEvent } from './events';
import type { LibraryActions } from './library-actions';
import type { LibraryHolder } from './library-holder';

export interface MenuDeps {
  actions: LibraryActions;
  libraries: LibraryHolder<Library>;
  window: () => BrowserWindow | null;
}

export function setupMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(deps)));
}

function menuTemplate({ actions, libraries, window }: MenuDeps): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  const send = (event: AppEvent) => () => sendAppEvent(window(), event);
  const theme = (label: string, source: typeof nativeTheme.themeSource): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: nativeTheme.themeSource === source,
    click: () => {
      nativeTheme.themeSource = source;
    },
  });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => void actions.importFiles() },
      { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void actions.importFolder() },
      { type: 'separator' },
      { label: 'Open Library…', accelerator: 'CmdOrCtrl+Alt+O', click: () => void actions.openLibrary() },
      { label: 'Back Up Library…', click: () => void actions.backupLibrary() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find in Library', accelerator: 'CmdOrCtrl+F', click: send({ type: 'focus-search' }) },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: [theme('System', 'system'), theme('Light', 'light'), theme('Dark', 'dark')],
      },
      {
        label: 'Reader Font Size',
        submenu: [
          {
            label: 'Bigger',
            accelerator: 'CmdOrCtrl+Alt+=',
            click: send({ type: 'reader-font-size', delta: 1 }),
          },
          {
            label: 'Smaller',
            accelerator: 'CmdOrCtrl+Alt+-',
            click: send({ type: 'reader-font-size', delta: -1 }),
          },
          {
            label: 'Reset',
            accelerator: 'CmdOrCtrl+Alt+0',
            click: send({ type: 'reader-font-size', delta: 0 }),
          },
        ],
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      // A tool for us, not for readers: offered only when running from the source tree.
      ...(app.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      {
        label: 'Show Library Folder',
        click: () =>
          void libraries
            .get()
            .then((library) => shell.openPath(library.path))
            .catch((error: unknown) => console.error('No library folder to show:', error)),
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
    ],
  };

  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}
