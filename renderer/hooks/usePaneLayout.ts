import { useCallback } from 'react';
import { parseLayout, resizePane, setCollapsed, type PaneLayout, type PaneName } from '../state/layout';
import { usePersistentState } from './usePersistentState';

export interface PaneLayoutControls {
  layout: PaneLayout;
  resize(pane: PaneName, width: number): void;
  setCollapsed(pane: PaneName, collapsed: boolean): void;
}

/** Pane widths and collapsed states, remembered across sessions. */
export function usePaneLayout(): PaneLayoutControls {
  const [layout, setLayout] = usePersistentState('offprint.layout.v1', parseLayout);
  const resize = useCallback(
    (pane: PaneName, width: number) => setLayout((previous) => resizePane(previous, pane, width)),
    [setLayout],
  );
  const collapse = useCallback(
    (pane: PaneName, collapsed: boolean) => setLayout((previous) => setCollapsed(previous, pane, collapsed)),
    [setLayout],
  );
  return { layout, resize, setCollapsed: collapse };
}
