/**
 * The browser mode's access token. `offprint serve` prints a URL with `?token=…`; the page takes it once, keeps it
 * for this tab only, and removes it from the address bar so it is not bookmarked, shared or kept in history.
 */

const STORAGE_KEY = 'offprint.token';

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled by the browser; the token then lives only in memory for this page.
    return null;
  }
}

function store(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // See readStored: memory only.
  }
}

/** Moves `?token=` from the URL into session storage; answers the token to send, if any. */
export function captureToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl === null) return readStored();
  store(fromUrl);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.toString());
  return fromUrl;
}
