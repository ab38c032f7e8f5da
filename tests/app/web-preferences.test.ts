// Pins the window's security settings: any change here is a security decision and must show up in review.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { WEB_PREFERENCES, webPreferences } from '../../main/app/web-preferences';

const PINNED = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
};

describe('web preferences', () => {
  it('are exactly the locked-down set', () => {
    expect(WEB_PREFERENCES).toStrictEqual(PINNED);
  });

  it('add only the preload script', () => {
    expect(webPreferences('/app/dist/app/preload.cjs')).toStrictEqual({
      ...PINNED,
      preload: '/app/dist/app/preload.cjs',
    });
  });

  it('cannot be loosened at runtime', () => {
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
  });
});

describe('content security policy', () => {
  it('is exactly the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'",
    );
  });
});
