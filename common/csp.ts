/**
 * The Content-Security-Policy of Offprint's page, wherever it is served: the Electron shell sends it with every
 * response of its `app://` scheme and the HTTP server of the browser mode sends it too, so one string rules both.
 * Imported articles are hostile HTML (see design notes on Joplin): only our own bundle may run, nothing may be
 * framed or fetched from elsewhere, and images come from the app itself or from data:/blob: URLs of saved pages.
 * `style-src 'unsafe-inline'` is there because React writes `style` attributes; it does not allow scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
