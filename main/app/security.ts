/**
 * The security policy around the page: a CSP on every response, no navigation away from the app, no new
 * windows, no <webview>, no permissions. Links to web pages are handed to the system browser, never opened
 * inside the app, because an imported article is hostile and the window holds the user's whole archive.
 */
import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { isExternalWebLink } from './external-links';

/** Policies that attach to every web contents as it is created; safe to call before the app is ready. */
export function setupNavigationPolicy(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openInBrowser(url);
  });
  // The reader's article frame is filled by srcdoc and never navigates: a link in it is opened by the page, through
  // window.open, never followed. Anything else a frame tries (a link the page missed, a drop) stays where it is.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isFrameContentUrl(event.url)) event.preventDefault();
  });
  // A redirect of the page itself is a navigation by another name.
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** What a subframe may load: the document written into it, nothing fetched. */
function isFrameContentUrl(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank';
}

function openInBrowser(url: string): void {
  if (!isExternalWebLink(url)) return;
  // electronegativity: OPEN_EXTERNAL_JS_CHECK — only http(s) URLs with a host get here (isExternalWebLink, tested)
  shell.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url}:`, error));
}

/** After ready: the default session's permission handlers and response headers. */
export function setupSessionPolicy(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Covers whatever the session loads over http(s); the app:// responses carry the header from protocol.ts.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      // electronegativity: CSP_GLOBAL_CHECK — the policy is common/csp.ts's constant, which it cannot read
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
