import type { ReadingState } from '../../common/user-data';

interface ReadingButtonsProps {
  reading: ReadingState;
  onToggleStar(): void;
  onToggleRead(): void;
}

/**
 * The open article's star and read state, as toggle buttons in the reader's toolbar (keys `s` and `m`). Named by
 * label, not by their text, which a narrow window hides.
 */
export function ReadingButtons({ reading, onToggleStar, onToggleRead }: ReadingButtonsProps) {
  return (
    <div className="reading-buttons">
      <button
        type="button"
        className={`button star-button${reading.starred ? ' is-on' : ''}`}
        aria-label="Star"
        aria-pressed={reading.starred}
        aria-keyshortcuts="s"
        title={reading.starred ? 'Unstar (s)' : 'Star (s)'}
        onClick={onToggleStar}
      >
        <span aria-hidden="true">{reading.starred ? '★' : '☆'}</span>
        <span className="button-label">Star</span>
      </button>
      <button
        type="button"
        className={`button read-button${reading.read ? ' is-on' : ''}`}
        aria-label="Read"
        aria-pressed={reading.read}
        aria-keyshortcuts="m"
        title={reading.read ? 'Read: mark unread (m)' : 'Unread: mark read (m)'}
        onClick={onToggleRead}
      >
        <span aria-hidden="true">{reading.read ? '✓' : '○'}</span>
        <span className="button-label">Read</span>
      </button>
    </div>
  );
}
