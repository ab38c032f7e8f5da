// Builds everything the desktop app runs, into dist/:
//   dist/renderer/           the React page (Vite, config in vite.config.ts)
//   dist/app/main.js         the Electron main process (ESM)
//   dist/app/preload.cjs     the preload (CommonJS: a sandboxed preload can only `require('electron')`)
//   dist/app/library-worker.js  the library's worker thread, beside main.js where the library looks for it
// Steps whose source does not exist yet are skipped with one line, so a partial tree still builds.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => path.join(root, ...parts);

const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
// Dependencies stay in node_modules (electron-builder packs the production ones), so packages that read their
// own files at runtime (jsdom, ...) keep working; devDependencies must not reach the main process unbundled.
const external = ['electron', ...Object.keys(pkg.dependencies ?? {}).flatMap((name) => [name, `${name}/*`])];
// Electron 45 embeds Node 22 or later; the preload runs in its Chromium.
const NODE_TARGET = 'node22';

export async function buildAll() {
  await buildRenderer();
  rmSync(at('dist', 'app'), { recursive: true, force: true });
  const { build } = await import('esbuild');
  const common = { bundle: true, logLevel: 'warning', legalComments: 'none', absWorkingDir: root };
  const node = { ...common, platform: 'node', format: 'esm', target: NODE_TARGET, external };

  await build({
    ...node,
    entryPoints: [at('main', 'app', 'main.ts')],
    outfile: at('dist', 'app', 'main.js'),
  });
  await build({
    ...common,
    entryPoints: [at('main', 'app', 'preload.ts')],
    outfile: at('dist', 'app', 'preload.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    // Everything but electron is bundled in: the sandbox offers no module loader for anything else.
    external: ['electron'],
  });
  const worker = at('main', 'library', 'worker.ts');
  if (existsSync(worker)) {
    await build({ ...node, entryPoints: [worker], outfile: at('dist', 'app', 'library-worker.js') });
  } else {
    console.log('build: skipped the library worker (main/library/worker.ts does not exist yet)');
  }
}

async function buildRenderer() {
  const config = at('vite.config.ts');
  if (!existsSync(at('renderer', 'index.html')) || !existsSync(config)) {
    console.log('build: skipped the renderer (renderer/index.html or vite.config.ts does not exist yet)');
    return;
  }
  const { build } = await import('vite');
  await build({ configFile: config, logLevel: 'warn' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildAll().catch((error) => {
    // esbuild and Vite have already printed the details of a compile error.
    console.error(`build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    process.exit(1);
  });
}
