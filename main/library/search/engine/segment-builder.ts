/**
 * Builds segment data from analysed documents, and merges segments (dropping deleted documents) without
 * analysing any text again: postings are renumbered and concatenated.
 */
import type { AnalyzedField } from './analyzer';
import type { SegmentData } from './segment-format';

export function buildSegment(
  fields: string[],
  docs: Array<{ id: string; fields: AnalyzedField[] }>,
): SegmentData {
  const F = fields.length;
  const fieldLengths = new Uint32Array(F * docs.length);
  /** term → per field, flat [doc, tf, doc, tf, …] in doc order. */
  const postings = new Map<string, number[][]>();
  docs.forEach((doc, d) => {
    doc.fields.forEach((field, f) => {
      fieldLengths[f * docs.length + d] = field.length;
      for (const [term, tf] of field.terms) {
        let perField = postings.get(term);
        if (!perField) {
          perField = Array.from({ length: F }, () => []);
          postings.set(term, perField);
        }
        perField[f]!.push(d, tf);
      }
    });
  });
  const terms = [...postings.keys()].sort();
  let total = 0;
  for (const perField of postings.values()) for (const list of perField) total += list.length / 2;
  const termFieldStart = new Uint32Array(terms.length * F + 1);
  const docsOut = new Uint32Array(total);
  const tfs = new Uint32Array(total);
  let at = 0;
  terms.forEach((term, t) => {
    const perField = postings.get(term)!;
    for (let f = 0; f < F; f++) {
      termFieldStart[t * F + f] = at;
      const list = perField[f]!;
      for (let i = 0; i < list.length; i += 2) {
        docsOut[at] = list[i]!;
        tfs[at] = list[i + 1]!;
        at++;
      }
    }
  });
  termFieldStart[terms.length * F] = at;
  return { fields, ids: docs.map((d) => d.id), fieldLengths, terms, termFieldStart, docs: docsOut, tfs };
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
  for (const r of remap) r.seg.ids.forEach((id, d) => r.keep[d] && (r.map[d] = ids.push(id) - 1));
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
    fieldLengths,
    terms,
    termFieldStart: Uint32Array.from(starts),
    docs: docs.slice(0, at),
    tfs: tfs.slice(0, at),
  };
}
