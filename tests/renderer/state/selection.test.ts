import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  isSelected,
  selectAll,
  selectRange,
  targetsOf,
  toggle,
} from '../../../renderer/state/selection';

/** Ten loaded rows a…j; rows 10 and up are not loaded yet. */
const ids = 'abcdefghij'.split('');
const idAt = (index: number) => ids[index];

describe('the list selection', () => {
  it('toggles rows with Ctrl/Cmd+click, the open row joining the first time', () => {
    let selection = toggle(EMPTY_SELECTION, 3, idAt, 1);
    expect(selection.ids).toEqual(['b', 'd']);
    selection = toggle(selection, 5, idAt, 3);
    expect(selection.ids).toEqual(['b', 'd', 'f']);
    selection = toggle(selection, 3, idAt, 5);
    expect(selection.ids).toEqual(['b', 'f']);
    expect(isSelected(selection, 'f')).toBe(true);
    expect(selection.anchor).toBe(3);
    // Toggling the open row itself does not add it twice.
    expect(toggle(EMPTY_SELECTION, 2, idAt, 2).ids).toEqual(['c']);
    // With nothing open, only the row.
    expect(toggle(EMPTY_SELECTION, 2, idAt, null).ids).toEqual(['c']);
  });

  it('selects a range from the anchor with Shift, in either direction', () => {
    const afterToggle = toggle(EMPTY_SELECTION, 4, idAt, null);
    expect(selectRange(afterToggle, 7, idAt, 4).ids).toEqual(['e', 'f', 'g', 'h']);
    expect(selectRange(afterToggle, 1, idAt, 4).ids).toEqual(['b', 'c', 'd', 'e']);
    // A second Shift+click re-spans from the same anchor, it does not grow from the last range.
    const first = selectRange(afterToggle, 7, idAt, 7);
    expect(selectRange(first, 5, idAt, 7).ids).toEqual(['e', 'f']);
  });

  it('starts a range at the focused row when nothing is selected (Shift+arrow from the list)', () => {
    let selection = selectRange(EMPTY_SELECTION, 3, idAt, 2);
    expect(selection.ids).toEqual(['c', 'd']);
    selection = selectRange(selection, 4, idAt, 3);
    expect(selection.ids).toEqual(['c', 'd', 'e']);
    // Back up past the anchor: the range flips to the other side.
    selection = selectRange(selection, 1, idAt, 4);
    expect(selection.ids).toEqual(['b', 'c']);
    // A stale anchor from an emptied selection is not used.
    expect(selectRange({ ids: [], anchor: 9 }, 1, idAt, 0).ids).toEqual(['a', 'b']);
  });

  it('leaves rows that are not loaded out of a range and out of a toggle', () => {
    expect(selectRange(EMPTY_SELECTION, 12, idAt, 8).ids).toEqual(['i', 'j']);
    expect(toggle(EMPTY_SELECTION, 15, idAt, null)).toBe(EMPTY_SELECTION);
  });

  it('selects all loaded rows once each, and acts on the open article when nothing is selected', () => {
    expect(selectAll(['a', 'b', 'a']).ids).toEqual(['a', 'b']);
    expect(targetsOf(EMPTY_SELECTION, 'z')).toEqual(['z']);
    expect(targetsOf(EMPTY_SELECTION, null)).toEqual([]);
    expect(targetsOf({ ids: ['a', 'b'], anchor: 0 }, 'z')).toEqual(['a', 'b']);
  });
});
