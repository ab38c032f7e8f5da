// Packs the real app with electron-builder's `dir` target and reads the app.asar it wrote: proof that only build
// output and production dependencies ship. Offline there is no Electron to pack, so a stub stands in for its
// folder (and the fuses, which need the real binary, are left out of this one build).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { build, Platform, type Configuration } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = ['dist/app/main.js', 'dist/app/preload.cjs', 'dist/app/library-worker.js'].every((file) =>
  existsSync(path.join(ROOT, file)),
);
if (!BUILT) console.log('skipped: package contents — no build output here (run `npm run build` first)');

let work: string | null = null;
afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

describe.skipIf(!BUILT)('the packaged app', () => {
  it('holds only dist/, package.json and production node_modules', async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'offprint-package-'));
    const stubElectron = path.join(work, 'electron-dist');
    await fs.mkdir(stubElectron);
    await fs.writeFile(path.join(stubElectron, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const config = YAML.parse(
      await fs.readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8'),
    ) as Configuration;

    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      config: {
        ...config,
        electronDist: stubElectron,
        electronFuses: null,
        directories: { ...config.directories, output: path.join(work, 'out') },
      },
    });
    const unpacked = (await fs.readdir(path.join(work, 'out'))).find((name) => name.endsWith('-unpacked'));
    const entries = listPackage(path.join(work, 'out', unpacked ?? 'missing', 'resources', 'app.asar'), {
      isPack: false,
    });

    const topLevel = new Set(entries.map((entry) => entry.split(/[/\\]/)[1]));
    expect([...topLevel].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    expect(entries).toEqual(
      expect.arrayContaining(
        ['/dist/app/main.js', '/dist/app/preload.cjs', '/dist/app/library-worker.js'].map((p) =>
          p.replaceAll('/', path.sep),
        ),
      ),
    );
    // The CLI's build (dist/cli) ships in the npm package, not in the app.
    expect(entries.filter((entry) => entry.split(/[/\\]/)[2] === 'cli')).toEqual([]);
    const modules = new Set(
      entries
        .map((entry) => entry.split(/[/\\]/))
        .flatMap(([, top, name]) => (top === 'node_modules' && name ? [name] : [])),
    );
    for (const dependency of ['lunr', 'yaml']) expect(modules).toContain(dependency);
    for (const devOnly of ['electron', 'vitest', 'typescript', 'electron-builder', 'tsx'])
      expect(modules).not.toContain(devOnly);
  });
});
