/**
 * The one API of Offprint. `main/library` implements it; Electron IPC, the HTTP server and the CLI are thin
 * transports over it, and the renderer calls it through one client. Each method has an argument parser that
 * every transport runs on what it receives, because the renderer and the network are untrusted.
 */
import type { ArticleSummary, ArticleView } from './article';
import type { ImportProgress, UploadedFile } from './import';
import type { BackupResult, Citation, CitationFormat, ExportFile, ExportFormat } from './export';
import { CITATION_FORMATS, EXPORT_FORMATS } from './export';
import type { SavedCriteria, SavedSearch } from './saved-search';
import type { SearchRequest, SearchResponse, TagCount } from './search';
import { DEFAULT_SEARCH } from './search';
import type { Highlight, HighlightColor, TextPositionSelector, TextQuoteSelector } from './user-data';
import { HIGHLIGHT_COLORS, USER_DATA_LIMITS } from './user-data';
import {
  arrayOf,
  bool,
  fraction,
  int,
  InvalidArgument,
  isoDate,
  nullable,
  object,
  oneOf,
  optional,
  str,
  type Parser,
} from './validate';

export interface LibraryInfo {
  /** Absolute path of the library folder. */
  path: string;
  articles: number;
  formatVersion: number;
}

/** Damage found in the library and what was done about it (`offprint doctor`, the app's notice). */
export interface LibraryHealth {
  /** What was found damaged or left by a crash and has been repaired (rebuilt, rewritten, quarantined). */
  repairs: string[];
  /** Damage found that could not be repaired yet (a read-only library): those articles are left out. */
  unrepaired: string[];
  /** Articles moved to the library's quarantine folder, with why. */
  quarantined: Array<{ id: string; folder: string; reason: string; at: string }>;
}

export interface OffprintApi {
  libraryInfo(args: Record<string, never>): Promise<LibraryInfo>;
  /** Damage found and repaired, and the articles in quarantine. */
  libraryHealth(args: Record<string, never>): Promise<LibraryHealth>;
  list(args: Record<string, never>): Promise<ArticleSummary[]>;
  getArticle(args: { id: string }): Promise<ArticleView>;
  search(args: SearchRequest): Promise<SearchResponse>;
  tags(args: Record<string, never>): Promise<TagCount[]>;
  setTags(args: { id: string; tags: string[] }): Promise<ArticleView>;
  /** Starts importing files and folders by path (desktop app, CLI); poll `importStatus` for progress. */
  importPaths(args: { paths: string[]; folderTags: boolean }): Promise<ImportProgress>;
  /** Starts importing files sent by content (browser drag and drop). */
  importFiles(args: { files: UploadedFile[] }): Promise<ImportProgress>;
  importStatus(args: { jobId: string }): Promise<ImportProgress>;
  cancelImport(args: { jobId: string }): Promise<ImportProgress>;
  /** A local resource of an article (an image saved with the page), for the reader; never fetched remotely. */
  getResource(args: { id: string; name: string }): Promise<ArticleResource>;

  // ---- reading state, highlights, notes (articles/<id>/user.json) ----
  /** Marks articles read or unread, starred or not; a field left out is left as it is. */
  setReading(args: { ids: string[]; read?: boolean; starred?: boolean }): Promise<Updated>;
  /** Where the reader is in an article (0 top … 1 end); does not change what search sees. */
  setPosition(args: { id: string; position: number }): Promise<Updated>;
  addHighlight(args: {
    id: string;
    color: HighlightColor;
    quote: TextQuoteSelector;
    position: TextPositionSelector;
    note: string;
  }): Promise<Highlight>;
  /** Changes a highlight's colour or note; a field left out is left as it is. */
  updateHighlight(args: {
    id: string;
    highlightId: string;
    color?: HighlightColor;
    note?: string;
  }): Promise<Highlight>;
  removeHighlight(args: { id: string; highlightId: string }): Promise<Updated>;
  /** The article's own note. */
  setNote(args: { id: string; note: string }): Promise<Updated>;

  // ---- tags across the library ----
  /** Adds and removes tags on many articles at once (one index update for all of them). */
  editTags(args: { ids: string[]; add: string[]; remove: string[] }): Promise<Updated>;
  /**
   * Renames a tag everywhere, case-insensitively, with its descendants (`region` → `area` turns
   * `region/europe` into `area/europe`); renaming onto an existing tag merges the two.
   */
  renameTag(args: { from: string; to: string }): Promise<Updated>;

  // ---- saved searches (saved-searches.json) ----
  savedSearches(args: Record<string, never>): Promise<SavedSearch[]>;
  saveSearch(args: { name: string; criteria: SavedCriteria }): Promise<SavedSearch>;
  renameSavedSearch(args: { id: string; name: string }): Promise<SavedSearch>;
  deleteSavedSearch(args: { id: string }): Promise<Updated>;

  // ---- citations, export, backup ----
  cite(args: { ids: string[]; format: CitationFormat }): Promise<Citation>;
  exportArticles(args: { ids: string[]; format: ExportFormat }): Promise<ExportFile>;
  /**
   * Writes the whole library (articles, originals, resources, tags, user data, saved searches) to one zip at
   * `path`, which `importPaths` (or an upload) restores. Local only: it names a file on this machine; the
   * browser mode downloads the same zip from `GET /backup`.
   */
  backup(args: { path: string }): Promise<BackupResult>;
}

/** How many articles (or items) a write changed. */
export interface Updated {
  updated: number;
}

