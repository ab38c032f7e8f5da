/**
 * The catalog: every article's metadata (everything but the body), so opening a library reads no article
 * files. It is derived data: the article files are the truth, and the store rebuilds it from them after a
 * crash or damage. It is kept per device under `index/catalog/` (a file-sync engine should not carry it):
 *
 *   head.json      format, version and the revision of the last commit (its mtime tells other processes)
 *   0.jsonl … f.jsonl   sixteen append-only logs, by the first hex digit of the id; one line per change,
 *                  `{"r":revision,"e":entry}` (added or replaced) or `{"r":revision,"d":id}` (removed)
 *
 * Committing a batch appends its lines to the shards it touches (never rewriting the catalog); a shard whose
 * log has grown to several times its live entries is compacted (rewritten atomically). A torn last line, which
 * a crash during an append leaves, is ignored; the journal makes the next open reconcile anyway.
 * Format 1 was a single `catalog.json`, rewritten whole on every commit; it is read once and replaced.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoredArticle } from '../../../common/article';
import { OffprintError } from '../../../common/errors';
import { fsyncDirectory, fsyncFile, writeFileAtomicNoDirSync, writeFileDurable } from './durable-write';
import { currentVersion, FileVersionError, upgrade } from './file-versions';
import { NO_USER_FLAGS, type UserFlags } from './user-data';

export const CATALOG_FORMAT = 'offprint-catalog';
export const CATALOG_FORMAT_VERSION = currentVersion('catalog');
export const CATALOG_DIR = path.join('index', 'catalog');
export const CATALOG_HEAD = path.join(CATALOG_DIR, 'head.json');
/** Format 1's single file, read once for an upgrade. */
export const LEGACY_CATALOG_FILE = 'catalog.json';
const SHARDS = '0123456789abcdef'.split('');
/** A shard is compacted when its log holds this many times more lines than live entries (and is not tiny). */
const COMPACT_RATIO = 3;
const COMPACT_MIN_LINES = 256;

/** An article's metadata, and what the list and a crash's rebuild need of its user data (user-data.ts). */
export type CatalogEntry = Omit<StoredArticle, 'text' | 'html'> & UserFlags;

export interface Catalog {
  revision: number;
  entries: Map<string, CatalogEntry>;
  /** The revision at which each entry was last written: the search index covers revisions up to its own. */
  revisions: Map<string, number>;
  /** Lines per shard, live or superseded, to know when to compact. */
  lines: Map<string, number>;
  /** True when read from format 1: the next writer saves it whole in the current format. */
  legacy: boolean;
}

export function toCatalogEntry(article: StoredArticle, flags: UserFlags = NO_USER_FLAGS): CatalogEntry {
  const { text: _text, html: _html, ...entry } = article;
  return { ...entry, read: flags.read, starred: flags.starred, userStamp: flags.userStamp };
}

/**
 * Entries written before user data existed have no flags: they read as unread, unstarred, unannotated (added
 * last, in the order toCatalogEntry puts them, so a rebuild compares them equal).
 */
function withFlags(entry: CatalogEntry): CatalogEntry {
  if (typeof entry.read !== 'boolean') entry.read = false;
  if (typeof entry.starred !== 'boolean') entry.starred = false;
  if (typeof entry.userStamp !== 'string') entry.userStamp = '';
  return entry;
}

const shardOf = (id: string) => (SHARDS.includes(id[0] ?? '') ? id[0]! : '0');
const shardFile = (dir: string, shard: string) => path.join(dir, CATALOG_DIR, `${shard}.jsonl`);

/**
 * head.json's content when it is of this format (file-versions.ts); null when it is damaged, which the caller
 * treats as a lost catalog (rebuilt). A newer one throws: the catalog is never rewritten over it.
 */
async function readHead(dir: string): Promise<{ revision: number } | null | 'missing'> {
  const file = path.join(dir, CATALOG_HEAD);
  const head = await readJson(file);
  if (head === 'missing') return 'missing';
  if (head === 'damaged' || (head as { format?: unknown }).format !== CATALOG_FORMAT) return null;
  try {
    const { value, from } = upgrade<{ revision?: unknown }>('catalog', head, file);
    // Format 1 had no head.json: one that says 1 was not written by Offprint.
    if (from < 2 || typeof value.revision !== 'number') return null;
    return { revision: value.revision };
  } catch (error) {
    if (error instanceof FileVersionError && error.reason === 'damaged') return null;
    throw error;
  }
}

/** The revision in head.json alone (no shard is read); null when there is none to trust. */
export async function readCatalogRevision(dir: string): Promise<number | null> {
  const head = await readHead(dir);
  return head === 'missing' || head === null ? null : head.revision;
}

/** Reads the catalog; null when it is missing or damaged (the caller rebuilds it from the article files). */
export async function readCatalog(dir: string): Promise<Catalog | null> {
  const head = await readHead(dir);
  if (head === 'missing') return readLegacyCatalog(dir);
  if (head === null) return null;
  const { revision } = head;
  const catalog: Catalog = {
    revision,
    entries: new Map(),
    revisions: new Map(),
    lines: new Map(),
    legacy: false,
  };
  const texts = await Promise.all(SHARDS.map((s) => fs.readFile(shardFile(dir, s), 'utf8').catch(() => '')));
  for (const [i, text] of texts.entries()) {
    const records = parseShard(text);
    if (!records) return null;
    for (const record of records) {
      if (typeof record.r !== 'number') return null;
      if (record.e && typeof record.e.id === 'string') {
        catalog.entries.set(record.e.id, withFlags(record.e));
        catalog.revisions.set(record.e.id, record.r);
      } else if (typeof record.d === 'string') {
        catalog.entries.delete(record.d);
        catalog.revisions.delete(record.d);
      } else return null;
    }
    catalog.lines.set(SHARDS[i]!, records.length);
  }
  return catalog;
}

