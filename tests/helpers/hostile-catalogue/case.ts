/**
 * The shape of one hostile input of the catalogue: what it is, the files that make it, and what must come of it.
 * Inputs are generated into a temporary folder at test time (nothing large is committed); remote URLs in them
 * name a loopback canary server whose port is known only then, so `write` receives it.
 */
import type { ArticleView } from '../../../common/article';

export type Family =
  'markup' | 'resources' | 'archives' | 'encodings' | 'metadata' | 'sizes' | 'server' | 'queries';

export interface CatalogueContext {
  /** `http://127.0.0.1:PORT` of the canary server: any request to it is a leak. */
  canary: string;
}

/** What the import must report for the case's inputs. */
export type Outcome =
  /** Exactly `count` articles, and no failure. */
  | { kind: 'imported'; count: number }
  /** Nothing imported; every failure's reason matches one of `reasons`, and each pattern matches one. */
  | { kind: 'refused'; reasons: RegExp[] }
  /** `count` articles (the good parts) and the named parts refused. */
  | { kind: 'partly'; count: number; reasons: RegExp[] }
  /** At most `below` articles and the refusal named (a bomb may be cut short after its first entries). */
  | { kind: 'cut-short'; below: number; reasons: RegExp[] }
  /** Either imported (then `check` holds) or refused with a reason matching one of `reasons`. */
  | { kind: 'either'; reasons: RegExp[] };

export interface CheckContext {
  /** Absolute path of the case's own input folder. */
  dir: string;
  /** The library the case was imported into. */
  library: string;
  canary: string;
  /** Every file under the library, read on first use (large originals excluded). */
  libraryText(): Promise<string>;
  /** A resource of an article through the API, or the error the API answered. */
  resource(id: string, name: string): Promise<{ mediaType: string; data: Buffer } | { error: string }>;
}

export interface HostileCase {
  /** Unique; the case's files are named `<name>.<ext>` (or sit in a folder of that name). */
  name: string;
  family: Family;
  /** What the input is, in one line. */
  input: string;
  /** The expected outcome in words (the table in docs/hostile-inputs.md). */
  expected: string;
  outcome: Outcome;
  /**
   * Report lines that may accompany the expected outcome without being one (a skipped image named in words):
   * failures whose reason matches are left out before the outcome is judged.
   */
  tolerated?: RegExp;
  /** Imported alone into the library of large inputs, with a time limit on the import command. */
  heavy?: boolean;
  /** Writes the case's files into `dir` (its own folder) and returns the paths to import. */
  write(dir: string, ctx: CatalogueContext): Promise<string[]>;
  /** A word of the body the reader must show, proving the article really opened. */
  marker?: string;
  /** Assertions on the stored articles (as `getArticle` returns them), when any were imported. */
  check?(articles: ArticleView[], ctx: CheckContext): void | Promise<void>;
}

/** A search typed into the UI and sent to the API: each must be answered (results, notice or error), never hang. */
export interface QueryCase {
  name: string;
  query: string;
  input: string;
  expected: string;
  /** `notice`: answered with a notice; `answer`: answered (a notice allowed); `error`: refused as bad input. */
  outcome: 'notice' | 'answer' | 'error';
  /** Pattern the notice or error must match, when the words are known. */
  says?: RegExp;
}

/** Whether a failure or article `source` belongs to the case: `<name>.<ext> › …`, or a path inside `<name>/`. */
export function belongsTo(name: string, source: string): boolean {
  const first = source.split(' › ')[0] ?? source;
  const base = first.split(/[/\\]/).pop() ?? first;
  return base.split('.')[0] === name || first.includes(`/${name}/`);
}
