import { useCallback, useEffect, useMemo, useRef } from 'react';

/**
 * Calls `call` with the last value given, once `delayMs` have passed without another; `flush` calls it at once
 * (an article is closed, the reader goes away). The value carries what it is for (an article's id), so a call
 * flushed after the reader moved on still lands on the right article.
 */
export function useDebouncedCall<T>(
  call: (value: T) => void,
  delayMs: number,
): { schedule(value: T): void; flush(): void } {
  const latest = useRef(call);
  useEffect(() => {
    latest.current = call;
  });
  const pending = useRef<{ value: T; timer: ReturnType<typeof setTimeout> } | null>(null);
  const flush = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.current = null;
    latest.current(waiting.value);
  }, []);
  const schedule = useCallback(
    (value: T) => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { value, timer: setTimeout(flush, delayMs) };
    },
    [flush, delayMs],
  );
  useEffect(() => flush, [flush]);
  return useMemo(() => ({ schedule, flush }), [schedule, flush]);
}
