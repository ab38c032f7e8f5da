/**
 * Hierarchical tags: `region/middle-east` is a child of `region`. Filtering by a tag includes its descendants,
 * and every ancestor is a facet. Tags compare case-insensitively; a slash separates levels, and an empty level
 * (`a//b`, `/a`, `a/`) names no ancestor.
 */

/** A tag and its ancestors, as written in it: `Region/Gulf/Oman` → itself, `Region/Gulf`, `Region`. */
export function tagFacetPaths(tag: string): string[] {
  const paths = [tag];
  for (let i = tag.lastIndexOf('/'); i > 0; i = tag.lastIndexOf('/', i - 1)) {
    const parent = tag.slice(0, i);
    if (!parent.endsWith('/')) paths.push(parent);
  }
  return paths;
}

/** A filter's tag in the form `tagMatches` compares: lower case, without surrounding space or a final slash. */
export function filterKey(tag: string): string {
  return tag.trim().toLowerCase().replace(/\/+$/, '');
}

/** True when a tag (lower case) is the filter's tag or one of its descendants; `regional` is not `region`'s. */
export function tagMatches(lowerTag: string, key: string): boolean {
  return lowerTag === key || (lowerTag.startsWith(key) && lowerTag.charCodeAt(key.length) === 47);
}
