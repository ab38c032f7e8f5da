import { describe, expect, it } from 'vitest';
import { filtersReducer, INITIAL_FILTERS, isFiltered } from '../../../renderer/state/filters';

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
