/**
 * The origin Offprint's page is served from. Chromium will not run a Vite build from `file://` (module scripts
 * from origin `null` are blocked), so the shell serves `dist/renderer` through its own privileged scheme; the
 * same origin is what IPC trusts and what the CSP's `'self'` means.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'offprint';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on our own origin; anything unparsable is foreign. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.port === '';
  } catch {
    return false;
  }
}

/** What the IPC layer knows about the frame that sent a call (Electron's `senderFrame`, reduced to facts). */
export interface SenderFrame {
  url: string;
  /** False for iframes: even an iframe on our origin has no business calling the API. */
  isMainFrame: boolean;
}

/** A call is answered only when it comes from the top frame of our own page; a destroyed frame is `null`. */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url);
}
