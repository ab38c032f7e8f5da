/**
 * Restores a backup (backup-format.ts) into this library, as an import of the zip does: each article folder
 * in it is checked (the original's hash is the id, article.json parses and is not from a newer Offprint, its
 * resources and user data are whole) and then staged and committed like an imported article. A folder that
 * fails is reported by the entry that failed and the rest goes on. An article the library already has keeps
 * its files; its tags and user data are merged (merge-user-data.ts). Saved searches are merged by id.
 *
 * Nothing is written outside the library: only the expected layout is accepted (`articles/<aa>/<id>/` with
 * article.json, original.<ext>, resources/<name>, user.json), every name checked before its bytes are read.
 * The import's zip-bomb limits hold (expansion-budget.ts, limits.ts), except that a backup may have more
 * entries and bytes than one imported archive: a library's files are what it holds, and the expansion ratio
 * still bounds what it may inflate to.
 */
import fs from 'node:fs/promises';
import type { Entry, ZipFile } from 'yauzl';
import type { StoredArticle } from '../../../common/article';
import { OffprintError } from '../../../common/errors';
import { SAVED_SEARCHES_FILE, type SavedSearch } from '../../../common/saved-search';
import { ExpansionBudget } from '../import/expansion-budget';
import { SOURCE_SEPARATOR } from '../import/importer';
import { entryName, nextEntry, openZip, readEntryBytes, unsafeEntryName } from '../import/zip-entries';
import { importLimits, LimitExceeded } from '../import/limits';
import { articleId } from '../store/article-folder';
import type { ArticleStore } from '../store/article-store';
import { safeResourceName } from '../resource-name';
import { checkArticleVersion } from '../store/catalog';
import { DESCRIPTOR_FILE } from '../store/descriptor';
import { parseUserData, USER_DATA_FILE, userFlags } from '../store/user-data';
import { BACKUP_MANIFEST, parseManifest } from './backup-format';
import { parseSavedSearches } from '../store/saved-searches';
import { mergeSavedSearches } from './merge-saved-searches';
import { mergeTags, mergeUserData } from './merge-user-data';

/** What the restore tells the import job, which reports and counts it as it does imported files. */
export interface RestoreReport {
  restored(id: string, title: string, source: string): void;
  merged(id: string, source: string): void;
  failed(source: string, reason: string): void;
}

/** A backup may hold this many times an archive's entry limit: a folder is a few files (see the header). */
const ENTRIES_PER_ARTICLE = 8;

interface Folder {
  id: string;
  files: Map<string, Buffer>;
}

export async function restoreBackup(
  input: { name: string; path: string | null; bytes: Uint8Array | null },
  store: ArticleStore,
  report: RestoreReport,
  signal?: AbortSignal,
): Promise<void> {
  const limits = { ...importLimits() };
  limits.maxEntries *= ENTRIES_PER_ARTICLE;
  limits.maxExpandedBytes = Number.MAX_SAFE_INTEGER;
  const source = input.path ?? input.bytes;
  if (!source) return report.failed(input.name, 'nothing to read');
  let zip: ZipFile;
  try {
    zip = await openZip(source);
  } catch (error) {
    return report.failed(input.name, `not a readable zip archive: ${(error as Error).message}`);
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      return report.failed(
        input.name,
        `the backup has ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}`,
      );
    const size = input.path ? (await fs.stat(input.path)).size : input.bytes!.length;
    const budget = new ExpansionBudget(size, limits);
    const read = async (entry: Entry): Promise<Buffer> => {
      budget.addEntry();
      if (!budget.fits(entry.uncompressedSize)) throw new LimitExceeded(budget.refusal());
      return readEntryBytes(zip, entry, budget);
    };
    const first = await nextEntry(zip);
    if (!first || entryName(first) !== BACKUP_MANIFEST)
      return report.failed(input.name, `not an Offprint backup (${BACKUP_MANIFEST} is not its first entry)`);
    parseManifest((await read(first)).toString('utf8'), input.name);

    const done = new Set<string>();
    const open: { folder: Folder | null } = { folder: null };
    let searches: SavedSearch[] | null = null;
    const flush = async (): Promise<void> => {
      const current = open.folder;
      if (!current) return;
      open.folder = null;
      done.add(current.id);
      await restoreFolder(current, input.name, store, report);
    };
    for (;;) {
      if (signal?.aborted) return;
      const entry = await nextEntry(zip);
      if (!entry) break;
      const name = entryName(entry);
      const at = `${input.name}${SOURCE_SEPARATOR}${name}`;
      if (name.endsWith('/')) continue;
      const place = placeOf(name);
      if ('refused' in place) {
        report.failed(at, `entry refused: ${place.refused}`);
        continue;
      }
      if (place.kind === 'descriptor') continue; // the library's own descriptor stays; articles carry their versions
      let bytes: Buffer;
      try {
        bytes = await read(entry);
      } catch (error) {
        if (error instanceof LimitExceeded && !budget.fits(0)) {
          await flush();
          return report.failed(input.name, `${error.message}; the rest was not restored`);
        }
        report.failed(at, `could not be unpacked: ${(error as Error).message}`);
        continue;
      }
      if (place.kind === 'searches') {
        try {
          searches = parseSavedSearches(bytes.toString('utf8'), at);
        } catch (error) {
          report.failed(at, (error as Error).message);
        }
        continue;
      }
      if (open.folder?.id !== place.id) {
        await flush();
        if (done.has(place.id)) {
          report.failed(at, `entry refused: article ${place.id} was already read earlier in the backup`);
          continue;
        }
        open.folder = { id: place.id, files: new Map() };
      }
      open.folder.files.set(place.file, bytes);
    }
    await flush();
    if (searches) {
      try {
        await mergeSavedSearches(store.dir, searches);
      } catch (error) {
        report.failed(`${input.name}${SOURCE_SEPARATOR}${SAVED_SEARCHES_FILE}`, (error as Error).message);
      }
    }
  } catch (error) {
    report.failed(
      input.name,
      error instanceof OffprintError ? error.message : `the backup is damaged: ${(error as Error).message}`,
    );
  } finally {
    zip.close();
  }
}

