/**
 * The file name an article's resource (an image of a saved page) is stored under: the importers name
 * resources with it and the store files and serves them by it, so it lives beside both rather than in either
 * (import/ does not depend on store/). Only the last path segment, only word characters, dots and dashes, no
 * leading dot, at most 200 characters; null when nothing usable is left.
 */
export function safeResourceName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\w.\-]/g, '_').replace(/^\.+/, '');
  return cleaned && cleaned.length <= 200 ? cleaned : null;
}
