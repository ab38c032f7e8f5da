import { useEffect, useRef } from 'react';
import { keyTargetOf } from '../dom/key-target';
import { commandForKey, type KeyCommand } from '../lib/keyboard';

/**
 * The window's shortcuts. `handle` answers whether it acted; only then is the key's default prevented, so a
 * shortcut that does not apply (Next on the last article) leaves the key alone. Keys a pane already handled
 * (marked with preventDefault) are skipped.
 */
export function useGlobalKeys(readerOpen: boolean, handle: (command: KeyCommand) => boolean): void {
  const latest = useRef({ readerOpen, handle });
  useEffect(() => {
    latest.current = { readerOpen, handle };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandForKey(event, keyTargetOf(event.target), latest.current.readerOpen);
      if (command !== null && latest.current.handle(command)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
