// Builds everything the desktop app and the `offprint` command run, into dist/:
//   dist/renderer/           the React page (Vite, config in vite.config.ts)
//   dist/app/main.js         the Electron main process (ESM)
//   dist/app/preload.cjs     the preload (CommonJS: a sandboxed preload can only `require('electron')`)
//   dist/app/library-worker.js  the library's worker thread, beside main.js where the library looks for it
//   dist/app/search-thread.js   the library's search thread, likewise (and in dist/cli)
//   dist/app/worker-chunk-*.js  code the workers load only when needed (extraction, with jsdom)
//   dist/cli/offprint.js     the `offprint` command (ESM, Node 20), which bin/offprint.mjs runs; each command's
//                            code is a chunk beside it, loaded only when that command runs
//   dist/cli/library-worker.js  the same worker, beside the CLI's chunks where the library looks for it
//   dist/cli/build-inputs.json  when the CLI was built and from which sources (bin/build-state.mjs reads it)
// `node scripts/build.mjs --cli` builds only the CLI; with `--if-stale`, only when its build is missing or stale.
// Steps whose source does not exist yet are skipped with one line, so a partial tree still builds.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// The CLI runs on plain Node, 20 or later (package.json `engines`).
const CLI_TARGET = 'node20';

// The library's worker threads. The library finds each one as `new URL('./<name>', import.meta.url)` in a bundle,
// so every bundle folder that holds library code gets all of them, built for that folder's Node.
const WORKERS = [
  { entry: 'main/library/worker.ts', name: 'library-worker.js' },
  { entry: 'main/library/search/search-thread.ts', name: 'search-thread.js' },
];

const common = { bundle: true, logLevel: 'warning', legalComments: 'none', absWorkingDir: root };
const nodeOptions = (target) => ({ ...common, platform: 'node', format: 'esm', target, external });

/**
 * Builds the WORKERS into `folder`, for `target`; returns esbuild's metafile. Split into chunks, so what a worker
 * loads lazily (extraction, with jsdom) stays out of a thread that never needs it.
 */
async function buildWorkers(folder, target) {
  const { build } = await import('esbuild');
  const entryPoints = {};
  for (const { entry, name } of WORKERS) {
    if (existsSync(at(entry))) entryPoints[name.replace(/\.js$/, '')] = at(entry);
    else console.log(`build: skipped ${name} (${entry} does not exist yet)`);
  }
  const result = await build({
    ...nodeOptions(target),
    entryPoints,
    outdir: at(folder),
    splitting: true,
    chunkNames: 'worker-[name]-[hash]',
    metafile: true,
  });
  return [result.metafile];
}

export async function buildAll() {
  await buildRenderer();
  await buildApp();
  await buildCli();
}

async function buildApp() {
  rmSync(at('dist', 'app'), { recursive: true, force: true });
  const { build } = await import('esbuild');
  await build({
    ...nodeOptions(NODE_TARGET),
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
  await buildWorkers(path.join('dist', 'app'), NODE_TARGET);
}

/** The `offprint` command, with its workers and the list of sources it was built from. */
export async function buildCli() {
  const folder = path.join('dist', 'cli');
  const builtAt = Date.now();
  rmSync(at(folder), { recursive: true, force: true });
  const { build } = await import('esbuild');
  const result = await build({
    ...nodeOptions(CLI_TARGET),
    entryPoints: { offprint: at('main', 'cli', 'main.ts') },
    outdir: at(folder),
    // Each command is a dynamic import, hence a chunk: `search` never loads the server. The chunks stay in the
    // CLI's folder, so the library's `new URL('./library-worker.js', import.meta.url)` finds the worker from them.
    splitting: true,
    chunkNames: '[name]-[hash]',
    metafile: true,
  });
  const metafiles = [result.metafile, ...(await buildWorkers(folder, CLI_TARGET))];
  const inputs = new Set(['scripts/build.mjs']);
  for (const metafile of metafiles)
    for (const input of Object.keys(metafile.inputs)) if (!input.includes('node_modules')) inputs.add(input);
  writeFileSync(
    at(folder, 'build-inputs.json'),
    JSON.stringify({ builtAt, inputs: [...inputs].sort() }, null, 2) + '\n',
  );
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

async function fromCommandLine(args) {
  if (!args.includes('--cli')) return buildAll();
  if (args.includes('--if-stale')) {
    const { cliBuildProblem } = await import('../bin/build-state.mjs');
    const problem = cliBuildProblem(root);
    if (!problem) return;
    console.log(`build: rebuilding the CLI (${problem.replace(/^the build is /, 'it is ')})`);
  }
  return buildCli();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  fromCommandLine(process.argv.slice(2)).catch((error) => {
    // esbuild and Vite have already printed the details of a compile error.
    console.error(`build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    process.exit(1);
  });
}
