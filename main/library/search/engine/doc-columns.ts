/**
 * Per-document columns for filtering, sorting and tag counts, indexed by slot, from the segments' own
 * document metadata (so search needs no catalog): the published time as a number, each document's tags as
 * small integers, and the title for ordering ties. A query with a common word then filters and counts tens of
 * thousands of hits in typed-array loops instead of touching an object per hit.
 */
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
  readonly titles: string[];

  constructor(set: SegmentSet) {
    const n = set.slotCount;
    this.published = new Float64Array(n).fill(NaN);
    this.tagStart = new Int32Array(n + 1);
    this.titles = new Array<string>(n).fill('');
    const tagId = new Map<string, number>();
    const ids: number[] = [];
    for (const seg of set.segments) {
      const meta = seg.reader.meta;
      for (let d = 0; d < seg.reader.docCount; d++) {
        const slot = seg.base + d;
        this.tagStart[slot] = ids.length;
        if (seg.dead[d] === 1) continue;
        const [published, tags, title] = meta[d]!;
        this.titles[slot] = title;
        if (published) this.published[slot] = Date.parse(published);
        for (const tag of tags) {
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
