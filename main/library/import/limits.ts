/**
 * How much one imported file may cost. One object, so a library (and a test) can set them all at once; the
 * extraction worker receives it when it starts and every importer reads it from here, so a limit holds for
 * a page however it arrived (on its own, in a zip, in a WARC, in an MHTML file).
 *
 * The defaults, and why:
 * - 60 s per file (and per entry or record of an archive, each of which restarts the clock): extracting the
 *   largest file Offprint loads (256 MB of text) takes under 20 s here; a page that needs more is hostile.
 * - 256 levels of nesting: Readability's cost grows with the cube of the depth (500 levels took 11 s here,
 *   1,000 took 128 s) while real articles stay under 100; browsers themselves stop building deeper (Blink
 *   at 512).
 * - 100,000 elements: a very long real page (a book on one page) has tens of thousands; each one costs
 *   linkedom and Readability time and memory (200,000 siblings ran for minutes).
 * - 100:1 expansion for an archive as a whole and 1 GiB in total: real archives of text compress 3–20:1.
 * - 4 million characters of body (War and Peace is 3.2 million): what goes into the article and the search
 *   index; the file itself is kept whole as the original.
 */

export interface ImportLimits {
  /** Wall-clock time one file (or one entry or record of an archive) may take to extract. */
  fileTimeoutMs: number;
  /** A file larger than this is not loaded (streaming importers may still read an archive this large). */
  maxFileBytes: number;
  /** One zip entry or WARC record inflated past this is refused. */
  maxEntryBytes: number;
  /** An archive (with the archives nested in it) inflated past this in total stops being read. */
  maxExpandedBytes: number;
  /** An archive may inflate to this many times its own size, counted over all its entries. */
  maxExpansionRatio: number;
  /** Below this many inflated bytes the ratio is not checked: a small file cannot bomb anything. */
  expansionFloorBytes: number;
  /** Entries of an archive, nested archives' entries included. */
  maxEntries: number;
  /** Elements nested inside one another in one HTML document. */
  maxNestingDepth: number;
  /** Elements in one HTML document. */
  maxElements: number;
  /** Characters of an article's body (text and html each) kept in the article and indexed. */
  maxBodyChars: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  fileTimeoutMs: 60_000,
  maxFileBytes: 256 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxExpandedBytes: 1024 * 1024 * 1024,
  maxExpansionRatio: 100,
  expansionFloorBytes: 16 * 1024 * 1024,
  maxEntries: 10_000,
  maxNestingDepth: 256,
  maxElements: 100_000,
  maxBodyChars: 4_000_000,
});

let active: Readonly<ImportLimits> = DEFAULT_LIMITS;

/** The limits of this thread (the worker sets them from what its library was opened with). */
export function importLimits(): Readonly<ImportLimits> {
  return active;
}

/** Sets this thread's limits: the defaults overridden by `given`. */
export function setImportLimits(given: Partial<ImportLimits> = {}): void {
  active = Object.freeze({ ...DEFAULT_LIMITS, ...given });
}

/** A refusal with a reason in words; importers let it rise to the file (or entry) it belongs to. */
export class LimitExceeded extends Error {
  override readonly name = 'LimitExceeded';
}

/** A size in words: `24 KB`, `2.4 MB`, `1024 MB`. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1048576;
  if (mb < 1) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return mb >= 10 || Number.isInteger(mb) ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}
