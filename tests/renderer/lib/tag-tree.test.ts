import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildTagTree, flattenTree, parentOf, sameTag } from '../../../renderer/lib/tag-tree';

const facets = [
  { tag: 'region', count: 5 },
  { tag: 'tech', count: 4 },
  { tag: 'region/asia', count: 3 },
  { tag: 'Region/Europe', count: 2 },
  { tag: 'region/europe/france', count: 1 },
  { tag: 'orphan/child', count: 1 },
];

describe('the tag tree', () => {
  it('nests tags under their parents, case-insensitively, keeping the facet order at each level', () => {
    const tree = buildTagTree(facets);
    expect(tree.map((node) => node.tag)).toEqual(['region', 'tech', 'orphan/child']);
    const region = tree[0]!;
    expect(region.children.map((node) => [node.tag, node.label, node.count])).toEqual([
      ['region/asia', 'asia', 3],
      ['Region/Europe', 'Europe', 2],
    ]);
    expect(region.children[1]!.children.map((node) => node.label)).toEqual(['france']);
    // A child whose parent is not a facet stays at the top under its full name.
    expect(tree[2]!.label).toBe('orphan/child');
  });

  it('shows children only under expanded parents, with their depth', () => {
    const tree = buildTagTree(facets);
    expect(flattenTree(tree, new Set()).map((row) => row.tag)).toEqual(['region', 'tech', 'orphan/child']);
    const rows = flattenTree(tree, new Set(['region', 'region/europe']));
    expect(rows.map((row) => [row.label, row.depth, row.hasChildren, row.expanded])).toEqual([
      ['region', 0, true, true],
      ['asia', 1, false, false],
      ['Europe', 1, true, true],
      ['france', 2, false, false],
      ['tech', 0, false, false],
      ['orphan/child', 0, false, false],
    ]);
  });

  it('names parents and ancestors, so that a chosen child is shown expanded', () => {
    expect(parentOf('region/europe/france')).toBe('region/europe');
    expect(parentOf('region')).toBeNull();
    expect(parentOf('/odd')).toBeNull();
    expect(parentOf('odd/')).toBeNull();
    expect([...ancestorsOf(['Region/Europe/France', 'tech'])]).toEqual(['region/europe', 'region']);
    expect(sameTag('Politics', 'politics')).toBe(true);
  });

  it('keeps the first spelling when the same tag comes twice', () => {
    const tree = buildTagTree([
      { tag: 'Tech', count: 3 },
      { tag: 'tech', count: 1 },
    ]);
    expect(tree.map((node) => [node.tag, node.count])).toEqual([['Tech', 3]]);
  });
});
