/**
 * Where the library lives: `--library DIR`, else `OFFPRINT_LIBRARY`, else the platform's user-data folder
 * (the same folder Electron's `app.getPath('userData')` uses for an app named Offprint) + `library`.
 */
import os from 'node:os';
import path from 'node:path';

export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Offprint');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Offprint');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Offprint');
}

export function resolveLibraryPath(opts: { flag?: string | null; env?: NodeJS.ProcessEnv } = {}): string {
  const env = opts.env ?? process.env;
  const chosen = opts.flag || env.OFFPRINT_LIBRARY;
  if (chosen) return path.resolve(chosen);
  return path.join(userDataFolder(env), 'library');
}
