/**
 * Which links may leave the app: plain web addresses only. An imported page or its metadata can name
 * `javascript:`, `file:`, `smb:` or a custom scheme that launches a local program (through Electron's
 * `shell.openExternal`, the classic escape from the sandbox); none of them leaves the app. The reader applies
 * this rule before opening a link, and the Electron shell again before it hands a URL to the system browser.
 */
export function isWebLink(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}
