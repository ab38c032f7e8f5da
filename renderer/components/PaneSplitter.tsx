import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_LIMITS, type PaneName } from '../state/layout';

interface PaneSplitterProps {
  pane: PaneName;
  /** "Resize filters": what a screen reader announces for the handle. */
  label: string;
  /** The id of the pane it resizes. */
  controls: string;
  width: number;
  onResize(width: number): void;
  onCollapse(): void;
}

const STEP = 16;
const BIG_STEP = 64;

/**
 * The handle between two panes: drag it, or focus it and use ←/→ (Shift for bigger steps), Home/End for the
 * narrowest/widest, Enter to collapse the pane. A window splitter in the ARIA sense, so it reports its value.
 */
export function PaneSplitter({ pane, label, controls, width, onResize, onCollapse }: PaneSplitterProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const { min, max } = PANE_LIMITS[pane];

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    // Start from the width on screen: CSS may show the pane narrower than its saved width in a small window.
    const shown = document.getElementById(controls)?.getBoundingClientRect().width ?? width;
    drag.current = { startX: event.clientX, startWidth: shown };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(drag.current.startWidth + event.clientX - drag.current.startX);
  };
  const endDrag = () => {
    drag.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    if (event.key === 'ArrowLeft') onResize(width - step);
    else if (event.key === 'ArrowRight') onResize(width + step);
    else if (event.key === 'Home') onResize(min);
    else if (event.key === 'End') onResize(max);
    else if (event.key === 'Enter') onCollapse();
    else return;
    event.preventDefault();
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      className="splitter"
      title={`${label} (drag, or ←/→; Enter hides it)`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
    />
  );
}
