/**
 * Hands events to their listeners, keeping the ones that arrive while nobody listens. The main process may
 * send an event before the page has subscribed (an import started from the menu while the page still loads,
 * "focus search" pressed at start) or while React re-subscribes between renders: dropped, that import would run
 * with no progress shown. Held events go to the first listener that subscribes, in order, on a microtask (so a
 * subscriber never runs them before `subscribe` returns). Bounded: a page that never subscribes costs at most
 * `limit` events, the oldest dropped first.
 */
export class EventRelay<E> {
  private readonly listeners = new Set<(event: E) => void>();
  private held: E[] = [];

  constructor(private readonly limit = 64) {}

  push(event: E): void {
    if (this.listeners.size === 0) {
      this.held.push(event);
      if (this.held.length > this.limit) this.held.shift();
      return;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  subscribe(listener: (event: E) => void): () => void {
    this.listeners.add(listener);
    if (this.held.length > 0)
      queueMicrotask(() => {
        if (!this.listeners.has(listener)) return; // unsubscribed at once: keep them for the next one
        const held = this.held;
        this.held = [];
        for (const event of held) listener(event);
      });
    return () => {
      this.listeners.delete(listener);
    };
  }
}
