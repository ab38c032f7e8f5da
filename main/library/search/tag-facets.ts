/**
 * Tag counts over every hit: one facet per tag whatever its case, and one per ancestor of a hierarchical tag,
 * each counting the hits that carry it or a descendant once (a hit with `region/a` and `region/b` is one
 * `region`). A facet shows the spelling most of those hits use; a tie goes to the spelling first in code-unit
 * order, so the label never depends on the order documents happen to be stored in.
 */
import type { TagCount } from '../../../common/search';
import type { DocColumns } from './engine/doc-columns';

const collator = new Intl.Collator('en');

export function tagCounts(kept: number[], slots: Int32Array, columns: DocColumns): TagCount[] {
  const { tagStart, tagIds, spellStart, spellIds, spellFacet, spellNames } = columns;
  const facetCount = new Int32Array(columns.facetKeys.length);
  const spellCount = new Int32Array(spellNames.length);
  // The last hit that counted for each facet and spelling: a hit counts once however many tags lead there.
  const facetSeen = new Int32Array(facetCount.length).fill(-1);
  const spellSeen = new Int32Array(spellCount.length).fill(-1);
  for (const i of kept) {
    const slot = slots[i]!;
    for (let k = tagStart[slot]!; k < tagStart[slot + 1]!; k++) {
      const t = tagIds[k]!;
      for (let j = spellStart[t]!; j < spellStart[t + 1]!; j++) {
        const s = spellIds[j]!;
        if (spellSeen[s] !== i) {
          spellSeen[s] = i;
          spellCount[s]!++;
        }
        const f = spellFacet[s]!;
        if (facetSeen[f] !== i) {
          facetSeen[f] = i;
          facetCount[f]!++;
        }
      }
    }
  }
  const shown = new Int32Array(facetCount.length).fill(-1);
  spellCount.forEach((count, s) => {
    if (count === 0) return;
    const f = spellFacet[s]!;
    const best = shown[f]!;
    if (best < 0) shown[f] = s;
    else {
      const bestCount = spellCount[best]!;
      if (count > bestCount || (count === bestCount && spellNames[s]! < spellNames[best]!)) shown[f] = s;
    }
  });
  const out: TagCount[] = [];
  facetCount.forEach((count, f) => count > 0 && out.push({ tag: spellNames[shown[f]!]!, count }));
  return out.sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
}
