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
  /** The distinct terms of this field, and how often each occurs (same index). */
  terms: string[];
  counts: number[];
}

/** Lunr's tokenizer separator (`lunr.tokenizer.separator`). */
const SEPARATOR = /[\s-]+/;
/** Memo entries: a cap so a hostile corpus of unique words cannot grow it without bound. */
const MEMO_LIMIT = 500_000;

/** One distinct term, shared by every raw word that becomes it; counts its occurrences in the current field. */
interface TermSlot {
  term: string;
  count: number;
  /** The field being counted when `count` was last reset. */
  stamp: number;
}

export class Analyzer {
  private readonly memo = new Map<string, TermSlot | null>();
  private readonly slots = new Map<string, TermSlot>();
  private readonly run: (word: string) => string | null;
  private stamp = 0;

  constructor() {
    const l = setupLunr();
    const pipeline = new l.Pipeline();
    pipeline.add(unicodeTrimmer, l.stopWordFilter, l.stemmer);
    this.run = (word) => {
      const out = pipeline.run([new l.Token(word, {})]);
      return out.length ? out[0]!.toString() : null;
    };
  }

  private slot(word: string): TermSlot | null {
    let slot = this.memo.get(word);
    if (slot === undefined) {
      const term = this.run(word);
      if (term === null) slot = null;
      else {
        slot = this.slots.get(term);
        if (!slot) {
          slot = { term, count: 0, stamp: -1 };
          this.slots.set(term, slot);
        }
      }
      this.memo.set(word, slot);
    }
    return slot;
  }

  field(text: string): AnalyzedField {
    // One hash lookup per word: the word's slot counts it, reset the first time this field meets it.
    // Cleared between fields only: a field's counts live in its slots.
    if (this.memo.size >= MEMO_LIMIT) {
      this.memo.clear();
      this.slots.clear();
    }
    const stamp = ++this.stamp;
    const touched: TermSlot[] = [];
    let length = 0;
    for (const word of text.toLowerCase().split(SEPARATOR)) {
      if (word.length === 0) continue;
      const slot = this.slot(word);
      if (slot === null) continue;
      length++;
      if (slot.stamp !== stamp) {
        slot.stamp = stamp;
        slot.count = 0;
        touched.push(slot);
      }
      slot.count++;
    }
    return { length, terms: touched.map((s) => s.term), counts: touched.map((s) => s.count) };
  }

  document(doc: IndexDocument): AnalyzedField[] {
    return FIELDS.map((f) => this.field(doc[f.name]));
  }
}
