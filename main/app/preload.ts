/**
 * The page's only door to the main process, exposed as `window.offprint`: one named method per API call, the
 * event subscription and `pathsForFiles`, and nothing else. Neither `ipcRenderer` nor the IPC event object
 * reaches the page: either would let a hostile script send on any channel.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { ipcChannel, methodNames } from '../../common/api';
import { EventRelay } from '../../common/event-relay';
import {
  APP_EVENT_CHANNEL,
  type AppEvent,
  type OffprintBridge,
  type OffprintBridgeMethods,
} from '../../common/bridge';

// Built from the contract's list so the bridge cannot drift from it; the cast is where the mapped type is rebuilt.
const methods = Object.fromEntries(
  methodNames.map((method) => [method, (args: unknown) => ipcRenderer.invoke(ipcChannel(method), args)]),
) as OffprintBridgeMethods;

// Listening from the start, before the page subscribes: an event sent while it loads is held, not lost.
const events = new EventRelay<AppEvent>();
ipcRenderer.on(APP_EVENT_CHANNEL, (_event: IpcRendererEvent, appEvent: AppEvent) => events.push(appEvent));

const bridge: OffprintBridge = {
  ...methods,
  onEvent(listener) {
    return events.subscribe(listener);
  },
  pathsForFiles(files) {
    // A File made by script (not dropped or picked) has no path: Electron answers '' for it.
    return Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
  },
};

contextBridge.exposeInMainWorld('offprint', bridge);
