// `npm start`: builds, then runs the desktop app. Electron's binary is fetched on first run (electron@45 has no
// install script); where it cannot be downloaded, this stops with one message pointing at the browser mode.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildAll } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = path.join(root, 'node_modules', 'electron');
// If the download is still going after this long, say so, rather than sit silent through ~100 MB.
const DOWNLOAD_NOTICE_MS = 3_000;

/** The binary named by electron's own `path.txt`, as its index.js finds it, or null; never downloads. */
function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative) : path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** Runs electron's own installer quietly; resolves to the first line of its error, or null on success. */
function downloadElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const notice = setTimeout(
      () => console.log("Downloading Electron's binary (first run only)…"),
      DOWNLOAD_NOTICE_MS,
    );
    const finish = (error) => {
      clearTimeout(notice);
      resolve(error);
    };
    child.on('error', (error) => finish(error.message));
    child.on('close', (code) =>
      finish(code === 0 ? null : stderr.trim().split('\n')[0] || `exit code ${code}`),
    );
  });
}

async function electronBinary() {
  const installed = installedElectron();
  if (installed) return installed;
  const error = await downloadElectron();
  const downloaded = installedElectron();
  if (downloaded) return downloaded;
  console.error(
    [
      `Offprint's desktop app needs Electron's binary, which is not installed and could not be downloaded (${error ?? 'no binary after the download'}).`,
      'The browser mode works without it: run `npx offprint serve` and open the URL it prints.',
    ].join('\n'),
  );
  process.exit(1);
}

await buildAll();
const electron = await electronBinary();
// ELECTRON_RUN_AS_NODE inherited from a parent would start a plain Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
// Electron is started on the project folder, so it reads package.json (name, version, main) as a package would.
const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
