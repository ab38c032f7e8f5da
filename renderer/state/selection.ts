/**
 * The list's multi-selection, as pure functions over ids: an edit reloads the list (new positions, same ids),
 * and what was selected must still be what the next action acts on. Positions are needed only for ranges, and
 * only rows already loaded can join one (a range across unloaded pages would act on articles never seen).
 */

export interface Selection {
  /** Selected article ids, in the order they were added. */
  readonly ids: readonly string[];
  /** Where a Shift range starts: the row last clicked or toggled; null after a reload or a clear. */
  readonly anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: [], anchor: null };

/** The id of the loaded row at a position, or undefined when that row is not loaded. */
export type IdAt = (index: number) => string | undefined;

export function isSelected(selection: Selection, id: string): boolean {
  return selection.ids.includes(id);
}

/**
 * Ctrl/Cmd+click or Space: adds or removes one row. When nothing is selected yet, the row the user was on (the
 * open article) joins too, as in a file manager, where the plain click already selected it.
 */
export function toggle(selection: Selection, index: number, idAt: IdAt, current: number | null): Selection {
  const id = idAt(index);
  if (id === undefined) return selection;
  if (selection.ids.includes(id))
    return { ids: selection.ids.filter((other) => other !== id), anchor: index };
  const seed =
    selection.ids.length === 0 && current !== null && current !== index ? idAt(current) : undefined;
  return { ids: [...(seed === undefined ? [] : [seed]), ...selection.ids, id], anchor: index };
}

/**
 * Shift+click or Shift+arrow: the rows from the anchor to `index`. With nothing selected yet the range starts at
 * `current` (the focused or open row), else at the anchor, else at `index` itself.
 */
export function selectRange(
  selection: Selection,
  index: number,
  idAt: IdAt,
  current: number | null,
): Selection {
  const anchor = (selection.ids.length > 0 ? selection.anchor : null) ?? current ?? index;
  const [low, high] = anchor <= index ? [anchor, index] : [index, anchor];
  const ids: string[] = [];
  for (let position = low; position <= high; position++) {
    const id = idAt(position);
    if (id !== undefined) ids.push(id);
  }
  return { ids, anchor };
}

/** Ctrl/Cmd+A: every loaded row (the list loads its pages as they scroll into view). */
export function selectAll(loaded: readonly string[]): Selection {
  return { ids: [...new Set(loaded)], anchor: null };
}

/** What a toolbar action acts on: the selection, else the open article, else nothing. */
export function targetsOf(selection: Selection, openId: string | null): string[] {
  if (selection.ids.length > 0) return [...selection.ids];
  return openId === null ? [] : [openId];
}
