/**
 * Where the library lives (main/library/location.ts): the user-data folder on each platform, as Electron names
 * it for an app called Offprint, and the choice between `--library`, OFFPRINT_LIBRARY and that folder. The home
 * folder is the test’s, so every expected path is spelled out rather than recomputed the way the code does.
 */
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveLibraryPath, userDataFolder } from '../../main/library/location';

const HOME = '/home/reader';

beforeEach(() => {
  // The home folder is the test's, not the machine's. Not by setting HOME: in a worker thread (Stryker runs the
  // tests in threads) os.homedir() reads the process's real environment, not the thread's copy.
  vi.spyOn(os, 'homedir').mockReturnValue(HOME);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('userDataFolder', () => {
  it('is APPDATA\\Offprint on Windows, or the roaming folder under home when APPDATA is unset or empty', () => {
    expect(userDataFolder({ APPDATA: '/profiles/reader/Roaming' }, 'win32')).toBe(
      '/profiles/reader/Roaming/Offprint',
    );
    expect(userDataFolder({}, 'win32')).toBe('/home/reader/AppData/Roaming/Offprint');
    // An empty APPDATA (a parent process that cleared it) is none, as an empty XDG_CONFIG_HOME is on Linux:
    // taken as is, the library would be the relative folder Offprint/library, wherever the app started.
    expect(userDataFolder({ APPDATA: '' }, 'win32')).toBe('/home/reader/AppData/Roaming/Offprint');
    // XDG_CONFIG_HOME is a Linux convention: Windows ignores it.
    expect(userDataFolder({ XDG_CONFIG_HOME: '/xdg' }, 'win32')).toBe(
      '/home/reader/AppData/Roaming/Offprint',
    );
  });

  it('is Application Support under Library on macOS, whatever the environment says', () => {
    expect(userDataFolder({}, 'darwin')).toBe('/home/reader/Library/Application Support/Offprint');
    expect(userDataFolder({ APPDATA: '/appdata', XDG_CONFIG_HOME: '/xdg' }, 'darwin')).toBe(
      '/home/reader/Library/Application Support/Offprint',
    );
  });

  it('is XDG_CONFIG_HOME/Offprint elsewhere, ~/.config/Offprint when it is unset or empty', () => {
    expect(userDataFolder({ XDG_CONFIG_HOME: '/xdg/config' }, 'linux')).toBe('/xdg/config/Offprint');
    expect(userDataFolder({}, 'linux')).toBe('/home/reader/.config/Offprint');
    // An empty variable counts as unset (the XDG specification says so), not as the current folder.
    expect(userDataFolder({ XDG_CONFIG_HOME: '' }, 'linux')).toBe('/home/reader/.config/Offprint');
    expect(userDataFolder({ APPDATA: '/appdata' }, 'freebsd')).toBe('/home/reader/.config/Offprint');
  });

  it('reads this process’s environment and platform when given none', () => {
    vi.stubEnv('XDG_CONFIG_HOME', '/from/process/env');
    vi.stubEnv('APPDATA', '/from/process/appdata');
    const expected =
      process.platform === 'win32'
        ? '/from/process/appdata/Offprint'
        : process.platform === 'darwin'
          ? '/home/reader/Library/Application Support/Offprint'
          : '/from/process/env/Offprint';
    expect(userDataFolder()).toBe(expected);
    expect(userDataFolder(process.env)).toBe(expected);
  });
});

describe('resolveLibraryPath', () => {
  it('takes the flag first, then OFFPRINT_LIBRARY, then the user-data folder', () => {
    const env = { OFFPRINT_LIBRARY: '/env/library', XDG_CONFIG_HOME: '/xdg' };
    expect(resolveLibraryPath({ flag: '/flag/library', env })).toBe('/flag/library');
    expect(resolveLibraryPath({ flag: null, env })).toBe('/env/library');
    expect(resolveLibraryPath({ env })).toBe('/env/library');
    // An empty flag (`--library ""`) or variable is no choice at all.
    expect(resolveLibraryPath({ flag: '', env })).toBe('/env/library');
  });

  it('places the default library in the user-data folder the given environment names', () => {
    if (process.platform === 'win32' || process.platform === 'darwin') return;
    expect(resolveLibraryPath({ env: { XDG_CONFIG_HOME: '/xdg' } })).toBe('/xdg/Offprint/library');
    expect(resolveLibraryPath({ env: {} })).toBe('/home/reader/.config/Offprint/library');
    expect(resolveLibraryPath({ flag: '', env: { OFFPRINT_LIBRARY: '', XDG_CONFIG_HOME: '/xdg' } })).toBe(
      '/xdg/Offprint/library',
    );
  });

  it('resolves a relative choice against the current folder', () => {
    expect(resolveLibraryPath({ flag: 'my-library', env: {} })).toBe(path.join(process.cwd(), 'my-library'));
    expect(resolveLibraryPath({ env: { OFFPRINT_LIBRARY: '../shared/lib' } })).toBe(
      path.resolve(process.cwd(), '..', 'shared', 'lib'),
    );
    expect(resolveLibraryPath({ flag: '/a/b/../c', env: {} })).toBe('/a/c');
  });

  it('reads this process’s environment when given none', () => {
    vi.stubEnv('OFFPRINT_LIBRARY', '/process/env/library');
    expect(resolveLibraryPath()).toBe('/process/env/library');
    expect(resolveLibraryPath({ flag: '/flag' })).toBe('/flag');
    // The given environment, not this process's, even where this process's has a library set.
    expect(resolveLibraryPath({ env: { OFFPRINT_LIBRARY: '/given/library' } })).toBe('/given/library');
    vi.stubEnv('OFFPRINT_LIBRARY', '');
    vi.stubEnv('XDG_CONFIG_HOME', '/process/xdg');
    if (process.platform !== 'win32' && process.platform !== 'darwin')
      expect(resolveLibraryPath()).toBe('/process/xdg/Offprint/library');
  });
});
