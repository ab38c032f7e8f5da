import type { Ref } from 'react';
import { Icon } from './Icon';
import { QueryHelp } from './QueryHelp';

interface SearchBoxProps {
  value: string;
  onChange(query: string): void;
  /** ↓ from the box moves into the list, as in a mail client. */
  onLeaveDown(): void;
  /** Esc on an empty box hands focus back to the list. */
  onLeave(): void;
  inputRef: Ref<HTMLInputElement>;
  busy: boolean;
}

/** The one search box. Its accessible name is exactly "Search"; nothing else on the page is labelled with that word. */
export function SearchBox({ value, onChange, onLeaveDown, onLeave, inputRef, busy }: SearchBoxProps) {
  return (
    <div className="search-box" role="search" aria-busy={busy}>
      <Icon name="search" />
      <input
        ref={inputRef}
        type="search"
        aria-label="Search"
        aria-keyshortcuts="/ Control+F Meta+F"
        placeholder="Words, title:word, +must -not…"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            // First Esc clears the query, the next one leaves the box.
            if (value !== '') onChange('');
            else onLeave();
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            onLeaveDown();
          }
        }}
      />
      <kbd className="search-shortcut" aria-hidden="true" title="Press / to search">
        /
      </kbd>
      <QueryHelp />
    </div>
  );
}
