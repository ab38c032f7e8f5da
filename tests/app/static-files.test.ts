import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../main/app/static-files';

const ROOT = path.resolve('/srv/offprint/dist/renderer');

describe('resolveStaticFile', () => {
  it('maps our URLs to files of the build, with their media type', () => {
    expect(resolveStaticFile(ROOT, 'app://offprint/index.html')).toEqual({
      path: path.join(ROOT, 'index.html'),
      mediaType: 'text/html; charset=utf-8',
    });
    expect(resolveStaticFile(ROOT, 'app://offprint/assets/index-3f2a.js?v=1#x')).toEqual({
      path: path.join(ROOT, 'assets', 'index-3f2a.js'),
      mediaType: 'text/javascript; charset=utf-8',
    });
    expect(resolveStaticFile(ROOT, 'app://offprint/fonts/Source%20Serif.woff2')?.path).toBe(
      path.join(ROOT, 'fonts', 'Source Serif.woff2'),
    );
  });

  it('serves index.html for a folder', () => {
    expect(resolveStaticFile(ROOT, 'app://offprint/')?.path).toBe(path.join(ROOT, 'index.html'));
  });

  it('labels unknown files as opaque bytes, never as something a browser would run', () => {
    expect(resolveStaticFile(ROOT, 'app://offprint/data.bin')?.mediaType).toBe('application/octet-stream');
  });

  it.each([
    'app://offprint/..%2f..%2f..%2fetc%2fpasswd',
    'app://offprint/assets/..%2F..%2F..%2Fsecret',
    'app://offprint/index.html%00.png',
    'app://offprint/%E0%A4%A',
  ])('refuses %s, which decodes to a path outside the build or no path at all', (url) => {
    expect(resolveStaticFile(ROOT, url)).toBeNull();
  });

  it.each(['app://offprint/../../../etc/passwd', 'app://offprint/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the build: the URL parser folds those dot segments first',
    (url) => expect(resolveStaticFile(ROOT, url)?.path).toBe(path.join(ROOT, 'etc', 'passwd')),
  );

  it('never leaves the build through backslashes (separators on Windows, plain characters elsewhere)', () => {
    const file = resolveStaticFile(ROOT, 'app://offprint/..%5c..%5cwindows%5cwin.ini');
    if (path.sep === '\\') expect(file).toBeNull();
    else expect(file?.path).toBe(path.join(ROOT, '..\\..\\windows\\win.ini'));
  });

  it('answers only its own origin', () => {
    expect(resolveStaticFile(ROOT, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveStaticFile(ROOT, 'file:///srv/offprint/dist/renderer/index.html')).toBeNull();
  });
});
