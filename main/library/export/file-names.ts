/**
 * Names of exported files: a slug of the title and the start of the id (`drone-attack-on-iraqi-pm-3f2a9c1e.md`),
 * so names are readable, unique within an export (ids are) and never a path: only [a-z0-9-] and the extension.
 */

const SLUG_CHARS = 60;

export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, SLUG_CHARS).replace(/-+$/, '') || 'article';
}

export function exportName(title: string, id: string, extension: string): string {
  return `${slug(title)}-${id.replace(/[^0-9a-f]/g, '').slice(0, 8)}.${extension}`;
}
