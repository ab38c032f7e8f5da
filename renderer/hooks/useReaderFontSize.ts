import { useCallback } from 'react';
import { usePersistentState } from './usePersistentState';

const DEFAULT_SIZE = 19;
const MIN_SIZE = 14;
const MAX_SIZE = 28;

function parseSize(stored: unknown): number {
  return typeof stored === 'number' && stored >= MIN_SIZE && stored <= MAX_SIZE
    ? Math.round(stored)
    : DEFAULT_SIZE;
}

/** The reader's text size in CSS pixels, changed from the View menu (bigger, smaller, actual size). */
export function useReaderFontSize(): [number, (delta: -1 | 0 | 1) => void] {
  const [size, setSize] = usePersistentState('offprint.readerFontSize', parseSize);
  const adjust = useCallback(
    (delta: -1 | 0 | 1) =>
      setSize((previous) =>
        delta === 0 ? DEFAULT_SIZE : Math.min(MAX_SIZE, Math.max(MIN_SIZE, previous + delta)),
      ),
    [setSize],
  );
  return [size, adjust];
}