type CatalogRecord = { r?: unknown; e?: CatalogEntry; d?: unknown };

/**
 * A shard's records; null when it is damaged. Parsed as one JSON array (one parse for thousands of lines is
 * several times faster than a parse per line); only when that fails, line by line, to skip a torn last line.
 */
function parseShard(text: string): CatalogRecord[] | null {
  const lines = text.split('\n').filter((l) => l !== '');
  try {
    return JSON.parse(`[${lines.join(',')}]`) as CatalogRecord[];
  } catch {
    // Only the last line may be torn (an append cut short); anything else is damage.
    const records: CatalogRecord[] = [];
    for (const [n, line] of lines.entries()) {
      try {
        records.push(JSON.parse(line) as CatalogRecord);
      } catch {
        if (n === lines.length - 1 && !text.endsWith('\n')) continue;
        return null;
      }
    }
    return records;
  }
}

/** Format 1's catalog.json, upgraded in memory by file-versions.ts; the next commit writes format 2. */
async function readLegacyCatalog(dir: string): Promise<Catalog | null> {
  const file = path.join(dir, LEGACY_CATALOG_FILE);
  const legacy = await readJson(file);
  if (legacy === 'missing' || legacy === 'damaged') return null;
  const parsed = legacy as { format?: unknown; articles?: unknown };
  if (parsed.format !== CATALOG_FORMAT || !Array.isArray(parsed.articles)) return null;
  let upgraded: { revision?: unknown; entries?: unknown };
  try {
    upgraded = upgrade<typeof upgraded>('catalog', parsed, file).value;
  } catch (error) {
    if (error instanceof FileVersionError && error.reason === 'damaged') return null;
    throw error;
  }
  if (typeof upgraded.revision !== 'number' || !Array.isArray(upgraded.entries)) return null;
  const revision = upgraded.revision;
  const entries = new Map((upgraded.entries as CatalogEntry[]).map((e) => [e.id, withFlags(e)]));
  return {
    revision,
    entries,
    revisions: new Map([...entries.keys()].map((id) => [id, revision])),
    lines: new Map(),
    legacy: true,
  };
}

/**
 * Appends the changed entries (and removals) at `revision`, then records the revision in head.json. With
 * `full`, every shard is rewritten from `all` instead (after a rebuild, or to upgrade format 1).
 */
export async function commitCatalog(
  dir: string,
  revision: number,
  changes: { written: CatalogEntry[]; removed: string[] },
  all: Map<string, CatalogEntry>,
  revisions: Map<string, number>,
  lines: Map<string, number>,
  full: boolean,
): Promise<void> {
  await fs.mkdir(path.join(dir, CATALOG_DIR), { recursive: true });
  const byShard = new Map<string, string[]>();
  const add = (id: string, line: string) => {
    const shard = shardOf(id);
    if (!byShard.has(shard)) byShard.set(shard, []);
    byShard.get(shard)!.push(line);
  };
  if (!full) {
    for (const e of changes.written) add(e.id, JSON.stringify({ r: revision, e }));
    for (const id of changes.removed) add(id, JSON.stringify({ r: revision, d: id }));
  }
  const live = new Map<string, number>();
  for (const id of all.keys()) live.set(shardOf(id), (live.get(shardOf(id)) ?? 0) + 1);
  const rewrite = (shard: string) =>
    full ||
    ((lines.get(shard) ?? 0) + (byShard.get(shard)?.length ?? 0) > COMPACT_MIN_LINES &&
      (lines.get(shard) ?? 0) + (byShard.get(shard)?.length ?? 0) > COMPACT_RATIO * (live.get(shard) ?? 0));
  await Promise.all(
    SHARDS.map(async (shard) => {
      const file = shardFile(dir, shard);
      if (rewrite(shard)) {
        const out: string[] = [];
        for (const [id, e] of all)
          if (shardOf(id) === shard) out.push(JSON.stringify({ r: revisions.get(id) ?? revision, e }));
        // An empty shard that does not exist reads as empty already: nothing to write.
        if (out.length === 0 && (lines.get(shard) ?? 0) === 0 && !(await fileExists(file))) return;
        // The folder is fsynced once for all shards, below.
        await writeFileAtomicNoDirSync(file, out.length ? `${out.join('\n')}\n` : '');
        lines.set(shard, out.length);
        return;
      }
      const append = byShard.get(shard);
      if (!append) return;
      // A line after a torn one must start on a line of its own.
      await fs.appendFile(file, `\n${append.join('\n')}\n`);
      await fsyncFile(file);
      lines.set(shard, (lines.get(shard) ?? 0) + append.length);
    }),
  );
  await fsyncDirectory(path.join(dir, CATALOG_DIR));
  await writeFileDurable(
    path.join(dir, CATALOG_HEAD),
    JSON.stringify({ format: CATALOG_FORMAT, version: CATALOG_FORMAT_VERSION, revision }),
  );
  if (full) await fs.rm(path.join(dir, LEGACY_CATALOG_FILE), { force: true });
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function readJson(file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return 'damaged';
  }
}

/**
 * A parsed article.json at the current article format (file-versions.ts); refuses one from a newer Offprint
 * with a clear message, and one without a version or an id as not an article.
 */
export function checkArticleVersion(article: Partial<StoredArticle>, file: string): StoredArticle {
  if (typeof article?.id !== 'string')
    throw new OffprintError('failed', `${file} is not an Offprint article.`);
  try {
    return upgrade<StoredArticle>('article', article, file).value;
  } catch (error) {
    if (error instanceof FileVersionError && error.reason === 'damaged')
      throw new OffprintError('failed', `${file} is not an Offprint article.`);
    throw error;
  }
}
