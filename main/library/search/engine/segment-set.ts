/**
 * The segments that together make the index, seen as one: global document slots (a segment's documents
 * numbered from its base), which of them are live, and the collection statistics Lunr's scoring needs.
 * Statistics are global, over live documents only, so a score never depends on how documents fall into
 * segments. A document is dead when its article left the catalog or a newer segment holds it again (an
 * edited article is indexed anew; the old copy is a tombstone until a merge drops it).
 */
import type { SegmentReader } from './segment-reader';

export interface PlacedSegment {
  reader: SegmentReader;
  base: number;
  /** 1 where the document is dead. */
  dead: Uint8Array;
  deadCount: number;
}

export class SegmentSet {
  readonly segments: PlacedSegment[];
  readonly slotCount: number;
  /** Live documents: Lunr's documentCount. */
  liveCount = 0;
  /** Per field, the total length over live documents. */
  readonly fieldTotals: Float64Array;
  readonly slotOfId = new Map<string, number>();

  constructor(
    readonly fields: string[],
    readers: SegmentReader[],
    isLive: (id: string) => boolean,
  ) {
    let base = 0;
    this.segments = readers.map((reader) => {
      const placed = { reader, base, dead: new Uint8Array(reader.docCount), deadCount: 0 };
      base += reader.docCount;
      return placed;
    });
    this.slotCount = base;
    this.fieldTotals = new Float64Array(fields.length);
    // Newest first: the newest copy of an id is the live one.
    for (let s = this.segments.length - 1; s >= 0; s--) {
      const seg = this.segments[s]!;
      const { ids, fieldLengths, docCount } = seg.reader;
      for (let d = 0; d < docCount; d++) {
        const id = ids[d]!;
        if (this.slotOfId.has(id) || !isLive(id)) {
          seg.dead[d] = 1;
          seg.deadCount++;
          continue;
        }
        this.slotOfId.set(id, seg.base + d);
        this.liveCount++;
        for (let f = 0; f < fields.length; f++) this.fieldTotals[f]! += fieldLengths[f * docCount + d]!;
      }
    }
  }

  private dictionary: string[] | null = null;

  /**
   * Every term of every segment, sorted, once: wildcard and fuzzy clauses walk this instead of each segment's
   * dictionary in turn (segments share most of their vocabulary). Terms only dead documents hold are in it;
   * the executor drops them when their live document frequency is 0.
   */
  terms(): string[] {
    if (!this.dictionary) {
      let lists = this.segments.map((s) => s.reader.terms);
      if (lists.length === 0) lists = [[]];
      while (lists.length > 1) {
        const next: string[][] = [];
        for (let i = 0; i < lists.length; i += 2)
          next.push(i + 1 < lists.length ? mergeSorted(lists[i]!, lists[i + 1]!) : lists[i]!);
        lists = next;
      }
      this.dictionary = lists[0]!;
    }
    return this.dictionary;
  }

  segmentOf(slot: number): PlacedSegment {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid]!.base <= slot) lo = mid;
      else hi = mid - 1;
    }
    return this.segments[lo]!;
  }

  idOf(slot: number): string {
    const seg = this.segmentOf(slot);
    return seg.reader.ids[slot - seg.base]!;
  }

  /** Ids held by some segment but no longer live anywhere: what a merge may drop. */
  get deadCount(): number {
    return this.segments.reduce((n, s) => n + s.deadCount, 0);
  }

  close(): void {
    for (const s of this.segments) s.reader.close();
  }
}

/** The union of two sorted, duplicate-free arrays, sorted and duplicate-free. */
function mergeSorted(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out.push(x);
      i++;
    } else if (y < x) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