type Place =
  | { kind: 'descriptor' }
  | { kind: 'searches' }
  | { kind: 'article'; id: string; file: string }
  | { refused: string };

/** Where an entry belongs in the library, or why it does not: only a backup's own layout is accepted. */
export function placeOf(name: string): Place {
  const unsafe = unsafeEntryName(name);
  if (unsafe) return { refused: unsafe };
  if (name === DESCRIPTOR_FILE) return { kind: 'descriptor' };
  if (name === SAVED_SEARCHES_FILE) return { kind: 'searches' };
  const match = /^articles\/([0-9a-f]{2})\/([0-9a-f]{20})\/(.+)$/.exec(name);
  if (!match || match[2]!.slice(0, 2) !== match[1])
    return { refused: "it is not part of an Offprint backup's layout" };
  const [, , id, file] = match as unknown as [string, string, string, string];
  const resource = /^resources\/([^/]+)$/.exec(file);
  const known =
    file === 'article.json' ||
    file === USER_DATA_FILE ||
    /^original(\.[a-z0-9]{1,10})?$/.test(file) ||
    (resource !== null && safeResourceName(resource[1]!) === resource[1]);
  if (!known) return { refused: "it is not part of an Offprint backup's layout" };
  return { kind: 'article', id, file };
}

/** Checks one article folder from the backup and restores or merges it; a failure names the entry at fault. */
async function restoreFolder(
  folder: Folder,
  backup: string,
  store: ArticleStore,
  report: RestoreReport,
): Promise<void> {
  const prefix = `${backup}${SOURCE_SEPARATOR}articles/${folder.id.slice(0, 2)}/${folder.id}/`;
  const fail = (file: string, reason: string): void => report.failed(`${prefix}${file}`, reason);
  const json = folder.files.get('article.json');
  if (!json) return fail('', 'the article folder has no article.json; not restored');
  let article: StoredArticle;
  try {
    article = checkArticleVersion(
      JSON.parse(json.toString('utf8')) as Partial<StoredArticle>,
      `${prefix}article.json`,
    );
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : (error as Error).message;
    return fail('article.json', `${reason.replace(/\.$/, '')}; not restored`);
  }
  if (article.id !== folder.id)
    return fail('article.json', `it names another id (${String(article.id)}); not restored`);
  const original = folder.files.get(article.original);
  if (!original) return fail(article.original, 'the original named by article.json is missing; not restored');
  if (articleId(original) !== folder.id)
    return fail(article.original, 'the original does not match its id (changed or damaged); not restored');
  const resources = Array.isArray(article.resources) ? article.resources : [];
  for (const name of resources)
    if (!folder.files.has(`resources/${name}`))
      return fail(`resources/${name}`, 'this resource is missing; not restored');
  for (const file of folder.files.keys()) {
    const listed =
      file === 'article.json' ||
      file === USER_DATA_FILE ||
      file === article.original ||
      resources.some((r) => file === `resources/${r}`);
    if (!listed) return fail(file, 'article.json does not name this file; the article was not restored');
  }
  const userBytes = folder.files.get(USER_DATA_FILE);
  let user = null;
  try {
    if (userBytes) user = parseUserData(userBytes.toString('utf8'), `${prefix}${USER_DATA_FILE}`);
  } catch (error) {
    return fail(USER_DATA_FILE, `${(error as Error).message} Not restored.`);
  }
  try {
    if (store.get(folder.id)) {
      await mergeInto(store, article, user);
      report.merged(folder.id, `${prefix}article.json`);
      return;
    }
    const files = [...folder.files]
      .filter(([name]) => name !== 'article.json')
      .map(([name, bytes]) => ({ name, bytes }));
    // article.json as it was in the library, byte for byte: its import date and fields are the article's.
    files.push({ name: 'article.json', bytes: json });
    const added = await store.addRestored(article, files, user ? userFlags(user) : undefined);
    if (added.kind === 'duplicate') {
      await mergeInto(store, article, user);
      report.merged(folder.id, `${prefix}article.json`);
    } else report.restored(folder.id, article.title, `${prefix}article.json`);
  } catch (error) {
    fail('', `could not be restored: ${(error as Error).message}`);
  }
}

/** The library keeps its files; tags are united and user data merged. Written only when something changes. */
async function mergeInto(
  store: ArticleStore,
  restored: StoredArticle,
  user: ReturnType<typeof parseUserData> | null,
): Promise<void> {
  const current = store.get(restored.id);
  if (!current) return;
  const tags = mergeTags(current.tags, Array.isArray(restored.tags) ? restored.tags : []);
  // Through the store, so the catalog's read/starred and the article's revision follow (the index takes in
  // merged highlights and notes as after any edit); nothing is written when nothing changes.
  if (user) await store.updateUserData([restored.id], (mine) => mergeUserData(mine, user));
  if (tags.length !== current.tags.length) await store.setTags(restored.id, tags);
}
