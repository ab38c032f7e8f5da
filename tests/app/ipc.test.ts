// IPC registration against a recording stand-in for electron: one checked handler per API method.
import { describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames, type OffprintApi } from '../../common/api';
import { APP_ENTRY_URL } from '../../main/app/app-origin';
import { setupIpc } from '../../main/app/ipc';
import { ipcMain } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const libraryInfo = { path: '/data/library', articles: 3, formatVersion: 1 };
setupIpc(async () => ({ libraryInfo: async () => libraryInfo }) as unknown as OffprintApi);

const frame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } });

describe('setupIpc', () => {
  it('registers exactly one handler per API method', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
  });

  it('answers our page with an envelope', async () => {
    const handler = ipcMain.handlers.get(ipcChannel('libraryInfo'))!;
    expect(await handler(frame(APP_ENTRY_URL), {})).toEqual({ ok: true, value: libraryInfo });
  });

  it('refuses other pages, iframes and vanished frames, and logs the refusal', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = ipcMain.handlers.get(ipcChannel('libraryInfo'))!;
    for (const event of [frame('https://evil.example/'), frame(APP_ENTRY_URL, {}), { senderFrame: null }]) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { kind: 'failed' } });
    }
    expect(log).toHaveBeenCalledTimes(3);
    log.mockRestore();
  });

  it('validates the arguments', async () => {
    const handler = ipcMain.handlers.get(ipcChannel('libraryInfo'))!;
    expect(await handler(frame(APP_ENTRY_URL), { path: '/etc' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-argument' },
    });
  });
});
