/**
 * Per-document columns for filtering, sorting and tag counts, indexed by slot, from the segments' own
 * document metadata (so search needs no catalog): the published time as a number, each document's tags as
 * small integers, the reader's flags, and the title for ordering ties. A query with a common word then filters
 * and counts tens of thousands of hits in typed-array loops instead of touching an object per hit.
 *
 * Facets are case-insensitive and hierarchical, so each tag spelling is also mapped, once here, to the facets
 * it counts for (its own lower-case path and every ancestor's) and to the spelling it shows for each.
 */
import { parseIsoDate } from '../../../../common/iso-date';
import { UTC_RULE } from '../../../../common/zone-rule';
import { tagFacetPaths } from '../tag-hierarchy';
import type { SegmentSet } from './segment-set';

export class DocColumns {
  /** Published time in ms; NaN when the article has no date. */
  readonly published: Float64Array;
  /** DOC_FLAGS of each slot. */
  readonly flags: Uint8Array;
  /** Highlights of each slot. */
  readonly highlights: Int32Array;
  /** Tags of slot s are tagIds[tagStart[s] … tagStart[s + 1]). */
  readonly tagStart: Int32Array;
  readonly tagIds: Int32Array;
  /** Tag spellings as stored, and their lower-case form for filtering. */
  readonly tagNames: string[] = [];
  readonly tagLower: string[] = [];
  /**
   * The spellings tag t counts for: spellIds[spellStart[t] … spellStart[t + 1]), its own and each ancestor's
   * as written in it (`Region` of `Region/Gulf`). A spelling belongs to one facet (its lower-case form).
   */
  readonly spellStart: Int32Array;
  readonly spellIds: Int32Array;
  readonly spellNames: string[] = [];
  readonly spellFacet: number[] = [];
  /** Facet keys: lower-case tag paths, ancestors included. */
  readonly facetKeys: string[] = [];
  readonly titles: string[];

  constructor(set: SegmentSet) {
    const n = set.slotCount;
    this.published = new Float64Array(n).fill(NaN);
    this.flags = new Uint8Array(n);
    this.highlights = new Int32Array(n);
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
        const [published, tags, title, flags, highlights] = meta[d]!;
        this.titles[slot] = title;
        // Stored dates are UTC (`…Z`); one without a zone (an older or hand-edited article) is UTC too.
        if (published) this.published[slot] = parseIsoDate(published, UTC_RULE) ?? NaN;
        this.flags[slot] = flags;
        this.highlights[slot] = highlights;
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
    const { spellStart, spellIds } = this.spellings();
    this.spellStart = spellStart;
    this.spellIds = spellIds;
  }

  private spellings(): { spellStart: Int32Array; spellIds: Int32Array } {
    const spellId = new Map<string, number>();
    const facetId = new Map<string, number>();
    const spellStart = new Int32Array(this.tagNames.length + 1);
    const ids: number[] = [];
    this.tagNames.forEach((tag, t) => {
      spellStart[t] = ids.length;
      for (const spelling of tagFacetPaths(tag)) {
        let s = spellId.get(spelling);
        if (s === undefined) {
          const key = spelling.toLowerCase();
          let f = facetId.get(key);
          if (f === undefined) {
            f = this.facetKeys.push(key) - 1;
            facetId.set(key, f);
          }
          s = this.spellNames.push(spelling) - 1;
          this.spellFacet.push(f);
          spellId.set(spelling, s);
        }
        ids.push(s);
      }
    });
    spellStart[this.tagNames.length] = ids.length;
    return { spellStart, spellIds: Int32Array.from(ids) };
  }
}
