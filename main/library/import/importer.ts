/**
 * The importer contract. An importer recognises its format from the bytes (the extension is only a hint)
 * and turns one input into zero or more articles. Importers are pure: no library access, no network, no
 * writes; the pipeline stores what they return. They run inside a worker thread.
 *
 * Everything the formats share lives here or beside it in import/, never in a format: formats import neither
 * each other nor the pipeline (extract.ts, registry.ts), which imports them; lint keeps it so.
 */
import type { ExtractedArticle } from '../../../common/article';
import type { ExpansionBudget } from './expansion-budget';
import { DEFAULT_LIMITS } from './limits';

/** Between a container and what it holds in a shown name: `export.zip › folder/page.html`. */
export const SOURCE_SEPARATOR = ' › ';

/** Larger files are not articles; refusing them keeps one bad input from exhausting memory (the default). */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.maxFileBytes;

/** What an entry of an archive inherits from the archive: its time limit and its expansion budget. */
export interface EntryContext {
  /** See ImportInput.alive. */
  alive?: () => void;
  /** The archive's budget, shared by the archives nested in it. */
  budget?: ExpansionBudget;
}

/**
 * Imports an entry of an archive through the whole pipeline (sniff, the first importer that accepts, the
 * finishing and bounding every file gets). The pipeline hands it to importers with each input, so that an
 * archive format reads its entries without importing the pipeline that imports it.
 */
export type ExtractEntry = (
  name: string,
  bytes: Uint8Array,
  context: EntryContext,
) => AsyncIterable<ImportOutcome>;

export interface ImportInput {
  /** The file name shown in results, e.g. `article.txt` or `export.zip › page.html`. */
  name: string;
  bytes: Uint8Array;
  /** Absolute path on disk when the input is a file there (lets importers read siblings or stream archives). */
  path: string | null;
  /**
   * Called by importers that work through many records or entries, after each: it keeps the file's time
   * limit from running out while the work goes on (the limit is per entry for an archive).
   */
  alive?: () => void;
  /** The expansion budget of the archive this input came out of, shared by archives nested in it. */
  budget?: ExpansionBudget;
  /** For archives: imports one of their entries (see ExtractEntry). */
  extractEntry: ExtractEntry;
}

/** A local file that belongs to an article (an image of a saved page), referenced from its html as `resource:NAME`. */
export interface ArticleResourceFile {
  name: string;
  bytes: Uint8Array;
}

export type ImportOutcome =
  | {
      kind: 'article';
      /** The name shown in results for this article. */
      source: string;
      /** The bytes kept verbatim as the article's original (for an archive entry: that entry's bytes). */
      original: Uint8Array;
      /** File name for the original, used for its extension. */
      originalName: string;
      encoding: string;
      importer: string;
      article: ExtractedArticle;
      resources: ArticleResourceFile[];
      /** What was left out of this article and why, shown in the import report (`the date "…" could not be read`). */
      notes?: string[];
    }
  | { kind: 'failed'; source: string; reason: string };

export interface Importer {
  /** Stable name stored with each article (`seed-text`, `plain-text`, …). */
  readonly name: string;
  /** Whether this importer reads the input. Importers are asked in registry order; the first yes wins. */
  accepts(input: ImportInput, sniffed: SniffedContent): boolean;
  read(input: ImportInput, sniffed: SniffedContent): AsyncIterable<ImportOutcome> | Promise<ImportOutcome[]>;
  /**
   * True when `read` streams the file from `input.path` itself. Such an importer may be handed a file larger
   * than the pipeline loads into memory, with only its first bytes in `input.bytes` (enough for `accepts`).
   */
  readonly streamsFromDisk?: boolean;
}

/** What the pipeline learned from the first bytes, shared by every importer's `accepts`. */
export interface SniffedContent {
  /** A binary kind recognised by its magic number (`PNG image`, `PDF document`, `zip archive`, …), or null. */
  binaryKind: string | null;
  /** The decoded text when the bytes are text, else null. */
  text: string | null;
  encoding: string | null;
  /** Lower-case extension without the dot (`txt`, `html`), '' when none. */
  extension: string;
}

/** Fills the ExtractedArticle fields an importer does not know with their empty values. */
export function makeArticle(
  fields: Partial<ExtractedArticle> & { title: string; text: string },
): ExtractedArticle {
  return {
    subtitle: null,
    author: null,
    site: null,
    url: null,
    published: null,
    category: null,
    tags: [],
    html: null,
    previousTitle: null,
    nextTitle: null,
    linkOnly: false,
    ...fields,
  };
}

/** The outcome of a file that is one article: its own bytes are the original. */
export function singleArticle(
  input: ImportInput,
  sniffed: SniffedContent,
  importer: string,
  article: ExtractedArticle,
): ImportOutcome {
  return {
    kind: 'article',
    source: input.name,
    original: input.bytes,
    originalName: input.name,
    encoding: sniffed.encoding ?? 'utf-8',
    importer,
    article,
    resources: [],
  };
}
