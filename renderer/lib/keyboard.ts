/**
 * The keyboard map, as one pure table so the list, the reader and the window agree on it (and tests can read it).
 * Keys are never taken from someone typing: inside a text field only Ctrl/Cmd+F does anything here.
 */

/** Where the key was pressed, as far as the shortcuts care. */
export type KeyTarget =
  /** A text field, select, radio or slider: its keys belong to it. */
  | 'editable'
  /** A widget that uses arrows itself (a pane splitter). */
  | 'widget'
  /** Inside the article list. */
  | 'list'
  /** Inside the reader (arrows ↑/↓ scroll it). */
  | 'reader'
  /** Nothing focused. */
  | 'page'
  /** Any other control (a button, a tag link, …). */
  | 'other';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type KeyCommand =
  | 'focus-search'
  | 'select-next'
  | 'select-previous'
  | 'select-page-down'
  | 'select-page-up'
  | 'select-first'
  | 'select-last'
  | 'open-selected'
  | 'next-article'
  | 'previous-article'
  | 'toggle-star'
  | 'toggle-read'
  | 'highlight-selection'
  | 'escape';

const LIST_KEYS: Record<string, KeyCommand> = {
  ArrowDown: 'select-next',
  ArrowUp: 'select-previous',
  PageDown: 'select-page-down',
  PageUp: 'select-page-up',
  Home: 'select-first',
  End: 'select-last',
};

const READER_KEYS: Record<string, KeyCommand> = {
  ArrowRight: 'next-article',
  j: 'next-article',
  ArrowLeft: 'previous-article',
  k: 'previous-article',
};

/** About the open article: only from the reader (or nowhere), since the list's selection may be another one. */
const ARTICLE_KEYS: Record<string, KeyCommand> = {
  s: 'toggle-star',
  m: 'toggle-read',
  h: 'highlight-selection',
};

export function commandForKey(press: KeyPress, target: KeyTarget, readerOpen: boolean): KeyCommand | null {
  const command = press.ctrlKey || press.metaKey;
  if (command && !press.altKey && press.key.toLowerCase() === 'f') return 'focus-search';
  if (target === 'editable' || target === 'widget') return null;
  if (press.key === 'Escape') return 'escape';
  if (command || press.altKey) return null;
  if (press.key === '/') return 'focus-search';
  if (target === 'list' || target === 'page') {
    // Home/End/Page keys keep their scrolling meaning outside the list.
    const listCommand = LIST_KEYS[press.key];
    if (listCommand && (target === 'list' || press.key === 'ArrowDown' || press.key === 'ArrowUp'))
      return listCommand;
    // In the list, Enter reaches the focused link itself and opens it; with nothing focused, it opens the selection.
    if (press.key === 'Enter' && target === 'page') return 'open-selected';
  }
  if (readerOpen && !press.shiftKey && (target === 'reader' || target === 'page')) {
    const articleCommand = ARTICLE_KEYS[press.key];
    if (articleCommand) return articleCommand;
  }
  if (readerOpen && !press.shiftKey) return READER_KEYS[press.key] ?? null;
  return null;
}

/** The selection after a move, kept inside the list; from no selection, any move lands on the first row. */
export function moveSelection(
  current: number | null,
  command: KeyCommand,
  total: number,
  pageRows: number,
): number | null {
  if (total === 0) return null;
  const last = total - 1;
  if (current === null) return command === 'select-last' ? last : 0;
  const next = (() => {
    switch (command) {
      case 'select-next':
        return current + 1;
      case 'select-previous':
        return current - 1;
      case 'select-page-down':
        return current + pageRows;
      case 'select-page-up':
        return current - pageRows;
      case 'select-first':
        return 0;
      case 'select-last':
        return last;
      default:
        return current;
    }
  })();
  return Math.min(last, Math.max(0, next));
}

/** Multi-selection keys, in the list only (elsewhere Ctrl/Cmd+A selects text and Space scrolls). */
export type SelectionCommand =
  'extend-next' | 'extend-previous' | 'select-all' | 'toggle-selection' | 'clear-selection';

export function selectionCommandForKey(press: KeyPress, target: KeyTarget): SelectionCommand | null {
  if (target !== 'list' || press.altKey) return null;
  const command = press.ctrlKey || press.metaKey;
  if (command && !press.shiftKey && press.key.toLowerCase() === 'a') return 'select-all';
  if (command) return null;
  if (press.shiftKey && press.key === 'ArrowDown') return 'extend-next';
  if (press.shiftKey && press.key === 'ArrowUp') return 'extend-previous';
  if (!press.shiftKey && press.key === ' ') return 'toggle-selection';
  if (press.key === 'Escape') return 'clear-selection';
  return null;
}
