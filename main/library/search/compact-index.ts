/**
 * A compact serialisation of a Lunr index. Lunr's own `toJSON` writes every posting as an object keyed by
 * document ref (`{"<20-char id>": {}}`); parsing those hundreds of thousands of tiny objects is what made a
 * saved index slow to load (≈ 0.5 s for the BBC corpus). Here refs become ordinals, postings flat number
 * arrays, and the inverted index is decoded term by term on first use, so loading is parsing number arrays
 * and building the term trie. Only valid for indexes without metadata (no `metadataWhitelist`), as ours are.
 */
import type lunr from 'lunr';
import { setupLunr } from './lunr-setup';

export interface CompactIndex {
  lunrVersion: string;
  fields: string[];
  pipeline: string[];
  refs: string[];
  /** Sorted, as Lunr's TokenSet builder requires. */
  terms: string[];
  /** Per term: `[_index, fieldNo, count, ref ordinals…, fieldNo, count, …]`. */
  postings: number[][];
  /** Per field vector: `[fieldNo, ref ordinal, …elements]`. */
  vectors: number[][];
  /**
   * Lunr's term trie, already minimised, node by node: `final, edgeCount, (charCode, node)…`; node 0 is the
   * root. Rebuilding it from the terms took longer than everything else in a load together.
   */
  trie: number[];
}

type TrieNode = { final: boolean; edges: Record<string, TrieNode>; id: number };

type Posting = Record<string, Record<string, object>> & { _index: number };
type IndexInternals = {
  invertedIndex: Record<string, Posting>;
  fieldVectors: Record<string, { elements: number[] }>;
  fields: string[];
  pipeline: lunr.Pipeline;
};

export function compactIndex(index: lunr.Index): CompactIndex {
  const l = setupLunr();
  const internals = index as unknown as IndexInternals;
  const fields = internals.fields;
  const refs: string[] = [];
  const ordinal = new Map<string, number>();
  const ordinalOf = (ref: string) => {
    let n = ordinal.get(ref);
    if (n === undefined) {
      n = refs.push(ref) - 1;
      ordinal.set(ref, n);
    }
    return n;
  };
  const vectors: number[][] = [];
  for (const [key, vector] of Object.entries(internals.fieldVectors)) {
    // A field ref is `field/ref`; refs are our hex ids and field names have no slash.
    const slash = key.indexOf('/');
    vectors.push([fields.indexOf(key.slice(0, slash)), ordinalOf(key.slice(slash + 1)), ...vector.elements]);
  }
  const terms = Object.keys(internals.invertedIndex).sort();
  const postings = terms.map((term) => {
    const posting = internals.invertedIndex[term]!;
    const flat = [posting._index];
    fields.forEach((field, f) => {
      const docs = Object.keys(posting[field] ?? {});
      if (docs.length) flat.push(f, docs.length, ...docs.map(ordinalOf));
    });
    return flat;
  });
  return {
    trie: flattenTrie(index as unknown as { tokenSet: TrieNode }),
    lunrVersion: l.version,
    fields,
    pipeline: internals.pipeline.toJSON() as unknown as string[],
    refs,
    terms,
    postings,
    vectors,
  };
}

export function loadCompactIndex(data: CompactIndex): lunr.Index {
  const l = setupLunr();
  const { fields, refs, terms, postings } = data;
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const v of data.vectors) fieldVectors[`${fields[v[0]!]}/${refs[v[1]!]}`] = new l.Vector(v.slice(2));
  const position = new Map<string, number>();
  terms.forEach((term, i) => position.set(term, i));
  const decoded: Record<string, Posting> = Object.create(null);
  // Lunr reads postings only by `invertedIndex[term]` while querying: decode each on first read.
  const invertedIndex = new Proxy(decoded, {
    get(target, term) {
      if (typeof term !== 'string') return undefined;
      const cached = target[term];
      if (cached) return cached;
      const i = position.get(term);
      if (i === undefined) return undefined;
      target[term] = decodePosting(postings[i]!, fields, refs);
      return target[term];
    },
  });
  return new l.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: inflateTrie(data.trie, () => new l.TokenSet() as unknown as TrieNode),
    fields,
    pipeline: l.Pipeline.load(data.pipeline as unknown as object),
  } as unknown as ConstructorParameters<typeof l.Index>[0]);
}

function decodePosting(flat: number[], fields: string[], refs: string[]): Posting {
  const posting = { _index: flat[0]! } as Posting;
  for (const field of fields) posting[field] = Object.create(null) as Record<string, object>;
  let i = 1;
  while (i < flat.length) {
    const field = fields[flat[i]!]!;
    const count = flat[i + 1]!;
    const docs = posting[field]!;
    for (let k = 0; k < count; k++) docs[refs[flat[i + 2 + k]!]!] = Object.create(null) as object;
    i += 2 + count;
  }
  return posting;
}

/** Numbers the trie's nodes breadth-first (shared nodes once) and writes them flat. */
function flattenTrie(index: { tokenSet: TrieNode }): number[] {
  const order: TrieNode[] = [index.tokenSet];
  const number = new Map<TrieNode, number>([[index.tokenSet, 0]]);
  const flat: number[] = [];
  for (let n = 0; n < order.length; n++) {
    const node = order[n]!;
    const edges = Object.entries(node.edges);
    flat.push(node.final ? 1 : 0, edges.length);
    for (const [char, target] of edges) {
      let t = number.get(target);
      if (t === undefined) {
        t = order.push(target) - 1;
        number.set(target, t);
      }
      flat.push(char.charCodeAt(0), t);
    }
  }
  return flat;
}

function inflateTrie(flat: number[], makeNode: () => TrieNode): TrieNode {
  const nodes: TrieNode[] = [];
  const edgeStarts: number[] = [];
  for (let i = 0; i < flat.length; i += 2 + 2 * flat[i + 1]!) {
    const node = makeNode();
    node.final = flat[i] === 1;
    nodes.push(node);
    edgeStarts.push(i);
  }
  nodes.forEach((node, n) => {
    const start = edgeStarts[n]!;
    const count = flat[start + 1]!;
    for (let k = 0; k < count; k++) {
      node.edges[String.fromCharCode(flat[start + 2 + 2 * k]!)] = nodes[flat[start + 3 + 2 * k]!]!;
    }
  });
  return nodes[0]!;
}
