/**
 * When to merge: segments fall into tiers by size (a factor of MERGE_FACTOR apart); MERGE_FACTOR segments in
 * one tier become one segment of the next tier, so a library of n articles has O(log n) segments and each
 * article is rewritten O(log n) times. A segment more than a third dead is rewritten on its own to drop its
 * tombstones. Returns the names to merge (oldest first), or null.
 */
export const MERGE_FACTOR = 8;

export interface SegmentStats {
  name: string;
  docs: number;
  dead: number;
}

export function planMerge(segments: SegmentStats[]): string[] | null {
  for (const s of segments) if (s.dead > 100 && s.dead * 3 > s.docs) return [s.name];
  const tiers = new Map<number, SegmentStats[]>();
  for (const s of segments) {
    const live = Math.max(1, s.docs - s.dead);
    const tier = Math.floor(Math.log(live) / Math.log(MERGE_FACTOR));
    if (!tiers.has(tier)) tiers.set(tier, []);
    tiers.get(tier)!.push(s);
  }
  for (const group of tiers.values()) if (group.length >= MERGE_FACTOR) return group.map((s) => s.name);
  return null;
}