export interface ArticleResource {
  mediaType: string;
  /** base64 */
  data: string;
}

export type MethodName = keyof OffprintApi;
export type ArgsOf<M extends MethodName> = Parameters<OffprintApi[M]>[0];
export type ResultOf<M extends MethodName> = Awaited<ReturnType<OffprintApi[M]>>;

const ID_PATTERN = /^[0-9a-f]{20}$/;
const articleId: Parser<string> = (value, field) => {
  const id = str(64)(value, field);
  if (!ID_PATTERN.test(id)) throw new InvalidIdError(field);
  return id;
};
class InvalidIdError extends InvalidArgument {
  constructor(field: string, length = 20) {
    super(`${field} is not ${length === 20 ? 'an article' : 'an'} id (${length} hexadecimal characters)`);
  }
}
const tag = str(200);
const none = object({});
const hexId: Parser<string> = (value, field) => {
  const id = str(16)(value, field);
  if (!/^[0-9a-f]{16}$/.test(id)) throw new InvalidIdError(field, 16);
  return id;
};
const ids = arrayOf(articleId, 100_000);
const color = oneOf(...HIGHLIGHT_COLORS);
const noteText = str(USER_DATA_LIMITS.noteChars);
const searchCriteria = {
  query: str(2_000),
  tags: arrayOf(tag, 1_000),
  anyTag: bool,
  notTags: arrayOf(tag, 1_000),
  readState: oneOf('all', 'read', 'unread'),
  starred: bool,
  from: nullable(isoDate),
  to: nullable(isoDate),
  sort: oneOf('relevance', 'date'),
};
const { offset: _offset, limit: _limit, ...DEFAULT_CRITERIA } = DEFAULT_SEARCH;

/** Argument parsers, one per method: the single source of truth for what each call accepts. */
export const argumentParsers: { [M in MethodName]: Parser<ArgsOf<M>> } = {
  libraryInfo: none,
  libraryHealth: none,
  list: none,
  getArticle: object({ id: articleId }),
  search: object({ ...searchCriteria, offset: int(0, 10_000_000), limit: int(0, 100_000) }, DEFAULT_SEARCH),
  tags: none,
  setTags: object({ id: articleId, tags: arrayOf(tag, 1_000) }),
  importPaths: object({ paths: arrayOf(str(4_096), 100_000), folderTags: bool }, { folderTags: true }),
  importFiles: object({
    files: arrayOf(object({ name: str(1_000), data: str(512 * 1024 * 1024) }), 100_000),
  }),
  importStatus: object({ jobId: str(64) }),
  cancelImport: object({ jobId: str(64) }),
  getResource: object({ id: articleId, name: str(255) }),
  setReading: object({ ids, read: optional(bool), starred: optional(bool) }),
  setPosition: object({ id: articleId, position: fraction }),
  addHighlight: object(
    {
      id: articleId,
      color,
      quote: object({
        type: oneOf('TextQuoteSelector'),
        exact: str(USER_DATA_LIMITS.quoteChars),
        prefix: str(USER_DATA_LIMITS.affixChars),
        suffix: str(USER_DATA_LIMITS.affixChars),
      }),
      position: object({
        type: oneOf('TextPositionSelector'),
        start: int(0, 1_000_000_000),
        end: int(0, 1_000_000_000),
      }),
      note: noteText,
    },
    { note: '' },
  ),
  updateHighlight: object({
    id: articleId,
    highlightId: hexId,
    color: optional(color),
    note: optional(noteText),
  }),
  removeHighlight: object({ id: articleId, highlightId: hexId }),
  setNote: object({ id: articleId, note: noteText }),
  editTags: object({ ids, add: arrayOf(tag, 1_000), remove: arrayOf(tag, 1_000) }, { add: [], remove: [] }),
  renameTag: object({ from: tag, to: tag }),
  savedSearches: none,
  saveSearch: object({ name: str(200), criteria: object(searchCriteria, DEFAULT_CRITERIA) }),
  renameSavedSearch: object({ id: hexId, name: str(200) }),
  deleteSavedSearch: object({ id: hexId }),
  cite: object({ ids, format: oneOf(...CITATION_FORMATS) }),
  exportArticles: object({ ids, format: oneOf(...EXPORT_FORMATS) }),
  backup: object({ path: str(4_096) }),
};

export const methodNames = Object.keys(argumentParsers) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(argumentParsers, name);
}

/** Parses the arguments of `method` from untrusted input; throws an `InvalidArgument` naming the field. */
export function parseArgs<M extends MethodName>(method: M, value: unknown): ArgsOf<M> {
  return argumentParsers[method](value ?? {}, '') as ArgsOf<M>;
}

/** Errors cross transports as this plain shape; `kind` lets a client tell bad input from a failure. */
export interface ApiErrorShape {
  kind: 'invalid-argument' | 'not-found' | 'locked' | 'failed';
  message: string;
}

/**
 * Methods only a local transport (IPC, CLI) may call. `importPaths` names files on the machine that runs the
 * library: offered over HTTP it would let any client read any file there (import `/etc/passwd`, then search
 * it). The browser mode uploads contents with `importFiles` instead.
 */
export const LOCAL_ONLY_METHODS: readonly MethodName[] = ['importPaths', 'backup'];

/** Every transport answers with this envelope, so errors keep their kind across IPC and HTTP. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** IPC channel names are derived from method names, so the list exists once. */
export const ipcChannel = (method: MethodName): string => `offprint:${method}`;
