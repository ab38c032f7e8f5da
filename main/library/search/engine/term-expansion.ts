/**
 * Which dictionary terms a query clause stands for, with Lunr's own semantics: Lunr builds an automaton
 * for the clause (`TokenSet.fromClause`: `*` wildcards, `~n` fuzziness) and intersects it with the trie of
 * every indexed term. Here the same automaton walks a sorted term array instead of a trie, sharing the
 * work for a common prefix and skipping every term under a prefix the automaton has rejected, so a
 * dictionary of a few hundred thousand terms needs no trie in memory.
 */
import { setupLunr } from '../lunr-setup';
import { Budget } from './budget';

interface Node {
  final: boolean;
  edges: Record<string, Node>;
}

export interface ClauseShape {
  term: string;
  editDistance?: number;
}

/** The automaton of a clause, as Lunr builds it. */
export function clauseAutomaton(clause: ClauseShape): Node {
  const l = setupLunr();
  // `fromClause` is public in Lunr but missing from its type definitions.
  return (l.TokenSet as unknown as { fromClause(c: ClauseShape): Node }).fromClause(clause);
}

/** True when the clause can only ever match its own text (no wildcard, no fuzziness). */
export function isExact(clause: ClauseShape): boolean {
  return !('editDistance' in clause && clause.editDistance !== undefined) && !clause.term.includes('*');
}

/** The literal text before the first wildcard, which every match of a non-fuzzy clause starts with. */
export function literalPrefix(clause: ClauseShape): string {
  if ('editDistance' in clause && clause.editDistance !== undefined) return '';
  const star = clause.term.indexOf('*');
  return star < 0 ? clause.term : clause.term.slice(0, star);
}

/** Past this many states a set keeps them unique: `includes` on hundreds of states per letter is quadratic. */
const SMALL_STATE_LIST = 16;

function step(states: Node[], ch: string): Node[] {
  const out: Node[] = [];
  let seen: Set<Node> | null = null;
  for (const s of states) {
    for (let e = 0; e < 2; e++) {
      const node = e === 0 ? s.edges[ch] : s.edges['*'];
      if (!node) continue;
      if (out.length < SMALL_STATE_LIST) {
        if (!out.includes(node)) out.push(node);
        continue;
      }
      seen ??= new Set(out);
      if (!seen.has(node)) {
        seen.add(node);
        out.push(node);
      }
    }
  }
  return out;
}

/**
 * Indexes in `terms[from, to)` (sorted) that the automaton accepts; at most `limit` of them. Each letter read
 * spends as many steps from `budget` as the automaton has states there; once it runs out, the walk stops with
 * what it found (the caller sees `budget.exhausted`).
 */
export function expandOver(
  terms: string[],
  root: Node,
  from: number,
  to: number,
  limit: number,
  budget: Budget = Budget.unlimited(),
): number[] {
  const out: number[] = [];
  const stack: Node[][] = [[root]];
  let prev = '';
  let valid = 0;
  let i = from;
  while (i < to && out.length < limit) {
    const w = terms[i]!;
    let k = 0;
    const shared = Math.min(valid, w.length, prev.length);
    while (k < shared && w.charCodeAt(k) === prev.charCodeAt(k)) k++;
    let dead = -1;
    for (; k < w.length; k++) {
      const states = stack[k]!;
      if (!budget.spend(states.length + 1)) return out;
      const next = step(states, w[k]!);
      stack[k + 1] = next;
      if (next.length === 0) {
        dead = k + 1;
        break;
      }
    }
    prev = w;
    if (dead >= 0) {
      valid = dead;
      i = endOfPrefix(terms, w.slice(0, dead), i + 1, to);
      continue;
    }
    valid = w.length;
    // Lunr's intersection never looks at the root's finality: the empty term is never a match.
    if (w.length > 0 && stack[w.length]!.some((n) => n.final)) out.push(i);
    i++;
  }
  return out;
}

/** First index of a sorted array whose term is ≥ `term`. */
export function lowerBound(terms: string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [lo, hi) whose term does not start with `prefix` (those that do are contiguous from lo). */
export function endOfPrefix(terms: string[], prefix: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
