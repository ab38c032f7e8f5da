/**
 * Which links the reader opens: plain web addresses only. An imported page or its metadata can name
 * `javascript:`, `file:`, `mailto:` or a custom scheme that launches a local program; none of them leaves the app.
 * The Electron shell applies the same rule again before it hands a URL to the system browser.
 */
export function isWebLink(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Opens a web link outside the app: in a browser, a new tab that cannot reach back (no opener) and is not told
 * where it came from (no referrer); in Electron, the window-open handler sends it to the system browser.
 */
export function openWebLink(url: string): boolean {
  if (!isWebLink(url)) return false;
  window.open(url, '_blank', 'noopener,noreferrer');
  return true;
}
