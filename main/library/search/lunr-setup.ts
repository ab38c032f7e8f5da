/**
 * Lunr with Offprint's pipeline. Lunr's own trimmer strips every non-ASCII letter at a word's edge
 * ("café" → "caf", "naïve" stays broken), so a Unicode-aware trimmer replaces it. It is registered by
 * name, as Lunr requires, or a saved index that names it would refuse to load.
 */
import lunr from 'lunr';

const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export const unicodeTrimmer: lunr.PipelineFunction = (token) => token.update((s) => s.replace(EDGE, ''));

let registered = false;
export function setupLunr(): typeof lunr {
  if (!registered) {
    lunr.Pipeline.registerFunction(unicodeTrimmer, 'offprintUnicodeTrimmer');
    registered = true;
  }
  return lunr;
}

/**
 * The fields of the index and their boosts: a word in the title says more than one in the body. The reader's
 * own words (`note`: the article's note and every highlight's note) weigh like the author: they say what the
 * article is about to this reader, as tags do, but are free text, so less than tags. A highlighted passage
 * (`highlight`: each highlight's exact quote) is also in the body, so its words already score there; 2 lifts
 * an article where the reader marked the word above one that only contains it. New fields go last: a field's
 * position is its number in the segments.
 */
export const FIELDS = [
  { name: 'title', boost: 10 },
  { name: 'subtitle', boost: 4 },
  { name: 'tags', boost: 5 },
  { name: 'author', boost: 3 },
  { name: 'site', boost: 2 },
  { name: 'body', boost: 1 },
  { name: 'note', boost: 3 },
  { name: 'highlight', boost: 2 },
] as const;

export type FieldName = (typeof FIELDS)[number]['name'];
export type IndexDocument = { id: string } & Record<FieldName, string>;

/** Builds an immutable index; rebuilding and swapping is the only way to change one. */
export function buildIndex(documents: Iterable<IndexDocument>): lunr.Index {
  const l = setupLunr();
  return l(function () {
    this.pipeline.reset();
    this.pipeline.add(unicodeTrimmer, l.stopWordFilter, l.stemmer);
    this.searchPipeline.reset();
    this.searchPipeline.add(unicodeTrimmer, l.stemmer);
    this.ref('id');
    for (const field of FIELDS) this.field(field.name, { boost: field.boost });
    for (const doc of documents) this.add(doc);
  });
}
