// The native menu against a recording stand-in for electron: the items the issue asks for, and what they do.
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_EVENT_CHANNEL } from '../../common/bridge';
import type { Library } from '../../main/library/library';
import type { LibraryActions } from '../../main/app/library-actions';
import type { LibraryHolder } from '../../main/app/library-holder';
import { setupMenu } from '../../main/app/menu';
import { Menu, nativeTheme } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const actionsCalled: string[] = [];
const actions: LibraryActions = {
  importFiles: async () => void actionsCalled.push('importFiles'),
  importFolder: async () => void actionsCalled.push('importFolder'),
  openLibrary: async () => void actionsCalled.push('openLibrary'),
  backupLibrary: async () => void actionsCalled.push('backupLibrary'),
};
const sent: unknown[] = [];
const window = { isDestroyed: () => false, webContents: { send: (...args: unknown[]) => sent.push(args) } };
setupMenu({
  actions,
  libraries: {} as LibraryHolder<Library>,
  window: () => window as unknown as BrowserWindow,
});
const menu = Menu.application as MenuItemConstructorOptions[];

function submenu(label: string, items: MenuItemConstructorOptions[] = menu): MenuItemConstructorOptions[] {
  const found = items.find((item) => item.label?.replace('&', '') === label);
  if (!found || !Array.isArray(found.submenu)) throw new Error(`no submenu ${label}`);
  return found.submenu;
}

function click(label: string, items: MenuItemConstructorOptions[]): void {
  const item = items.find((i) => i.label === label);
  if (!item?.click) throw new Error(`no item ${label}`);
  (item.click as () => void)();
}

const labels = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => item.label ?? item.role ?? item.type);

describe('menu', () => {
  it('has File, Edit, View and Help', () => {
    expect(labels(menu).filter((label) => label !== 'appMenu')).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('File imports files and folders, opens another library and backs this one up', () => {
    const file = submenu('File');
    expect(labels(file).filter((l) => l !== 'separator')).toEqual([
      'Import Files…',
      'Import Folder…',
      'Open Library…',
      'Back Up Library…',
      process.platform === 'darwin' ? 'close' : 'quit',
    ]);
    for (const label of ['Import Files…', 'Import Folder…', 'Open Library…', 'Back Up Library…'])
      click(label, file);
    expect(actionsCalled).toEqual(['importFiles', 'importFolder', 'openLibrary', 'backupLibrary']);
  });

  it('View zooms the page, switches the theme and sends reader font sizes to the page', () => {
    const view = submenu('View');
    expect(labels(view)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    click('Dark', submenu('Theme', view));
    expect(nativeTheme.themeSource).toBe('dark');
    click('System', submenu('Theme', view));
    expect(nativeTheme.themeSource).toBe('system');
    const fontSize = submenu('Reader Font Size', view);
    for (const label of ['Bigger', 'Smaller', 'Reset']) click(label, fontSize);
    expect(sent).toEqual([
      [APP_EVENT_CHANNEL, { type: 'reader-font-size', delta: 1 }],
      [APP_EVENT_CHANNEL, { type: 'reader-font-size', delta: -1 }],
      [APP_EVENT_CHANNEL, { type: 'reader-font-size', delta: 0 }],
    ]);
  });
});
