/**
 * Runs a parsed Lunr query on the segments, step for step as `lunr.Index#query` does (expansion, required
 * and prohibited clauses per field, query vectors with summed boosts, BM25 field vectors rounded to three
 * decimals, cosine-style similarity per field summed per document), but on postings in typed arrays: no
 * per-document objects, and field vector entries computed only for the documents a query term reaches.
 */
import type lunr from 'lunr';
import { FIELDS, setupLunr, unicodeTrimmer } from '../lunr-setup';
import { FIELD_NAMES } from '../parse-query';
import { Budget, type BudgetEnd } from './budget';
import type { SegmentSet } from './segment-set';
import {
  clauseAutomaton,
  endOfPrefix,
  expandOver,
  isExact,
  literalPrefix,
  lowerBound,
} from './term-expansion';

/** Lunr's BM25 constants (its Builder's defaults). */
const K1 = 1.2;
const B = 0.75;
const PRESENCE = { OPTIONAL: 1, REQUIRED: 2, PROHIBITED: 3 } as const;

export interface ExecuteLimits {
  /** Terms one clause may expand to; the rest are ignored and the caller is told. */
  maxExpansion: number;
  /**
   * What the query may spend (time and steps) expanding clauses and scoring; past it, the query answers with
   * the terms and scores it has. Unlimited when omitted.
   */
  budget?: Budget;
}

export interface Execution {
  /** Matching live slots, in no particular order. */
  slots: Int32Array;
  /** Score per entry of `slots`. */
  scores: Float64Array;
  /** Expanded terms of the non-prohibited clauses, for snippets and highlighting. */
  terms: string[];
  /** True when some clause hit `maxExpansion`. */
  truncated: boolean;
  /** Set when the budget ran out: expansion or scoring stopped early, and the answer is partial. */
  stopped: BudgetEnd;
}

interface TermHit {
  term: string;
  /** Per segment, the term's index there or -1. */
  where: Int32Array;
  idf: number;
}

const COMPLETE = 'complete' as const;
type DocSet = Uint8Array | typeof COMPLETE;

let searchPipeline: lunr.Pipeline | null = null;
function pipeline(): lunr.Pipeline {
  if (!searchPipeline) {
    const l = setupLunr();
    searchPipeline = new l.Pipeline();
    searchPipeline.add(unicodeTrimmer, l.stemmer);
  }
  return searchPipeline;
}

const FIELD_BOOSTS = FIELDS.map((f) => f.boost || 1);

