/**
 * What the File menu does: pick files, a folder or a library with the native dialogs, then call the library
 * and tell the page. Imports run as jobs in the library; the page follows them with `importStatus`.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Library } from '../library/library';
import { sendAppEvent } from './events';
import type { LibraryHolder } from './library-holder';

export interface LibraryActions {
  importFiles(): Promise<void>;
  importFolder(): Promise<void>;
  openLibrary(): Promise<void>;
  /** Writes the whole library to one zip the user chooses; importing that zip restores it. */
  backupLibrary(): Promise<void>;
}

export function libraryActions(
  libraries: LibraryHolder<Library>,
  window: () => BrowserWindow | null,
): LibraryActions {
  async function pick(options: OpenDialogOptions): Promise<string[]> {
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  }

  async function pickSave(options: SaveDialogOptions): Promise<string | null> {
    const parent = window();
    const result = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async function importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    try {
      const library = await libraries.get();
      const job = await library.importPaths({ paths, folderTags: true });
      sendAppEvent(window(), { type: 'import-started', job });
    } catch (error) {
      await showError(window(), 'The import could not start.', error);
    }
  }

  return {
    async importFiles() {
      await importPaths(await pick({ title: 'Import Files', properties: ['openFile', 'multiSelections'] }));
    },
    async importFolder() {
      await importPaths(
        await pick({ title: 'Import Folder', properties: ['openDirectory', 'multiSelections'] }),
      );
    },
    async openLibrary() {
      const [dir] = await pick({
        title: 'Open Library',
        buttonLabel: 'Open Library',
        // An empty or new folder becomes an empty library, so creating one from the dialog is allowed.
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      if (dir === undefined) return;
      try {
        await libraries.switchTo(dir);
        sendAppEvent(window(), { type: 'library-changed' });
      } catch (error) {
        await showError(
          window(),
          `The library at ${dir} could not be opened; the current one stays open.`,
          error,
        );
      }
    },
    async backupLibrary() {
      const target = await pickSave({
        title: 'Back Up Library',
        buttonLabel: 'Back Up',
        defaultPath: `offprint-backup-${new Date().toISOString().slice(0, 10)}.zip`,
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      });
      if (target === null) return;
      try {
        const library = await libraries.get();
        const result = await library.backup({ path: target });
        const parent = window();
        const options = {
          type: 'info' as const,
          message: 'The library is backed up.',
          detail: `${result.articles} articles, ${formatBytes(result.bytes)}, in ${result.path}. Import this zip to restore them.`,
        };
        if (parent) await dialog.showMessageBox(parent, options);
        else await dialog.showMessageBox(options);
      } catch (error) {
        await showError(window(), 'The backup could not be written.', error);
      }
    },
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

async function showError(parent: BrowserWindow | null, message: string, error: unknown): Promise<void> {
  const options = {
    type: 'error' as const,
    message,
    detail: error instanceof Error ? error.message : String(error),
  };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}
