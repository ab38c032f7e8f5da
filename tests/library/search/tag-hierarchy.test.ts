/**
 * Hierarchical tags' three rules, called directly (main/library/search/tag-hierarchy.ts): the facets a tag
 * counts under, the key a filter compares, and which tags a filter takes. Filters and facets through whole
 * searches are in annotations-search.test.ts and tag-edits.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { filterKey, tagFacetPaths, tagMatches } from '../../../main/library/search/tag-hierarchy';

describe('tagFacetPaths', () => {
  it('lists the tag, then each ancestor, as written', () => {
    expect(tagFacetPaths('Region/Gulf/Oman')).toEqual(['Region/Gulf/Oman', 'Region/Gulf', 'Region']);
    expect(tagFacetPaths('plain')).toEqual(['plain']);
  });

  it('names no ancestor for an empty level', () => {
    expect(tagFacetPaths('a//b')).toEqual(['a//b', 'a']);
    expect(tagFacetPaths('/a')).toEqual(['/a']);
    expect(tagFacetPaths('a/')).toEqual(['a/', 'a']);
    expect(tagFacetPaths('a/b/')).toEqual(['a/b/', 'a/b', 'a']);
  });
});

describe('filterKey', () => {
  it('lowercases and drops surrounding space and final slashes', () => {
    expect(filterKey('  Region/Gulf// ')).toBe('region/gulf');
    expect(filterKey('Region')).toBe('region');
  });
});

describe('tagMatches', () => {
  it('takes the tag itself and its descendants, not a tag that only starts the same', () => {
    expect(tagMatches('region', 'region')).toBe(true);
    expect(tagMatches('region/gulf', 'region')).toBe(true);
    expect(tagMatches('region/gulf/oman', 'region/gulf')).toBe(true);
    expect(tagMatches('regional', 'region')).toBe(false);
    expect(tagMatches('region-x/gulf', 'region')).toBe(false);
    expect(tagMatches('reg', 'region')).toBe(false);
    expect(tagMatches('region', 'region/gulf')).toBe(false);
  });
});
