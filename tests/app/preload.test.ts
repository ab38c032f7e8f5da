// The preload against a recording stand-in for electron: what exactly the page gets as `window.offprint`.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../common/api';
import { APP_EVENT_CHANNEL, type AppEvent, type OffprintBridge } from '../../common/bridge';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let bridge: OffprintBridge;
beforeAll(async () => {
  await import('../../main/app/preload');
  bridge = contextBridge.exposed.get('offprint') as OffprintBridge;
});

describe('preload', () => {
  it('exposes one object, as window.offprint', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['offprint']);
  });

  it('exposes exactly the API methods, onEvent and pathsForFiles', () => {
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'onEvent', 'pathsForFiles'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each method on its own channel with the arguments as given', async () => {
    const args = {
      query: 'drone',
      tags: [],
      anyTag: false,
      notTags: [],
      readState: 'all',
      starred: false,
      from: null,
      to: null,
      sort: 'date',
      offset: 0,
      limit: 10,
    };
    await bridge.search(args as Parameters<OffprintBridge['search']>[0]);
    await bridge.libraryInfo({});
    expect(ipcRenderer.invoked).toEqual([
      { channel: 'offprint:search', args },
      { channel: 'offprint:libraryInfo', args: {} },
    ]);
  });

  it('holds events sent before the page subscribes and gives them to the first subscriber, in order', async () => {
    const early: AppEvent[] = [
      { type: 'library-changed' },
      { type: 'import-started', job: { jobId: 'job-1' } as never },
    ];
    for (const event of early) ipcRenderer.emit(APP_EVENT_CHANNEL, { sender: ipcRenderer }, event);
    const received: AppEvent[] = [];
    const unsubscribe = bridge.onEvent((event) => received.push(event));
    expect(received).toEqual([]); // never inside onEvent itself
    await Promise.resolve();
    expect(received).toEqual(early);
    unsubscribe();
  });

  it('passes events without the IPC event object, and unsubscribes', async () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args) => received.push(args));
    const event: AppEvent = { type: 'reader-font-size', delta: 1 };
    ipcRenderer.emit(APP_EVENT_CHANNEL, { sender: ipcRenderer }, event);
    unsubscribe();
    ipcRenderer.emit(APP_EVENT_CHANNEL, { sender: ipcRenderer }, { type: 'focus-search' });
    expect(received).toEqual([[event]]);
    // What came with nobody listening waits for the next subscriber.
    const later: unknown[][] = [];
    bridge.onEvent((...args) => later.push(args))();
    await Promise.resolve();
    expect(later).toEqual([]); // unsubscribed before the microtask: still held
    const last: unknown[][] = [];
    bridge.onEvent((...args) => last.push(args));
    await Promise.resolve();
    expect(last).toEqual([[{ type: 'focus-search' }]]);
  });

  it('gives the paths of dropped files and skips files without one', () => {
    const files = [{ fakePath: '/home/r/a.html' }, {}, { fakePath: '/home/r/b.txt' }] as unknown as File[];
    expect(bridge.pathsForFiles(files)).toEqual(['/home/r/a.html', '/home/r/b.txt']);
  });
});
