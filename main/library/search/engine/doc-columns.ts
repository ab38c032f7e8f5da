/**
 * Per-document columns for filtering, sorting and tag counts, indexed by slot: the published time as a
 * number and each document's tags as small integers. A query with a common word then filters and counts
 * tens of thousands of hits in typed-array loops instead of touching an object per hit.
 */
import type { CatalogEntry } from '../../store/catalog';
import type { SegmentSet } from './segment-set';

export class DocColumns {
  /** Published time in ms; NaN when the article has no date. */
  readonly published: Float64Array;
  /** Tags of slot s are tagIds[tagStart[s] … tagStart[s + 1]). */
  readonly tagStart: Int32Array;
  readonly tagIds: Int32Array;
  /** Tag spellings as stored (facets count each spelling), and their lower-case form for filtering. */
  readonly tagNames: string[] = [];
  readonly tagLower: string[] = [];
  readonly entries: Array<CatalogEntry | undefined>;

  constructor(set: SegmentSet, entryOf: (id: string) => CatalogEntry | undefined) {
    const n = set.slotCount;
    this.published = new Float64Array(n).fill(NaN);
    this.tagStart = new Int32Array(n + 1);
    this.entries = new Array<CatalogEntry | undefined>(n);
    const tagId = new Map<string, number>();
    const ids: number[] = [];
    for (const seg of set.segments) {
      for (let d = 0; d < seg.reader.docCount; d++) {
        const slot = seg.base + d;
        this.tagStart[slot] = ids.length;
        if (seg.dead[d] === 1) continue;
        const entry = entryOf(seg.reader.ids[d]!);
        this.entries[slot] = entry;
        if (!entry) continue;
        if (entry.published) this.published[slot] = Date.parse(entry.published);
        for (const tag of entry.tags) {
          let t = tagId.get(tag);
          if (t === undefined) {
            t = this.tagNames.push(tag) - 1;
            this.tagLower.push(tag.toLowerCase());
            tagId.set(tag, t);
          }
          ids.push(t);
        }
      }
    }
    this.tagStart[n] = ids.length;
    this.tagIds = Int32Array.from(ids);
  }
}
