import { useCallback, useState } from 'react';

export interface Action<A extends unknown[]> {
  run(...args: A): Promise<void>;
  busy: boolean;
  error: unknown;
}

/**
 * One user action that calls the API: busy while it runs (so it cannot be sent twice), its failure kept to be
 * shown where it was asked for. `work` answering normally is success.
 */
export function useAction<A extends unknown[]>(work: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await work(...args);
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    },
    [work],
  );
  return { run, busy, error };
}
