import { useEffect, useRef, useState } from 'react';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../common/user-data';
import type { Box } from '../dom/window-rect';

interface HighlightPopoverProps {
  highlight: Highlight;
  /** Where its first mark is in the scroller's content. */
  box: Box;
  /** Put the caret in the note at once (opened by "Note…"). */
  focusNote: boolean;
  onColor(color: HighlightColor): void;
  onNote(note: string): void;
  onCopy(): void;
  onDelete(): void;
  onClose(): void;
}

/** One highlight's controls, under its text: its colour, its note, copy with citation, delete. */
export function HighlightPopover(props: HighlightPopoverProps) {
  const { highlight, box } = props;
  const [note, setNote] = useState(highlight.note);
  const first = useRef<HTMLButtonElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const dirty = note !== highlight.note;

  useEffect(() => {
    setNote(highlight.note);
  }, [highlight.id, highlight.note]);

  useEffect(() => {
    (props.focusNote ? noteField.current : first.current)?.focus({ preventScroll: true });
    // Only when it opens for another highlight, not each time it changes colour.
  }, [highlight.id]);

  const save = () => {
    if (dirty) props.onNote(note);
  };
  const close = () => {
    save();
    props.onClose();
  };

  return (
    <div
      className="floating-bar highlight-popover"
      role="dialog"
      aria-label="Highlight"
      style={{ top: box.top + box.height + 8, left: Math.max(8, box.left) }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <div className="swatches" role="group" aria-label="Colour">
        {HIGHLIGHT_COLORS.map((color, index) => (
          <button
            key={color}
            ref={index === 0 ? first : undefined}
            type="button"
            className="swatch"
            data-color={color}
            aria-label={color}
            aria-pressed={highlight.color === color}
            onClick={() => props.onColor(color)}
          />
        ))}
      </div>
      <label className="popover-note">
        <span className="visually-hidden">Note on this highlight</span>
        <textarea
          ref={noteField}
          value={note}
          rows={3}
          placeholder="Note on this passage"
          onChange={(event) => setNote(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              save();
            }
          }}
        />
      </label>
      <div className="popover-actions">
        <button type="button" className="button" disabled={!dirty} onClick={save}>
          Save note
        </button>
        <button type="button" className="text-button" onClick={props.onCopy}>
          Copy with citation
        </button>
        <button type="button" className="text-button danger" onClick={props.onDelete}>
          Delete
        </button>
        <button type="button" className="text-button" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
