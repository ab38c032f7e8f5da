/**
 * Hierarchical tags (`region/middle-east`) as a tree for the tag filter. The engine already merges case and adds
 * every ancestor as a facet of its own; this only nests them. A child whose parent is missing from the facets
 * (a parent filtered out by the finder, or an old server) sits at the top level under its full name.
 */
import type { TagCount } from '../../common/search';

export const TAG_SEPARATOR = '/';

export interface TagNode {
  /** The full tag, as the filter and the API use it. */
  tag: string;
  /** What is shown at its depth: the last segment for a child, the full tag at the top. */
  label: string;
  count: number;
  children: TagNode[];
}

export interface TagRow {
  tag: string;
  label: string;
  count: number;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
}

const key = (tag: string) => tag.toLowerCase();

/** The parent of `region/middle-east` is `region`; a top-level tag (or `/odd`, `odd/`) has none. */
export function parentOf(tag: string): string | null {
  const cut = tag.lastIndexOf(TAG_SEPARATOR);
  if (cut <= 0 || cut === tag.length - 1) return null;
  return tag.slice(0, cut);
}

/** Nests the facets, keeping their order (most frequent first) at every level. */
export function buildTagTree(counts: readonly TagCount[]): TagNode[] {
  const nodes = new Map<string, TagNode>();
  for (const { tag, count } of counts) {
    if (!nodes.has(key(tag))) nodes.set(key(tag), { tag, label: tag, count, children: [] });
  }
  const roots: TagNode[] = [];
  for (const node of nodes.values()) {
    const parentTag = parentOf(node.tag);
    const parent = parentTag === null ? undefined : nodes.get(key(parentTag));
    if (parent && parent !== node) {
      node.label = node.tag.slice(parentTag!.length + 1);
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}

/** The rows to show: children of expanded nodes only, each with its depth. */
export function flattenTree(roots: readonly TagNode[], expanded: ReadonlySet<string>): TagRow[] {
  const rows: TagRow[] = [];
  const walk = (nodes: readonly TagNode[], depth: number) => {
    for (const node of nodes) {
      const open = node.children.length > 0 && expanded.has(key(node.tag));
      rows.push({
        tag: node.tag,
        label: node.label,
        count: node.count,
        depth,
        hasChildren: node.children.length > 0,
        expanded: open,
      });
      if (open) walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

/** Every ancestor of the tags given (`a/b/c` → `a`, `a/b`), lower-cased: expanded so a chosen child shows. */
export function ancestorsOf(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const tag of tags) {
    for (let parent = parentOf(tag); parent !== null; parent = parentOf(parent)) out.add(key(parent));
  }
  return out;
}

/** Same tag, whatever the case: how the engine matches tags. */
export function sameTag(a: string, b: string): boolean {
  return key(a) === key(b);
}
