/**
 * ArchiveBox snapshot folders (`archive/<timestamp>/`): recognised by their `index.json`, whose keys no other tool
 * writes together. Shared by the folder walk (which turns a snapshot folder into one input) and the ArchiveBox
 * importer; kept free of heavy imports because the walk runs outside the worker.
 */

export type ArchiveBoxIndex = Record<string, unknown>;

/** Keys of a snapshot's index.json besides `url` and `timestamp` (0.4 to 0.8 write different subsets). */
const SNAPSHOT_KEYS = [
  'bookmarked_date',
  'history',
  'archive_path',
  'canonical',
  'is_archived',
  'base_url',
  'oldest_archive_date',
  'num_outputs',
  'sources',
];

export function isArchiveBoxIndex(value: unknown): value is ArchiveBoxIndex {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const index = value as ArchiveBoxIndex;
  if (
    typeof index.url !== 'string' ||
    (typeof index.timestamp !== 'string' && typeof index.timestamp !== 'number')
  )
    return false;
  return SNAPSHOT_KEYS.filter((k) => k in index).length >= 2;
}

/** Parses the text of an index.json when it is an ArchiveBox snapshot index, else null. */
export function parseArchiveBoxIndex(text: string): ArchiveBoxIndex | null {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('{') || !trimmed.includes('"timestamp"')) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return isArchiveBoxIndex(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** An ArchiveBox data folder's own files (config, SQLite index, logs, the URL lists it was fed): not articles. */
export const ARCHIVEBOX_DATA_MARKERS = ['ArchiveBox.conf', 'index.sqlite3'];