export function execute(query: lunr.Query, set: SegmentSet, limits: ExecuteLimits): Execution {
  const F = FIELD_NAMES.length;
  const N = set.liveCount;
  const average = Array.from(set.fieldTotals, (total) => total / N);
  const slotCount = set.slotCount;
  const matchedFields = new Uint8Array(slotCount);
  const queryVectors = FIELD_NAMES.map(() => new Map<string, { hit: TermHit; weight: number }>());
  const termFieldSeen = new Set<string>();
  const required: Array<DocSet | undefined> = new Array(F);
  const prohibited: Array<Uint8Array | undefined> = new Array(F);
  const shownTerms = new Set<string>();
  const hitCache = new Map<string, TermHit | null>();
  const budget = limits.budget ?? Budget.unlimited();
  let truncated = false;

  const termHit = (term: string): TermHit | null => {
    let hit = hitCache.get(term);
    if (hit === undefined) {
      hit = resolveTerm(term, set);
      hitCache.set(term, hit);
    }
    return hit;
  };

  for (const clause of query.clauses) {
    const fields = (clause.fields ?? FIELD_NAMES).map((name) => FIELD_NAMES.indexOf(name));
    const presence = (clause as { presence?: number }).presence ?? PRESENCE.OPTIONAL;
    const terms = clause.usePipeline
      ? (pipeline() as unknown as { runString(s: string, m: object): string[] }).runString(clause.term, {
          fields: clause.fields,
        })
      : [clause.term];
    let clauseMatches: Uint8Array | null = null;
    for (const term of terms) {
      clause.term = term;
      const expanded = expand(clause, set, termHit, limits.maxExpansion, budget);
      if (expanded.truncated) truncated = true;
      if (expanded.hits.length === 0 && presence === PRESENCE.REQUIRED) {
        for (const f of fields) required[f] = new Uint8Array(slotCount);
        break;
      }
      for (const hit of expanded.hits) {
        for (const f of fields) {
          if (presence === PRESENCE.REQUIRED) {
            clauseMatches ??= new Uint8Array(slotCount);
            markPostings(set, hit, f, clauseMatches, budget);
            if (required[f] === undefined) required[f] = COMPLETE;
          }
          if (presence === PRESENCE.PROHIBITED) {
            prohibited[f] ??= new Uint8Array(slotCount);
            markPostings(set, hit, f, prohibited[f], budget);
            continue;
          }
          const vector = queryVectors[f]!;
          const entry = vector.get(hit.term);
          if (entry) entry.weight += clause.boost ?? 1;
          else vector.set(hit.term, { hit, weight: clause.boost ?? 1 });
          shownTerms.add(hit.term);
          const key = `${hit.term}/${f}`;
          if (termFieldSeen.has(key)) continue;
          forEachPosting(set, hit, f, budget, (slot) => {
            matchedFields[slot]! |= 1 << f;
          });
          termFieldSeen.add(key);
        }
      }
    }
    if (presence === PRESENCE.REQUIRED) {
      const matches = clauseMatches ?? new Uint8Array(slotCount);
      for (const f of fields) required[f] = intersect(required[f] ?? COMPLETE, matches);
    }
  }

  let allRequired: DocSet = COMPLETE;
  let allProhibited: Uint8Array | null = null;
  for (let f = 0; f < F; f++) {
    if (required[f] !== undefined) allRequired = intersect(allRequired, required[f]!);
    if (prohibited[f]) allProhibited = union(allProhibited, prohibited[f]!);
  }

  const negated = query.clauses.every(
    (c) => ((c as { presence?: number }).presence ?? PRESENCE.OPTIONAL) === PRESENCE.PROHIBITED,
  );
  const score = new Float64Array(slotCount);
  if (!negated) {
    for (let f = 0; f < F; f++) {
      const vector = queryVectors[f]!;
      let sumOfSquares = 0;
      for (const { weight } of vector.values()) sumOfSquares += weight * weight;
      const magnitude = Math.sqrt(sumOfSquares);
      for (const { hit, weight } of vector.values()) {
        const boost = FIELD_BOOSTS[f]!;
        const avg = average[f]!;
        forEachPosting(set, hit, f, budget, (slot, tf, length) => {
          let s = (hit.idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / avg)) + tf);
          s *= boost;
          const value = Math.round(s * 1000) / 1000;
          // Lunr divides each field's dot product by the query vector's magnitude (0/0 counts as 0).
          const part = (weight * value) / magnitude;
          if (part === part) score[slot]! += part;
        });
      }
    }
  }

  const slots: number[] = [];
  const accept = (slot: number) =>
    (allRequired === COMPLETE || allRequired[slot] === 1) && !(allProhibited && allProhibited[slot] === 1);
  if (negated) {
    for (const seg of set.segments)
      for (let d = 0; d < seg.reader.docCount; d++)
        if (seg.dead[d] === 0 && accept(seg.base + d)) slots.push(seg.base + d);
  } else {
    for (let slot = 0; slot < slotCount; slot++)
      if (matchedFields[slot] !== 0 && accept(slot)) slots.push(slot);
  }
  const out = Int32Array.from(slots);
  const scores = new Float64Array(out.length);
  for (let i = 0; i < out.length; i++) scores[i] = score[out[i]!]!;
  return { slots: out, scores, terms: [...shownTerms], truncated, stopped: budget.ended };
}

