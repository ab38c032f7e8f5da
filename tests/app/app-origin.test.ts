import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isTrustedSender } from '../../main/app/app-origin';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://offprint/', 'app://offprint/assets/index-abc.js'])(
    'accepts our page %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'file:///work/dist/renderer/index.html',
    'http://offprint/index.html',
    'https://offprint/index.html',
    'app://offprint.evil.example/index.html',
    'app://evil/index.html',
    'app://offprint:8080/index.html',
    'app://user@evil/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of our page', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
  });

  it('refuses an iframe, even on our origin', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
  });

  it('refuses a page from elsewhere', () => {
    expect(isTrustedSender({ url: 'https://example.org/', isMainFrame: true })).toBe(false);
  });

  it('refuses a destroyed or navigated frame', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
});
