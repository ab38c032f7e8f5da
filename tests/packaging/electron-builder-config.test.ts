// electron-builder.yml, checked offline: against electron-builder's own schema (the check it runs before any
// build), and for what this project promises: targets, hardened fuses, icons at every size, only build output.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { icnsEntries, icoImages, pngSize } from './icon-formats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const config = YAML.parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const asset = (relative: string) => readFileSync(path.join(ROOT, relative));
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const MAX_ICON_BYTES = 300 * 1024;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own JSON schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is live: a misspelt option fails it', async () => {
    await expect(
      validateConfiguration(
        { ...config, electronFuse: { runAsNode: false } } as Configuration,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/unknown property 'electronFuse'/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.offprint.app');
    expect(config.productName).toBe('Offprint');
  });

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('gives each platform what its stores and package managers ask for', () => {
    expect(config.linux?.category).toBeTruthy();
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^@\s]+>/);
    expect(config.mac?.category).toBe('public.app-category.productivity');
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('flips the hardened fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
  });

  it('packs only build output and package.json', () => {
    expect(config.files).toEqual(['dist/**/*', '!dist/cli/**/*', 'package.json']);
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });

  it('keeps electron out of the runtime dependencies, as electron-builder requires', () => {
    expect(pkg.dependencies).not.toHaveProperty('electron');
    expect(pkg.devDependencies).toHaveProperty('electron');
  });
});

describe('icons', () => {
  it('has the 1024 px master', () => {
    expect(pngSize(asset('assets/icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('has every Linux size in the folder linux.icon names, sized as the file name says', () => {
    expect(config.linux?.icon).toBe('assets/icons');
    for (const size of LINUX_SIZES) {
      expect(pngSize(asset(`assets/icons/${size}x${size}.png`)), `${size}x${size}`).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('has a Windows .ico from 16 to 256 px', () => {
    expect(config.win?.icon).toBe('assets/icon.ico');
    const sizes = icoImages(asset('assets/icon.ico')).map((image) => image.size);
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });

  it('has a macOS .icns with every size up to 512@2x', () => {
    expect(config.mac?.icon).toBe('assets/icon.icns');
    expect(Object.fromEntries(icnsEntries(asset('assets/icon.icns')))).toEqual({
      icp4: 16,
      icp5: 32,
      ic11: 32,
      icp6: 64,
      ic12: 64,
      ic07: 128,
      ic08: 256,
      ic13: 256,
      ic09: 512,
      ic14: 512,
      ic10: 1024,
    });
  });

  it('keeps every icon file small', () => {
    const files = [
      'assets/icon.png',
      'assets/icon.ico',
      'assets/icon.icns',
      ...LINUX_SIZES.map((s) => `assets/icons/${s}x${s}.png`),
    ];
    for (const file of files) expect(statSync(path.join(ROOT, file)).size, file).toBeLessThan(MAX_ICON_BYTES);
  });
});
