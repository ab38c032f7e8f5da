/**
 * The key under which a title is looked up when resolving source neighbours ("Previous article …"): sites
 * print the same title with curly or straight quotes, other dashes and spacing, so those are folded.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/[‐‑‒–—―]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}
