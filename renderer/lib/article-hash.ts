/**
 * The open article is kept in the address's fragment (`#article/<id>`): a reload keeps it open, and a list link
 * opened in a new tab (middle click) opens that article there.
 */

const PATTERN = /^#article\/([0-9a-f]{20})$/;

export function articleHash(id: string): string {
  return `#article/${id}`;
}

export function articleIdFromHash(hash: string): string | null {
  return PATTERN.exec(hash)?.[1] ?? null;
}
