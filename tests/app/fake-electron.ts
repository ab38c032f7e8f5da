/**
 * A stand-in for the `electron` module, for `vi.mock('electron', () => import('./fake-electron'))`: Electron's
 * binary cannot run here, so the glue in main/app is exercised against this recorder instead. It implements only
 * what main/app calls and records what it was given, so tests assert on the real registrations.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: never[]) => unknown;

export const app = Object.assign(new EventEmitter(), { isPackaged: false });

export const ipcMain = {
  handlers: new Map<string, (event: unknown, args: unknown) => Promise<unknown>>(),
  handle(channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>) {
    if (this.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as Array<{ channel: string; args: unknown }>,
  async invoke(channel: string, args: unknown) {
    this.invoked.push({ channel, args });
    return { ok: true, value: channel };
  },
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

export const webUtils = {
  // Electron answers '' for a File that did not come from the file system.
  getPathForFile: (file: { fakePath?: string }) => file.fakePath ?? '',
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    this.opened.push(url);
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    handlers: new Map<string, Handler>(),
    setPermissionRequestHandler(handler: Handler) {
      this.handlers.set('permissionRequest', handler);
    },
    setPermissionCheckHandler(handler: Handler) {
      this.handlers.set('permissionCheck', handler);
    },
    setDevicePermissionHandler(handler: Handler) {
      this.handlers.set('devicePermission', handler);
    },
    webRequest: {
      headersReceived: null as Handler | null,
      onHeadersReceived(handler: Handler) {
        this.headersReceived = handler;
      },
    },
  },
};

/** A web contents that records its handlers; `emit` plays Chromium's part. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

/** The event object Electron passes to `will-navigate` and friends. */
export function cancellableEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export const nativeTheme = {
  themeSource: 'system' as 'system' | 'light' | 'dark',
  shouldUseDarkColors: false,
};

export const Menu = {
  application: null as unknown,
  // The fake "menu" is its template, so tests can walk it.
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu(menu: unknown) {
    this.application = menu;
  },
};

/** Native dialogs: the test sets what the next save dialog answers; message boxes are recorded. */
export const dialog = {
  nextSavePath: null as string | null,
  saveOptions: [] as unknown[],
  messages: [] as Array<{ type?: string; message: string; detail?: string }>,
  async showSaveDialog(...args: unknown[]) {
    this.saveOptions.push(args[args.length - 1]);
    const filePath = this.nextSavePath;
    return filePath === null ? { canceled: true, filePath: undefined } : { canceled: false, filePath };
  },
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
  async showMessageBox(...args: unknown[]) {
    this.messages.push(args[args.length - 1] as { message: string });
    return { response: 0 };
  },
};
