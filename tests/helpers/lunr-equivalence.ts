/**
 * Compares Offprint's segmented search with a plain `lunr.Index` built with the same pipeline and boosts over
 * the same articles: the same hits, scores within 1e-6, and the same order (only hits whose scores are equal
 * within 1e-6 may change places, as Lunr itself leaves their order to insertion order).
 */
import lunr from 'lunr';
import { toIndexDocument } from '../../main/library/search/index-document';
import { readUserDataSync } from '../../main/library/store/user-data';
import { buildIndex } from '../../main/library/search/lunr-setup';
import { execute } from '../../main/library/search/engine/query-executor';
import type { SegmentSet } from '../../main/library/search/engine/segment-set';
import { parseQuery } from '../../main/library/search/parse-query';
import type { ArticleStore } from '../../main/library/store/article-store';
import { pick, seededRandom } from './seeded-random';

export async function referenceIndex(store: ArticleStore): Promise<lunr.Index> {
  const docs = [];
  for (const entry of store.all())
    docs.push(
      toIndexDocument(await store.readArticle(entry.id), readUserDataSync(store.articleDir(entry.id))),
    );
  return buildIndex(docs);
}

/** A difference, described, or null when both engines agree. */
export function compareQuery(query: string, set: SegmentSet, reference: lunr.Index): string | null {
  const expected = reference.query((q) => {
    q.clauses = parseQuery(query).query.clauses;
  });
  const run = execute(parseQuery(query).query, set, { maxExpansion: Number.MAX_SAFE_INTEGER });
  const mine = new Map<string, number>();
  run.slots.forEach((slot, i) => mine.set(set.idOf(slot), run.scores[i]!));
  if (mine.size !== expected.length) return `${query}: ${mine.size} hits, Lunr ${expected.length}`;
  for (const hit of expected) {
    const score = mine.get(hit.ref);
    if (score === undefined) return `${query}: Lunr's hit ${hit.ref} is missing`;
    if (Math.abs(score - hit.score) > 1e-6) return `${query}: ${hit.ref} scores ${score}, Lunr ${hit.score}`;
  }
  // Lunr's order must be ours: walking it, our scores never rise by more than the tolerance.
  for (let i = 1; i < expected.length; i++) {
    if (mine.get(expected[i]!.ref)! > mine.get(expected[i - 1]!.ref)! + 1e-6)
      return `${query}: order differs at ${i}`;
  }
  return null;
}

/** Mixed queries over words of the corpus: words, fields, presence, prefixes, fuzziness, boosts. */
export function mixedQueries(vocabulary: string[], count: number, seed = 11): string[] {
  const random = seededRandom(seed);
  const w = () => pick(random, vocabulary);
  const prefix = () => {
    const word = w();
    return word.slice(0, Math.max(2, Math.min(word.length, 3 + Math.floor(random() * 3))));
  };
  const shapes: Array<() => string> = [
    () => w(),
    () => `${w()} ${w()}`,
    () => `${w()} ${w()} ${w()}`,
    () => `title:${w()}`,
    () => `body:${w()} title:${w()}`,
    () => `tags:${w()} ${w()}`,
    () => `subtitle:${w()}`,
    () => `+${w()} +${w()}`,
    () => `${w()} -${w()}`,
    () => `+${w()} -${w()} ${w()}`,
    () => `-${w()}`,
    () => `${prefix()}*`,
    () => `title:${prefix()}* ${w()}`,
    () => `*${w().slice(-3)}`,
    () => `${prefix()}*${w().slice(-1)}`,
    () => `${w()}~1`,
    () => `${w()}~2 ${w()}`,
    () => `${w()}^5 ${w()}`,
    () => `title:${w()}^3 body:${w()}`,
    () => `+${prefix()}* -${w()}`,
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!());
}

/** Words as they appear in the articles (lower-cased), for making queries. */
export function vocabularyOf(texts: string[], limit = 2000): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
      words.add(word);
      if (words.size >= limit) return [...words];
    }
  }
  return [...words];
}
