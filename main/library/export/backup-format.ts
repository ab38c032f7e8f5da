/**
 * A library backup is one zip: `offprint-backup.json` first (this manifest, so a reader knows what it holds
 * from its first bytes), then the library descriptor, `saved-searches.json` when there is one, and every
 * article folder's files as they are on disk under `articles/<aa>/<id>/` (article.json, the original,
 * resources/, user.json). The index and the catalog are not in it: they are derived from the article files.
 */
import { OffprintError } from '../../../common/errors';
import { currentVersion, FileVersionError, upgrade } from '../store/file-versions';
import { offprintVersion } from './offprint-version';

export const BACKUP_MANIFEST = 'offprint-backup.json';
export const BACKUP_FORMAT = 'offprint-backup';
/** Bumped (in file-versions.ts) when the layout changes; a reader refuses a backup written by a newer version. */
export const BACKUP_FORMAT_VERSION = currentVersion('backup-manifest');

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** ISO time the backup was written. */
  created: string;
  articles: number;
  /** The Offprint version that wrote it. */
  offprint: string;
}

export function backupManifest(articles: number, created = new Date()): BackupManifest {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    created: created.toISOString(),
    articles,
    offprint: offprintVersion(),
  };
}

/** The manifest of a backup, or why it cannot be restored (not a manifest; written by a newer Offprint). */
export function parseManifest(raw: string, source: string): BackupManifest {
  let parsed: Partial<BackupManifest>;
  try {
    parsed = JSON.parse(raw) as Partial<BackupManifest>;
  } catch {
    throw new OffprintError('failed', `${source}: its ${BACKUP_MANIFEST} is damaged (not valid JSON).`);
  }
  const notOurs = () =>
    new OffprintError('failed', `${source}: its ${BACKUP_MANIFEST} is not an Offprint backup manifest.`);
  if (parsed?.format !== BACKUP_FORMAT) throw notOurs();
  try {
    return upgrade<BackupManifest>('backup-manifest', parsed, source).value;
  } catch (error) {
    if (!(error instanceof FileVersionError)) throw error;
    if (error.reason === 'damaged') throw notOurs();
    // The registry's words, and what it means here.
    throw new OffprintError('failed', `${error.message} Nothing was restored.`);
  }
}
