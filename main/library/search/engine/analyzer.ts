/**
 * Turns a document into the terms Lunr would index, field by field, without Lunr's Builder: the same tokenizer
 * rule (lower case, split on white space and hyphens, empty slices dropped) and the same pipeline functions
 * (Unicode trimmer, stop-word filter, stemmer). The pipeline is a pure function of each token's text, so its
 * result is memoised per distinct word: stemming dominated index building, and a corpus has far fewer distinct
 * words than words. Tokens the trimmer empties stay in (Lunr keeps them: they count in a field's length).
 */
import { FIELDS, type IndexDocument, setupLunr, unicodeTrimmer } from '../lunr-setup';

export interface AnalyzedField {
  /** Number of terms after the pipeline: Lunr's field length. */
  length: number;
  /** Term → occurrences in this field. */
  terms: Map<string, number>;
}

/** Lunr's tokenizer separator (`lunr.tokenizer.separator`). */
const SEPARATOR = /[\s-]+/;
/** Memo entries: a cap so a hostile corpus of unique words cannot grow it without bound. */
const MEMO_LIMIT = 500_000;

export class Analyzer {
  private readonly memo = new Map<string, string | null>();
  private readonly run: (word: string) => string | null;

  constructor() {
    const l = setupLunr();
    const pipeline = new l.Pipeline();
    pipeline.add(unicodeTrimmer, l.stopWordFilter, l.stemmer);
    this.run = (word) => {
      const out = pipeline.run([new l.Token(word, {})]);
      return out.length ? out[0]!.toString() : null;
    };
  }

  term(word: string): string | null {
    let term = this.memo.get(word);
    if (term === undefined) {
      term = this.run(word);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, term);
    }
    return term;
  }

  field(text: string): AnalyzedField {
    const terms = new Map<string, number>();
    let length = 0;
    for (const word of text.toLowerCase().split(SEPARATOR)) {
      if (word.length === 0) continue;
      const term = this.term(word);
      if (term === null) continue;
      length++;
      terms.set(term, (terms.get(term) ?? 0) + 1);
    }
    return { length, terms };
  }

  document(doc: IndexDocument): AnalyzedField[] {
    return FIELDS.map((f) => this.field(doc[f.name]));
  }
}
