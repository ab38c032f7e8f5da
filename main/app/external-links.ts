/**
 * Which URLs may leave the app for the system browser. Imported pages are hostile, so a link is handed to the
 * OS only when it is plain http(s): `file:`, `smb:`, custom app schemes and the like can launch local programs
 * through `shell.openExternal`, which is the classic Electron escape from the sandbox.
 */
export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}
