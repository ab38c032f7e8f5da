import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  criteriaKey,
  filtersReducer,
  INITIAL_FILTERS,
  isFiltered,
  nextTagState,
  renameIn,
  tagStateOf,
  type TagState,
} from '../../../renderer/state/filters';

describe('filtersReducer', () => {
  it('toggles tags on and off, keeping the order they were chosen in', () => {
    let state = filtersReducer(INITIAL_FILTERS, { type: 'toggle-tag', tag: 'tech' });
    state = filtersReducer(state, { type: 'toggle-tag', tag: 'iraq' });
    expect(state.tags).toEqual(['tech', 'iraq']);
    expect(filtersReducer(state, { type: 'toggle-tag', tag: 'tech' }).tags).toEqual(['iraq']);
  });

  it('treats an empty date as no bound', () => {
    const state = filtersReducer(INITIAL_FILTERS, { type: 'set-from', date: '' });
    expect(state.from).toBeNull();
    expect(isFiltered(state)).toBe(false);
    expect(isFiltered(filtersReducer(state, { type: 'set-to', date: '2005-01-31' }))).toBe(true);
  });

  it('clears query and filters but keeps the sort order', () => {
    const busy = {
      ...INITIAL_FILTERS,
      query: 'drone',
      tags: ['tech'],
      from: '2004-01-01',
      sort: 'date' as const,
    };
    expect(filtersReducer(busy, { type: 'clear-all' })).toEqual({ ...INITIAL_FILTERS, sort: 'date' });
  });

  it('does not count whitespace as a query', () => {
    expect(isFiltered({ ...INITIAL_FILTERS, query: '   ' })).toBe(false);
  });
});

describe('tag states, saved criteria and renames', () => {
  it('moves a tag between include, exclude and off, never both at once, whatever its case', () => {
    let state = filtersReducer(INITIAL_FILTERS, { type: 'set-tag-state', tag: 'tech', state: 'include' });
    expect(tagStateOf(state, 'Tech')).toBe('include');
    state = filtersReducer(state, { type: 'set-tag-state', tag: 'Tech', state: 'exclude' });
    expect(state.tags).toEqual([]);
    expect(state.notTags).toEqual(['Tech']);
    expect(tagStateOf(state, 'tech')).toBe('exclude');
    expect(isFiltered(state)).toBe(true);
    expect(activeFilterCount(state)).toBe(1);
    state = filtersReducer(state, { type: 'toggle-tag', tag: 'tech' });
    expect([state.tags, state.notTags]).toEqual([['tech'], []]);
    state = filtersReducer(state, { type: 'set-tag-state', tag: 'tech', state: 'off' });
    expect([state.tags, state.notTags]).toEqual([[], []]);
    expect(['off', 'include', 'exclude'].map((s) => nextTagState(s as TagState))).toEqual([
      'include',
      'exclude',
      'off',
    ]);
  });

  it('counts reading and starred filters as filters', () => {
    const unread = filtersReducer(INITIAL_FILTERS, { type: 'set-read-state', readState: 'unread' });
    expect(isFiltered(unread)).toBe(true);
    const starred = filtersReducer(unread, { type: 'set-starred', starred: true });
    expect(activeFilterCount(starred)).toBe(2);
    expect(filtersReducer(starred, { type: 'clear-all' })).toEqual(INITIAL_FILTERS);
  });

  it('applies a saved search whole, replacing what was set', () => {
    const busy = { ...INITIAL_FILTERS, query: 'drone', tags: ['tech'], starred: true };
    const criteria = { ...INITIAL_FILTERS, query: 'oil', notTags: ['sport'], readState: 'unread' as const };
    expect(filtersReducer(busy, { type: 'apply', criteria })).toEqual(criteria);
    expect(criteriaKey(criteria)).not.toBe(criteriaKey(busy));
  });

  it('follows a rename in the filters, with descendants, merging duplicates', () => {
    expect(renameIn(['Region', 'region/europe', 'tech'], 'region', 'area')).toEqual([
      'area',
      'area/europe',
      'tech',
    ]);
    // Renaming onto a tag already chosen merges the two.
    expect(renameIn(['politics', 'Politik'], 'politik', 'Politics')).toEqual(['politics']);
    // A tag that only starts with the same letters is another tag.
    expect(renameIn(['regional'], 'region', 'area')).toEqual(['regional']);
    const state = filtersReducer(
      { ...INITIAL_FILTERS, tags: ['region/asia'], notTags: ['region'] },
      { type: 'rename-tag', from: 'region', to: 'area' },
    );
    expect([state.tags, state.notTags]).toEqual([['area/asia'], ['area']]);
  });
});
