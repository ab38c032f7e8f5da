import { describe, expect, it } from 'vitest';
import {
  commandForKey,
  moveSelection,
  selectionCommandForKey,
  type KeyPress,
} from '../../../renderer/lib/keyboard';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('commandForKey', () => {
  it('focuses search with / and with Ctrl+F or Cmd+F', () => {
    expect(commandForKey(press('/'), 'page', false)).toBe('focus-search');
    expect(commandForKey(press('f', { ctrlKey: true }), 'reader', true)).toBe('focus-search');
    expect(commandForKey(press('F', { metaKey: true, shiftKey: true }), 'list', false)).toBe('focus-search');
  });

  it('takes no key from someone typing, except Ctrl/Cmd+F', () => {
    for (const key of ['/', 'j', 'k', 'ArrowLeft', 'ArrowDown', 'Enter', 'Escape']) {
      expect(commandForKey(press(key), 'editable', true)).toBeNull();
    }
    expect(commandForKey(press('f', { ctrlKey: true }), 'editable', true)).toBe('focus-search');
  });

  it('leaves a splitter its own arrows', () => {
    expect(commandForKey(press('ArrowLeft'), 'widget', true)).toBeNull();
  });

  it('moves the list selection with arrows, pages and Home/End inside the list', () => {
    expect(commandForKey(press('ArrowDown'), 'list', false)).toBe('select-next');
    expect(commandForKey(press('ArrowUp'), 'list', true)).toBe('select-previous');
    expect(commandForKey(press('PageDown'), 'list', false)).toBe('select-page-down');
    expect(commandForKey(press('End'), 'list', false)).toBe('select-last');
  });

  it('keeps Home/End/Page keys for scrolling outside the list, and ↑/↓ for scrolling the reader', () => {
    expect(commandForKey(press('End'), 'page', false)).toBeNull();
    expect(commandForKey(press('ArrowDown'), 'page', false)).toBe('select-next');
    expect(commandForKey(press('ArrowDown'), 'reader', true)).toBeNull();
  });

  it('opens the selection with Enter only when nothing else has focus', () => {
    expect(commandForKey(press('Enter'), 'page', false)).toBe('open-selected');
    expect(commandForKey(press('Enter'), 'list', false)).toBeNull();
    expect(commandForKey(press('Enter'), 'other', false)).toBeNull();
  });

  it('walks articles with ←/→ and j/k while one is open', () => {
    expect(commandForKey(press('ArrowRight'), 'reader', true)).toBe('next-article');
    expect(commandForKey(press('j'), 'list', true)).toBe('next-article');
    expect(commandForKey(press('ArrowLeft'), 'other', true)).toBe('previous-article');
    expect(commandForKey(press('k'), 'page', true)).toBe('previous-article');
    expect(commandForKey(press('j'), 'page', false)).toBeNull();
    expect(commandForKey(press('J', { shiftKey: true }), 'page', true)).toBeNull();
    expect(commandForKey(press('ArrowRight', { altKey: true }), 'page', true)).toBeNull();
  });

  it('stars, marks read and highlights the open article with s, m and h, from the reader only', () => {
    expect(commandForKey(press('s'), 'reader', true)).toBe('toggle-star');
    expect(commandForKey(press('m'), 'page', true)).toBe('toggle-read');
    expect(commandForKey(press('h'), 'reader', true)).toBe('highlight-selection');
    // The list's selection may be another article than the open one; typing is never a command.
    expect(commandForKey(press('s'), 'list', true)).toBeNull();
    expect(commandForKey(press('m'), 'editable', true)).toBeNull();
    expect(commandForKey(press('h'), 'reader', false)).toBeNull();
    expect(commandForKey(press('S', { shiftKey: true }), 'reader', true)).toBeNull();
  });

  it('reports Escape outside text fields', () => {
    expect(commandForKey(press('Escape'), 'reader', true)).toBe('escape');
  });
});

describe('moveSelection', () => {
  it('starts at the first row (or the last, for End) when nothing is selected', () => {
    expect(moveSelection(null, 'select-next', 10, 5)).toBe(0);
    expect(moveSelection(null, 'select-previous', 10, 5)).toBe(0);
    expect(moveSelection(null, 'select-last', 10, 5)).toBe(9);
  });

  it('stays inside the list', () => {
    expect(moveSelection(9, 'select-next', 10, 5)).toBe(9);
    expect(moveSelection(0, 'select-previous', 10, 5)).toBe(0);
    expect(moveSelection(7, 'select-page-down', 10, 5)).toBe(9);
    expect(moveSelection(3, 'select-page-up', 10, 5)).toBe(0);
    expect(moveSelection(4, 'select-first', 10, 5)).toBe(0);
  });

  it('has no selection in an empty list', () => {
    expect(moveSelection(null, 'select-next', 0, 5)).toBeNull();
  });
});

describe('selectionCommandForKey', () => {
  it('extends with Shift+↑/↓, selects all with Ctrl/Cmd+A, toggles with Space, clears with Esc, in the list only', () => {
    expect(selectionCommandForKey(press('ArrowDown', { shiftKey: true }), 'list')).toBe('extend-next');
    expect(selectionCommandForKey(press('ArrowUp', { shiftKey: true }), 'list')).toBe('extend-previous');
    expect(selectionCommandForKey(press('a', { ctrlKey: true }), 'list')).toBe('select-all');
    expect(selectionCommandForKey(press('A', { metaKey: true }), 'list')).toBe('select-all');
    expect(selectionCommandForKey(press(' '), 'list')).toBe('toggle-selection');
    expect(selectionCommandForKey(press('Escape'), 'list')).toBe('clear-selection');
    // Plain arrows stay list moves; elsewhere Ctrl+A selects text and Space scrolls.
    expect(selectionCommandForKey(press('ArrowDown'), 'list')).toBeNull();
    expect(selectionCommandForKey(press('a', { ctrlKey: true }), 'reader')).toBeNull();
    expect(selectionCommandForKey(press(' '), 'page')).toBeNull();
    expect(selectionCommandForKey(press('ArrowDown', { shiftKey: true }), 'editable')).toBeNull();
    // The existing keys keep their meaning.
    expect(commandForKey(press('f', { ctrlKey: true }), 'list', false)).toBe('focus-search');
    expect(commandForKey(press('Escape'), 'list', true)).toBe('escape');
  });
});
