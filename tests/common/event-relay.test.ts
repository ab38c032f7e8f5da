import { describe, expect, it } from 'vitest';
import { EventRelay } from '../../common/event-relay';

describe('EventRelay', () => {
  it('delivers at once to every listener while someone listens', () => {
    const relay = new EventRelay<number>();
    const a: number[] = [];
    const b: number[] = [];
    relay.subscribe((e) => a.push(e));
    const stopB = relay.subscribe((e) => b.push(e));
    relay.push(1);
    stopB();
    relay.push(2);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1]);
  });

  it('holds at most its limit while nobody listens, dropping the oldest', async () => {
    const relay = new EventRelay<number>(3);
    for (let i = 1; i <= 5; i++) relay.push(i);
    const got: number[] = [];
    relay.subscribe((e) => got.push(e));
    await Promise.resolve();
    expect(got).toEqual([3, 4, 5]);
    // Given once: a second subscriber does not get them again.
    const second: number[] = [];
    relay.subscribe((e) => second.push(e));
    await Promise.resolve();
    expect(second).toEqual([]);
  });
});
