/**
 * Builds segment data from analysed documents, and merges segments (dropping deleted documents) without
 * analysing any text again: postings are renumbered and concatenated.
 */
import type { AnalyzedField } from './analyzer';
import type { DocMeta, SegmentData } from './segment-format';

export function buildSegment(
  fields: string[],
  docs: Array<{ id: string; meta: DocMeta; fields: AnalyzedField[] }>,
): SegmentData {
  const F = fields.length;
  const fieldLengths = new Uint32Array(F * docs.length);
  // Postings gathered flat, in document order, as (term id, field, doc, tf); then placed by a counting sort
  // on (term rank, field), which keeps each list in document order. No array per term.
  const termIds = new Map<string, number>();
  const names: string[] = [];
  let capacity = 1 << 16;
  let termOf = new Int32Array(capacity);
  let fieldOf = new Uint8Array(capacity);
  let docOf = new Uint32Array(capacity);
  let tfOf = new Uint32Array(capacity);
  let n = 0;
  docs.forEach((doc, d) => {
    doc.fields.forEach((field, f) => {
      fieldLengths[f * docs.length + d] = field.length;
      for (let k = 0; k < field.terms.length; k++) {
        const term = field.terms[k]!;
        const tf = field.counts[k]!;
        let id = termIds.get(term);
        if (id === undefined) {
          id = names.push(term) - 1;
          termIds.set(term, id);
        }
        if (n === capacity) {
          capacity *= 2;
          termOf = grow(termOf, capacity);
          fieldOf = grow(fieldOf, capacity);
          docOf = grow(docOf, capacity);
          tfOf = grow(tfOf, capacity);
        }
        termOf[n] = id;
        fieldOf[n] = f;
        docOf[n] = d;
        tfOf[n] = tf;
        n++;
      }
    });
  });
  const order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  const rank = new Int32Array(names.length);
  order.forEach((id, r) => (rank[id] = r));
  const termFieldStart = new Uint32Array(names.length * F + 1);
  for (let i = 0; i < n; i++) termFieldStart[rank[termOf[i]!]! * F + fieldOf[i]! + 1]!++;
  for (let k = 1; k < termFieldStart.length; k++) termFieldStart[k]! += termFieldStart[k - 1]!;
  const cursor = termFieldStart.slice(0, -1);
  const docsOut = new Uint32Array(n);
  const tfs = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const at = cursor[rank[termOf[i]!]! * F + fieldOf[i]!]!++;
    docsOut[at] = docOf[i]!;
    tfs[at] = tfOf[i]!;
  }
  return {
    fields,
    ids: docs.map((d) => d.id),
    meta: docs.map((d) => d.meta),
    fieldLengths,
    terms: order.map((id) => names[id]!),
    termFieldStart,
    docs: docsOut,
    tfs,
  };
}

function grow<T extends Int32Array | Uint8Array | Uint32Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Merges whole segments in order; `keep[i][d]` says whether document d of input i survives. */
export function mergeSegments(inputs: SegmentData[], keep: Uint8Array[]): SegmentData {
  const fields = inputs[0]!.fields;
  const F = fields.length;
  const remap = inputs.map((seg, i) => {
    const map = new Int32Array(seg.ids.length).fill(-1);
    return { seg, map, keep: keep[i]! };
  });
  const ids: string[] = [];
  const meta: DocMeta[] = [];
  for (const r of remap) {
    r.seg.ids.forEach((id, d) => {
      if (!r.keep[d]) return;
      r.map[d] = ids.push(id) - 1;
      meta.push(r.seg.meta[d]!);
    });
  }
  const N = ids.length;
  const fieldLengths = new Uint32Array(F * N);
  for (const r of remap) {
    const n = r.seg.ids.length;
    for (let d = 0; d < n; d++) {
      const to = r.map[d]!;
      if (to < 0) continue;
      for (let f = 0; f < F; f++) fieldLengths[f * N + to] = r.seg.fieldLengths[f * n + d]!;
    }
  }
  const termSet = new Set<string>();
  for (const r of remap) for (const t of r.seg.terms) termSet.add(t);
  const allTerms = [...termSet].sort();
  let capacity = 0;
  for (const r of remap) capacity += r.seg.docs.length;
  const docs = new Uint32Array(capacity);
  const tfs = new Uint32Array(capacity);
  const starts: number[] = [];
  const terms: string[] = [];
  const cursor = remap.map(() => 0);
  let at = 0;
  for (const term of allTerms) {
    const begin = at;
    const fieldStarts: number[] = [];
    // Each input's terms are sorted like allTerms, so one cursor per input finds the term in order.
    const positions = remap.map((r, i) => {
      while (cursor[i]! < r.seg.terms.length && r.seg.terms[cursor[i]!]! < term) cursor[i]!++;
      return r.seg.terms[cursor[i]!] === term ? cursor[i]! : -1;
    });
    for (let f = 0; f < F; f++) {
      fieldStarts.push(at);
      remap.forEach((r, i) => {
        const t = positions[i]!;
        if (t < 0) return;
        const s = r.seg.termFieldStart[t * F + f]!;
        const e = r.seg.termFieldStart[t * F + f + 1]!;
        for (let k = s; k < e; k++) {
          const to = r.map[r.seg.docs[k]!]!;
          if (to < 0) continue;
          docs[at] = to;
          tfs[at] = r.seg.tfs[k]!;
          at++;
        }
      });
    }
    // A term only dead documents had is gone from the merged dictionary, as from a fresh Lunr index.
    if (at === begin) continue;
    terms.push(term);
    starts.push(...fieldStarts);
  }
  starts.push(at);
  return {
    fields,
    ids,
    meta,
    fieldLengths,
    terms,
    termFieldStart: Uint32Array.from(starts),
    docs: docs.slice(0, at),
    tfs: tfs.slice(0, at),
  };
}
