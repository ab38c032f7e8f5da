/**
 * The search index on disk: `index/search-index.json`, stamped with a format version and the fingerprint
 * of the library it was built from. A saved index is used only when both match; anything else (damaged,
 * older, built from other contents) is rebuilt, never trusted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type lunr from 'lunr';
import { writeFileDurable } from '../store/durable-write';
import { type CompactIndex, compactIndex, loadCompactIndex } from './compact-index';

export const INDEX_FORMAT = 'offprint-search-index';
/** Bump when fields, boosts or the pipeline change: old saved indexes must then be rebuilt. */
export const INDEX_FORMAT_VERSION = 2;

export function indexFile(libraryDir: string): string {
  return path.join(libraryDir, 'index', 'search-index.json');
}

/** Identifies library contents: the catalog revision plus the sorted ids. */
export function libraryFingerprint(revision: number, ids: Iterable<string>): string {
  const hash = createHash('sha256').update(`v${INDEX_FORMAT_VERSION}:r${revision}:`);
  for (const id of [...ids].sort()) hash.update(id);
  return hash.digest('hex').slice(0, 32);
}

/** Serialises without building one giant string for the wrapper: the index JSON is embedded as is. */
export async function saveIndex(libraryDir: string, index: lunr.Index, fingerprint: string): Promise<void> {
  const header = JSON.stringify({ format: INDEX_FORMAT, version: INDEX_FORMAT_VERSION, fingerprint });
  const body = JSON.stringify(compactIndex(index));
  await fs.mkdir(path.dirname(indexFile(libraryDir)), { recursive: true });
  await writeFileDurable(indexFile(libraryDir), `${header.slice(0, -1)},"index":${body}}`);
}

export type LoadResult = { index: lunr.Index } | { index: null; reason: string };

export async function loadIndex(libraryDir: string, fingerprint: string): Promise<LoadResult> {
  let raw: string;
  try {
    raw = await fs.readFile(indexFile(libraryDir), 'utf8');
  } catch {
    return { index: null, reason: 'no saved index' };
  }
  try {
    const parsed = JSON.parse(raw) as {
      format?: string;
      version?: number;
      fingerprint?: string;
      index?: CompactIndex;
    };
    if (parsed.format !== INDEX_FORMAT || parsed.version !== INDEX_FORMAT_VERSION) {
      return { index: null, reason: `saved index has format version ${String(parsed.version)}` };
    }
    if (parsed.fingerprint !== fingerprint)
      return { index: null, reason: 'the library changed since it was saved' };
    if (!parsed.index) return { index: null, reason: 'saved index is empty' };
    return { index: loadCompactIndex(parsed.index) };
  } catch (error) {
    return { index: null, reason: `saved index is damaged (${(error as Error).message})` };
  }
}
