/**
 * Every versioned file Offprint writes, in one place: its current version, the oldest version it still reads,
 * and the step migrations between them (vN → vN+1, applied one after another on the parsed JSON). Every
 * reader of those files goes through `upgrade`, so they all follow one rule:
 *
 *   - newer than current: refused, with the file, the format and both versions named; the file is never
 *     rewritten (an older Offprint must not destroy what a newer one wrote);
 *   - older, from `oldest` on: upgraded step by step in memory (the next writer saves the current version);
 *   - older than `oldest`: derived data (the search index) is rebuilt by its owner from the article files
 *     (`FileVersionError` with reason 'older'); any other file is damaged (no Offprint wrote it);
 *   - no version, or not a number: damaged (`FileVersionError` with reason 'damaged'); the caller decides
 *     what damage means for that file (rebuild derived data, refuse user data).
 *
 * The constants live here rather than beside each reader so that this module imports none of them (no cycle);
 * the readers re-export them under their old names.
 */
import { ARTICLE_FORMAT_VERSION } from '../../../common/article';
import { OffprintError } from '../../../common/errors';
import { SAVED_SEARCHES_FORMAT_VERSION } from '../../../common/saved-search';
import { USER_DATA_FORMAT_VERSION } from '../../../common/user-data';

export type FileKind =
  | 'descriptor'
  | 'catalog'
  | 'article'
  | 'index-manifest'
  | 'segment'
  | 'user-data'
  | 'saved-searches'
  | 'backup-manifest';

/** A parsed JSON object, as a migration sees it. */
export type Parsed = Record<string, unknown>;
/** Turns a file of version N into version N + 1 (the version field itself is set by `upgrade`). */
export type Migration = (parsed: Parsed) => Parsed;

export interface FileFormat {
  /** How messages name the format: "catalog format 3". */
  label: string;
  /** The field that holds the version. */
  field: 'version' | 'formatVersion';
  current: number;
  /** The oldest version the steps start from. */
  oldest: number;
  /** steps[i] turns version oldest + i into oldest + i + 1: exactly current − oldest of them. */
  steps: Migration[];
  /** Derived data (rebuilt from the article files): a version below `oldest` is rebuilt, not damage. */
  derived?: true;
}

/**
 * Catalog format 1 was one `catalog.json` holding every entry in `articles`, written before the reader's
 * flags existed. In memory, format 2 is that list as `entries`, each with its flags (unread, unstarred, no
 * annotations); catalog.ts then writes it as head.json and shards.
 */
const catalogV1toV2: Migration = ({ articles, ...v1 }) => ({
  ...v1,
  revision: typeof v1.revision === 'number' ? v1.revision : 0,
  entries: (Array.isArray(articles) ? (articles as Parsed[]) : []).map((e) => ({
    ...e,
    read: typeof e.read === 'boolean' ? e.read : false,
    starred: typeof e.starred === 'boolean' ? e.starred : false,
    userStamp: typeof e.userStamp === 'string' ? e.userStamp : '',
  })),
});

export const FILE_FORMATS: Record<FileKind, FileFormat> = {
  descriptor: { label: 'library format', field: 'version', current: 1, oldest: 1, steps: [] },
  catalog: { label: 'catalog format', field: 'version', current: 2, oldest: 1, steps: [catalogV1toV2] },
  article: {
    label: 'article format',
    field: 'formatVersion',
    current: ARTICLE_FORMAT_VERSION,
    oldest: 1,
    steps: [],
  },
  // Bump with the segment format or when the analysis changes. Derived data: nothing older is migrated,
  // it is rebuilt from the article files.
  'index-manifest': {
    label: 'index format',
    field: 'version',
    current: 1,
    oldest: 1,
    steps: [],
    derived: true,
  },
  // 2: the note and highlight fields, reading flags. Format 1 segments are rebuilt (a binary layout has no
  // JSON step; see segment-format.ts).
  segment: { label: 'segment format', field: 'version', current: 2, oldest: 2, steps: [], derived: true },
  'user-data': {
    label: 'user data format',
    field: 'formatVersion',
    current: USER_DATA_FORMAT_VERSION,
    oldest: 1,
    steps: [],
  },
  'saved-searches': {
    label: 'saved searches format',
    field: 'formatVersion',
    current: SAVED_SEARCHES_FORMAT_VERSION,
    oldest: 1,
    steps: [],
  },
  'backup-manifest': { label: 'backup format', field: 'formatVersion', current: 1, oldest: 1, steps: [] },
};

export type VersionProblem = 'newer' | 'older' | 'damaged';

/** Why a file's version cannot be read; `found` is the version it carries (null when it has none). */
export class FileVersionError extends OffprintError {
  constructor(
    readonly reason: VersionProblem,
    readonly found: number | null,
    message: string,
  ) {
    super('failed', message);
  }
}

export const currentVersion = (kind: FileKind): number => FILE_FORMATS[kind].current;

/**
 * The file's content at the current version, and the version it was written in. `file` names it in messages
 * (a path, or a backup entry). Throws FileVersionError (see the top of this file).
 */
export function upgrade<T = Parsed>(
  kind: FileKind,
  parsed: unknown,
  file: string,
): { value: T; from: number } {
  const format = FILE_FORMATS[kind];
  const found =
    parsed && typeof parsed === 'object' ? (parsed as Parsed)[format.field] : (undefined as unknown);
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0)
    throw new FileVersionError(
      'damaged',
      null,
      `${file} is damaged: it has no ${format.label} version (${format.field} is ${describe(found)}).`,
    );
  if (found > format.current)
    throw new FileVersionError(
      'newer',
      found,
      `${file} was written by a newer Offprint (${format.label} ${found}; this version reads up to ` +
        `${format.current}). Update Offprint to open it.`,
    );
  if (found < format.oldest)
    throw format.derived
      ? new FileVersionError(
          'older',
          found,
          `${file} was written by an earlier Offprint (${format.label} ${found}).`,
        )
      : new FileVersionError(
          'damaged',
          found,
          `${file} is damaged: no Offprint wrote ${format.label} ${found}.`,
        );
  let value = parsed as Parsed;
  for (let version = found; version < format.current; version++) {
    const step = format.steps[version - format.oldest];
    if (!step) throw new Error(`no migration from ${format.label} ${version}`);
    value = { ...step(value), [format.field]: version + 1 };
  }
  return { value: value as T, from: found };
}

const describe = (value: unknown): string =>
  value === undefined ? 'missing' : (JSON.stringify(value)?.slice(0, 40) ?? String(value));
