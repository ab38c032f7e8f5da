import { useEffect, useState } from 'react';

function readStored(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    // Unreadable or disabled storage: start from the defaults rather than fail.
    return undefined;
  }
}

/**
 * State kept in localStorage across sessions. `parse` gets the stored value as `unknown` (or undefined) and must
 * return a valid state: what was saved by an older version, or by hand, is not trusted.
 */
export function usePersistentState<T>(
  key: string,
  parse: (stored: unknown) => T,
): [T, (next: T | ((prev: T) => T)) => void] {
  const [state, setState] = useState(() => parse(readStored(key)));
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(state));
    } catch {
      // Full or disabled storage: the setting lasts for this session only.
    }
  }, [key, state]);
  return [state, setState];
}
