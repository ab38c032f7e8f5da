/**
 * The renderer's one way to the archive: the API from common/api.ts, over the Electron preload bridge when there is
 * one and over HTTP otherwise. Every answer is an `Envelope`; errors are rethrown as `ApiError` with their kind.
 */
import type { ApiErrorShape, ArgsOf, MethodName, OffprintApi, ResultOf } from '../../common/api';
import type { OffprintBridgeMethods } from '../../common/bridge';
import { cleanShownArticle, cleanShownFields, cleanTagCounts } from '../../common/clean-text';
import { getBridge } from './bridge';
import type { ImportProgress } from '../../common/import';
import { postJson, postUpload } from './http-transport';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorShape['kind'],
    message: string,
  ) {
    super(message);
  }
}

/** Reads an envelope from whatever the transport delivered, which is not trusted to be well formed. */
export function unwrapEnvelope<T>(envelope: unknown): T {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    if (envelope.ok === true && 'value' in envelope) return envelope.value as T;
    if (envelope.ok === false && 'error' in envelope) {
      const error = envelope.error as Partial<ApiErrorShape> | null;
      throw new ApiError(error?.kind ?? 'failed', error?.message ?? 'The call failed without a message.');
    }
  }
  throw new ApiError('failed', 'The answer was not an Offprint result.');
}

async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const bridge: OffprintBridgeMethods | null = getBridge();
  let envelope: unknown;
  try {
    envelope = bridge ? await bridge[method](args) : await postJson(method, args);
  } catch (error) {
    // IPC rejects only when the main process breaks; HTTP when the server is gone.
    throw new ApiError('failed', error instanceof Error ? error.message : String(error));
  }
  return unwrapEnvelope<ResultOf<M>>(envelope);
}

const bind =
  <M extends MethodName>(method: M) =>
  (args: ArgsOf<M>): Promise<ResultOf<M>> =>
    call(method, args);

/**
 * Listing every method here (not a Proxy) lets the compiler check that the client covers the whole API.
 * Titles, tags, authors and site names are cleaned of control characters and bidi overrides as they arrive
 * (common/clean-text.ts): the import cleans them too, but a library imported before holds them raw.
 */
export const api: OffprintApi = {
  libraryInfo: bind('libraryInfo'),
  libraryHealth: bind('libraryHealth'),
  list: async (args) => (await call('list', args)).map(cleanShownFields),
  getArticle: async (args) => cleanShownArticle(await call('getArticle', args)),
  search: async (args) => {
    const answer = await call('search', args);
    return { ...answer, hits: answer.hits.map(cleanShownFields), tags: cleanTagCounts(answer.tags) };
  },
  tags: async (args) => cleanTagCounts(await call('tags', args)),
  setTags: bind('setTags'),
  importPaths: bind('importPaths'),
  importFiles: bind('importFiles'),
  importStatus: bind('importStatus'),
  cancelImport: bind('cancelImport'),
  getResource: bind('getResource'),
  setReading: bind('setReading'),
  setPosition: bind('setPosition'),
  addHighlight: bind('addHighlight'),
  updateHighlight: bind('updateHighlight'),
  removeHighlight: bind('removeHighlight'),
  setNote: bind('setNote'),
  editTags: bind('editTags'),
  renameTag: bind('renameTag'),
  savedSearches: bind('savedSearches'),
  saveSearch: bind('saveSearch'),
  renameSavedSearch: bind('renameSavedSearch'),
  deleteSavedSearch: bind('deleteSavedSearch'),
  cite: bind('cite'),
  exportArticles: bind('exportArticles'),
  backup: bind('backup'),
};

/** Browser mode only (Electron imports by path): files streamed to the server, answered by their import job. */
export async function uploadFiles(
  files: ReadonlyArray<{ name: string; file: Blob }>,
): Promise<ImportProgress> {
  let envelope: unknown;
  try {
    envelope = await postUpload(files);
  } catch (error) {
    throw new ApiError('failed', error instanceof Error ? error.message : String(error));
  }
  return unwrapEnvelope<ImportProgress>(envelope);
}

/** A message fit to show in place of what failed to load. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
