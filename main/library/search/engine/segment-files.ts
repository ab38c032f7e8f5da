/**
 * Writing segment files, in the worker thread: a new segment from article files (their text analysed as
 * Lunr would), or a merge of existing segments that drops dead documents. Each file is durable (temporary
 * file, fsync, rename, folder fsync) before its name is returned, so a manifest never names a torn file.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EMPTY_USER_DATA, type UserData } from '../../../../common/user-data';
import { checkArticleVersion } from '../../store/catalog';
import { writeFileDurable } from '../../store/durable-write';
import { readUserDataSync } from '../../store/user-data';
import { toDocMeta, toIndexDocument } from '../index-document';
import { FIELD_NAMES } from '../parse-query';
import { Analyzer } from './analyzer';
import { SEGMENTS_DIR, segmentPath } from './manifest';
import { buildSegment, mergeSegments } from './segment-builder';
import { encodeSegment } from './segment-format';
import { SegmentReader } from './segment-reader';

const analyzer = new Analyzer();

export function newSegmentName(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.seg`;
}

/**
 * Indexes the given articles into a new segment. An article that cannot be read is left out: it stays
 * pending, so the next catch-up tries it again.
 */
export async function writeSegmentFromArticles(
  libraryDir: string,
  ids: string[],
): Promise<{ name: string; docs: number }> {
  const docs: Parameters<typeof buildSegment>[1] = [];
  for (const id of ids) {
    const file = path.join(libraryDir, 'articles', id.slice(0, 2), id, 'article.json');
    try {
      // Synchronous on purpose: this runs in the worker, and one awaited read after another spent most of the
      // time waiting for libuv's pool (5,000 articles: 4.6 s, against well under 1 s read in place).
      // Through the version registry like every reader: a newer article stays out of the index (pending).
      const article = checkArticleVersion(JSON.parse(readFileSync(file, 'utf8')), file);
      const user = userDataOf(path.dirname(file));
      docs.push({
        id,
        meta: toDocMeta(article, user),
        fields: analyzer.document(toIndexDocument(article, user)),
      });
    } catch {
      // Left pending (see above).
    }
  }
  const name = newSegmentName();
  const data = buildSegment(FIELD_NAMES, docs);
  await fs.mkdir(path.join(libraryDir, SEGMENTS_DIR), { recursive: true });
  await writeFileDurable(segmentPath(libraryDir, name), encodeSegment(data));
  return { name, docs: docs.length };
}

/**
 * The reader's data for an article. A damaged user.json, or one from a newer Offprint, must not keep the
 * article out of search: it is indexed without it (the reader sees that file's error when opening it).
 */
function userDataOf(articleDir: string): UserData {
  try {
    return readUserDataSync(articleDir);
  } catch {
    return EMPTY_USER_DATA;
  }
}

/** Merges segments (oldest first) keeping the documents `keep` marks, into one new segment. */
export async function writeMergedSegment(
  libraryDir: string,
  names: string[],
  keep: Uint8Array[],
): Promise<{ name: string; docs: number }> {
  const readers = names.map((n) => SegmentReader.open(segmentPath(libraryDir, n)));
  try {
    const merged = mergeSegments(
      readers.map((r) => r.readAll()),
      keep,
    );
    const name = newSegmentName();
    await writeFileDurable(segmentPath(libraryDir, name), encodeSegment(merged));
    return { name, docs: merged.ids.length };
  } finally {
    for (const r of readers) r.close();
  }
}
