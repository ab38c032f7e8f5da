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
      <ToggleButton
        name="Star"
        kind="star-button"
        on={reading.starred}
        shortcut="s"
        title={reading.starred ? 'Unstar (s)' : 'Star (s)'}
        icon={reading.starred ? '★' : '☆'}
        onClick={onToggleStar}
      />
      <ToggleButton
        name="Read"
        kind="read-button"
        on={reading.read}
        shortcut="m"
        title={reading.read ? 'Read: mark unread (m)' : 'Unread: mark read (m)'}
        icon={reading.read ? '✓' : '○'}
        onClick={onToggleRead}
      />
    </div>
  );
}

interface ToggleButtonProps {
  name: string;
  kind: string;
  on: boolean;
  shortcut: string;
  title: string;
  icon: string;
  onClick(): void;
}

function ToggleButton({ name, kind, on, shortcut, title, icon, onClick }: ToggleButtonProps) {
  return (
    <button
      type="button"
      className={`button ${kind}${on ? ' is-on' : ''}`}
      aria-label={name}
      aria-pressed={on}
      aria-keyshortcuts={shortcut}
      title={title}
      onClick={onClick}
    >
      <span aria-hidden="true">{icon}</span>
      <span className="button-label">{name}</span>
    </button>
  );
}
