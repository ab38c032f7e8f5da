import { isWebLink } from '../../common/web-link';

export { isWebLink };

/**
 * Opens a web link outside the app: in a browser, a new tab that cannot reach back (no opener) and is not told
 * where it came from (no referrer); in Electron, the window-open handler sends it to the system browser.
 */
export function openWebLink(url: string): boolean {
  if (!isWebLink(url)) return false;
  window.open(url, '_blank', 'noopener,noreferrer');
  return true;
}
