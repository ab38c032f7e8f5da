import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, parseLayout, PANE_LIMITS, resizePane } from '../../../renderer/state/layout';

describe('parseLayout', () => {
  it('falls back to the defaults for anything unreadable', () => {
    expect(parseLayout(undefined)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('wide')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout({ filtersWidth: 'big', listCollapsed: 'yes' })).toEqual(DEFAULT_LAYOUT);
  });

  it('keeps valid fields and clamps widths into their limits', () => {
    expect(parseLayout({ filtersWidth: 5, listWidth: 99_999, filtersCollapsed: true })).toEqual({
      ...DEFAULT_LAYOUT,
      filtersWidth: PANE_LIMITS.filters.min,
      listWidth: PANE_LIMITS.list.max,
      filtersCollapsed: true,
    });
  });

  it('resizes one pane within its limits', () => {
    expect(resizePane(DEFAULT_LAYOUT, 'list', 500.4).listWidth).toBe(500);
    expect(resizePane(DEFAULT_LAYOUT, 'filters', -20).filtersWidth).toBe(PANE_LIMITS.filters.min);
  });
});
