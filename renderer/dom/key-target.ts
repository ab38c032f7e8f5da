/** Tells the keyboard map where a key was pressed; panes mark themselves with `data-keys`. */
import type { KeyTarget } from '../lib/keyboard';

/**
 * Fields whose keys are their own: text of any kind, dates, radios and ranges (arrows), selects. Checkboxes and
 * buttons use only Space and Enter, so the shortcuts still work from them (right after ticking a tag, say).
 */
const EDITABLE = [
  'input:not([type="checkbox"]):not([type="button"]):not([type="submit"]):not([type="reset"])',
  'textarea',
  'select',
  '[contenteditable]:not([contenteditable="false"])',
].join(', ');

export function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof Element) || target === document.body || target === document.documentElement)
    return 'page';
  if (target.closest(EDITABLE)) return 'editable';
  if (target.closest('[role="separator"]')) return 'widget';
  const pane = target.closest('[data-keys]')?.getAttribute('data-keys');
  if (pane === 'list') return 'list';
  if (pane === 'reader') return 'reader';
  return 'other';
}
