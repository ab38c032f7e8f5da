import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/user-data';
import type { Box } from '../dom/window-rect';
import { DEFAULT_HIGHLIGHT_COLOR } from '../lib/highlight-colors';

interface SelectionToolbarProps {
  box: Box;
  onHighlight(color: HighlightColor): void;
  onNote(): void;
  onCopy(): void;
}

/**
 * Offered over text selected in the article: highlight it in a colour, highlight it with a note, or copy it with
 * the article's citation. Pressing a button must not take the selection away, so the mouse never focuses them.
 */
export function SelectionToolbar({ box, onHighlight, onNote, onCopy }: SelectionToolbarProps) {
  // Above the selection when there is room in the content, below it otherwise.
  const above = box.top > 56;
  const style = {
    top: above ? box.top - 8 : box.top + box.height + 8,
    left: Math.max(8, box.left + box.width / 2),
  };
  return (
    <div
      className={`floating-bar selection-toolbar${above ? ' is-above' : ''}`}
      role="toolbar"
      aria-label="Highlight the selected text"
      style={style}
      onMouseDown={(event) => event.preventDefault()}
    >
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className="swatch"
          data-color={color}
          aria-label={`Highlight in ${color}`}
          title={`Highlight in ${color}${color === DEFAULT_HIGHLIGHT_COLOR ? ' (h)' : ''}`}
          onClick={() => onHighlight(color)}
        />
      ))}
      <button type="button" className="text-button" onClick={onNote}>
        Note…
      </button>
      <button type="button" className="text-button" onClick={onCopy}>
        Copy with citation
      </button>
    </div>
  );
}
