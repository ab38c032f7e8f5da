// The security policy against a recording stand-in for electron: what each hook does with hostile input.
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { setupNavigationPolicy, setupSessionPolicy } from '../../main/app/security';
import { app, cancellableEvent, FakeWebContents, session, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

setupNavigationPolicy();
setupSessionPolicy();
const contents = new FakeWebContents();
app.emit('web-contents-created', {}, contents);

describe('navigation policy', () => {
  it('never navigates the window, and opens web links in the system browser', () => {
    const toWeb = cancellableEvent();
    contents.emit('will-navigate', toWeb, 'https://example.org/article');
    const toFile = cancellableEvent();
    contents.emit('will-navigate', toFile, 'file:///etc/passwd');
    expect(toWeb.defaultPrevented).toBe(true);
    expect(toFile.defaultPrevented).toBe(true);
    expect(shell.opened).toEqual(['https://example.org/article']);
  });

  it('denies every new window, handing only http(s) to the system browser', () => {
    shell.opened.length = 0;
    for (const url of [
      'https://example.org/next',
      'javascript:alert(1)',
      'smb://host/share',
      'app://offprint/x',
    ]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.opened).toEqual(['https://example.org/next']);
  });

  it('lets the reader’s frame show its srcdoc and nothing else, and opens nothing for it', () => {
    shell.opened.length = 0;
    const navigate = (url: string, isMainFrame = false) => {
      const event = { ...cancellableEvent(), url, isMainFrame };
      contents.emit('will-frame-navigate', event);
      return event.defaultPrevented;
    };
    expect(navigate('about:srcdoc')).toBe(false);
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      'app://offprint/index.html',
      'javascript:1',
    ]) {
      expect(navigate(url), url).toBe(true);
    }
    // The main frame's navigations are will-navigate's to refuse (above).
    expect(navigate('app://offprint/index.html', true)).toBe(false);
    expect(shell.opened).toEqual([]);
  });

  it('refuses redirects and webviews', () => {
    const redirect = cancellableEvent();
    contents.emit('will-redirect', redirect, 'https://example.org/');
    const webview = cancellableEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(redirect.defaultPrevented).toBe(true);
    expect(webview.defaultPrevented).toBe(true);
  });
});

describe('session policy', () => {
  const handlers = session.defaultSession.handlers;

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      (handlers.get('permissionRequest') as (...args: unknown[]) => void)(
        {},
        permission,
        (granted: boolean) => answers.push(granted),
      );
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(
      (handlers.get('permissionCheck') as (...args: unknown[]) => boolean)({}, 'media', 'app://offprint', {}),
    ).toBe(false);
    expect((handlers.get('devicePermission') as (...args: unknown[]) => boolean)({})).toBe(false);
  });

  it('adds the CSP to every response, keeping the other headers', () => {
    let result: unknown;
    const onHeaders = session.defaultSession.webRequest.headersReceived as (...args: unknown[]) => void;
    onHeaders(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (response: unknown) => (result = response),
    );
    expect(result).toEqual({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
});
