/**
 * The three panes' widths and collapsed states, as saved in localStorage. What is read back is untrusted (an
 * older version, a hand edit), so every field is checked and clamped and falls back to its default on its own.
 */

export type PaneName = 'filters' | 'list';

export interface PaneLayout {
  filtersWidth: number;
  listWidth: number;
  filtersCollapsed: boolean;
  listCollapsed: boolean;
}

/** CSS pixels; the reader takes whatever is left and never gets less than the list's minimum. */
export const PANE_LIMITS: Record<PaneName, { min: number; max: number }> = {
  filters: { min: 160, max: 480 },
  list: { min: 280, max: 960 },
};

export const DEFAULT_LAYOUT: PaneLayout = {
  filtersWidth: 232,
  listWidth: 440,
  filtersCollapsed: false,
  listCollapsed: false,
};

export function clampWidth(pane: PaneName, width: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

function widthField(raw: Record<string, unknown>, key: 'filtersWidth' | 'listWidth', pane: PaneName): number {
  const value = raw[key];
  return typeof value === 'number' && Number.isFinite(value) ? clampWidth(pane, value) : DEFAULT_LAYOUT[key];
}

function flagField(raw: Record<string, unknown>, key: 'filtersCollapsed' | 'listCollapsed'): boolean {
  const value = raw[key];
  return typeof value === 'boolean' ? value : DEFAULT_LAYOUT[key];
}

export function parseLayout(raw: unknown): PaneLayout {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_LAYOUT;
  const record = raw as Record<string, unknown>;
  return {
    filtersWidth: widthField(record, 'filtersWidth', 'filters'),
    listWidth: widthField(record, 'listWidth', 'list'),
    filtersCollapsed: flagField(record, 'filtersCollapsed'),
    listCollapsed: flagField(record, 'listCollapsed'),
  };
}

export function resizePane(layout: PaneLayout, pane: PaneName, width: number): PaneLayout {
  return pane === 'filters'
    ? { ...layout, filtersWidth: clampWidth(pane, width) }
    : { ...layout, listWidth: clampWidth(pane, width) };
}

export function setCollapsed(layout: PaneLayout, pane: PaneName, collapsed: boolean): PaneLayout {
  return pane === 'filters'
    ? { ...layout, filtersCollapsed: collapsed }
    : { ...layout, listCollapsed: collapsed };
}

export function paneWidth(layout: PaneLayout, pane: PaneName): number {
  return pane === 'filters' ? layout.filtersWidth : layout.listWidth;
}

export function isCollapsed(layout: PaneLayout, pane: PaneName): boolean {
  return pane === 'filters' ? layout.filtersCollapsed : layout.listCollapsed;
}