function intersect(a: DocSet, b: DocSet): DocSet {
  if (a === COMPLETE) return b;
  if (b === COMPLETE) return a;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

function union(a: Uint8Array | null, b: Uint8Array): Uint8Array {
  if (!a) return b;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! | b[i]!;
  return out;
}

/** A term's place in each segment and its idf over live documents; null when no live document has it. */
function resolveTerm(term: string, set: SegmentSet): TermHit | null {
  const where = new Int32Array(set.segments.length);
  let documentsWithTerm = 0;
  set.segments.forEach((seg, s) => {
    const t = seg.reader.findTerm(term);
    where[s] = t;
    if (t < 0) return;
    const F = seg.reader.fieldCount;
    const starts = seg.reader.termFieldStart;
    if (seg.deadCount === 0) {
      documentsWithTerm += starts[t * F + F]! - starts[t * F]!;
      return;
    }
    const { docs } = seg.reader.postings(t);
    for (const d of docs) if (seg.dead[d] === 0) documentsWithTerm++;
  });
  if (documentsWithTerm === 0) return null;
  // lunr.idf: it counts (field, document) pairs, not documents; kept as is so scores match.
  const x = (set.liveCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return { term, where, idf: Math.log(1 + Math.abs(x)) };
}

function expand(
  clause: lunr.Query.Clause,
  set: SegmentSet,
  termHit: (term: string) => TermHit | null,
  limit: number,
  budget: Budget,
): { hits: TermHit[]; truncated: boolean } {
  if (isExact(clause)) {
    const hit = clause.term === '' ? null : termHit(clause.term);
    return { hits: hit ? [hit] : [], truncated: false };
  }
  const automaton = clauseAutomaton(clause);
  const prefix = literalPrefix(clause);
  const terms = set.terms();
  const from = prefix ? lowerBound(terms, prefix) : 0;
  const to = prefix ? endOfPrefix(terms, prefix, from, terms.length) : terms.length;
  let truncated = false;
  // More than the limit, since terms of dead documents only are dropped below.
  const found = expandOver(terms, automaton, from, to, limit * 2 + 16, budget).map((t) => terms[t]!);
  // Lunr lists expansions in trie order, which is sorted order.
  const hits: TermHit[] = [];
  for (const term of found) {
    // Looking a term up costs a search in each segment (and its postings where documents died).
    if (!budget.spend(set.segments.length)) break;
    const hit = termHit(term);
    if (!hit) continue;
    if (hits.length >= limit) {
      truncated = true;
      break;
    }
    hits.push(hit);
  }
  return { hits, truncated };
}

/**
 * Visits the live documents of a term in one field, with their term frequency and field length; each posting
 * spends a step, and a spent budget visits nothing more.
 */
function forEachPosting(
  set: SegmentSet,
  hit: TermHit,
  f: number,
  budget: Budget,
  visit: (slot: number, tf: number, length: number) => void,
): void {
  set.segments.forEach((seg, s) => {
    const t = hit.where[s]!;
    if (t < 0) return;
    const F = seg.reader.fieldCount;
    const n = seg.reader.docCount;
    const lengths = seg.reader.fieldLengths;
    const { base, docs, tfs } = seg.reader.postings(t);
    const start = seg.reader.termFieldStart[t * F + f]! - base;
    const end = seg.reader.termFieldStart[t * F + f + 1]! - base;
    if (!budget.spend(end - start + 1)) return;
    for (let k = start; k < end; k++) {
      const d = docs[k]!;
      if (seg.dead[d] === 0) visit(seg.base + d, tfs[k]!, lengths[f * n + d]!);
    }
  });
}

function markPostings(set: SegmentSet, hit: TermHit, f: number, into: Uint8Array, budget: Budget): void {
  forEachPosting(set, hit, f, budget, (slot) => {
    into[slot] = 1;
  });
}
