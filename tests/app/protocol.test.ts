// The app:// scheme against a recording stand-in for electron, serving a real temporary folder.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { registerAppScheme, setupAppProtocol } from '../../main/app/protocol';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let dir: string;
let serve: (url: string) => Promise<Response>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'offprint-protocol-'));
  const renderer = path.join(dir, 'renderer');
  await fs.mkdir(path.join(renderer, 'assets'), { recursive: true });
  await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Offprint</title>');
  await fs.writeFile(path.join(renderer, 'assets', 'index.js'), 'export {};');
  await fs.writeFile(path.join(dir, 'secret.txt'), 'outside the build');
  registerAppScheme();
  setupAppProtocol(renderer);
  const handler = protocol.handlers.get('app')!;
  serve = (url) => handler(new Request(url));
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme before anything else', () => {
    expect(protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: true,
          codeCache: true,
        },
      },
    ]);
  });

  it('serves the page with its type and the CSP', async () => {
    const response = await serve('app://offprint/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Offprint</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript, so module scripts run under the CSP', async () => {
    const response = await serve('app://offprint/assets/index.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and for anything outside the build', async () => {
    expect((await serve('app://offprint/missing.js')).status).toBe(404);
    expect((await serve('app://offprint/..%2fsecret.txt')).status).toBe(404);
    expect((await serve('app://elsewhere/index.html')).status).toBe(404);
  });
});
