/**
 * Writes a library backup (backup-format.ts) to `target`: the zip streams into a temporary file beside it,
 * which is fsynced and then renamed into place, so `target` is a whole backup or what it was before, never a
 * torn one. The caller holds the library lock, so no commit changes an article folder while it is read.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { BackupResult } from '../../../common/export';
import { OffprintError } from '../../../common/errors';
import { SAVED_SEARCHES_FILE } from '../../../common/saved-search';
import type { CatalogEntry } from '../store/catalog';
import { DESCRIPTOR_FILE } from '../store/descriptor';
import { fsyncDirectory, fsyncFile } from '../store/durable-write';
import { USER_DATA_FILE } from '../store/user-data';
import { BACKUP_MANIFEST, backupManifest } from './backup-format';

export interface BackupSource {
  libraryDir: string;
  articles: readonly CatalogEntry[];
  articleDir(id: string): string;
}

export async function writeBackup(source: BackupSource, target: string): Promise<BackupResult> {
  const file = await checkTarget(source.libraryDir, target);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const zip = new ZipFile();
    // yazl reports a file it cannot stat or read (an article file gone or unreadable) on the ZipFile itself:
    // unheard, that was an uncaught exception and a write that never ended. It fails the output instead.
    zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
    const written = pipeline(zip.outputStream, fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    zip.addBuffer(
      Buffer.from(JSON.stringify(backupManifest(source.articles.length), null, 1)),
      BACKUP_MANIFEST,
    );
    zip.addFile(path.join(source.libraryDir, DESCRIPTOR_FILE), DESCRIPTOR_FILE);
    const searches = path.join(source.libraryDir, SAVED_SEARCHES_FILE);
    if (fs.existsSync(searches)) zip.addFile(searches, SAVED_SEARCHES_FILE);
    for (const article of source.articles) {
      const dir = source.articleDir(article.id);
      const inZip = `articles/${article.id.slice(0, 2)}/${article.id}`;
      zip.addFile(path.join(dir, 'article.json'), `${inZip}/article.json`);
      zip.addFile(path.join(dir, article.original), `${inZip}/${article.original}`);
      for (const name of article.resources)
        zip.addFile(path.join(dir, 'resources', name), `${inZip}/resources/${name}`);
      if (fs.existsSync(path.join(dir, USER_DATA_FILE)))
        zip.addFile(path.join(dir, USER_DATA_FILE), `${inZip}/${USER_DATA_FILE}`);
    }
    zip.end();
    await written;
    await fsyncFile(temp);
    const bytes = (await fs.promises.stat(temp)).size;
    await fs.promises.rename(temp, file);
    await fsyncDirectory(path.dirname(file));
    return { path: file, articles: source.articles.length, bytes };
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    if (error instanceof OffprintError) throw error;
    throw new OffprintError(
      'failed',
      `The backup could not be written to ${file}: ${(error as Error).message}`,
    );
  }
}

/** The absolute target, refused inside the library (a backup there would back itself up) or onto a folder. */
async function checkTarget(libraryDir: string, target: string): Promise<string> {
  if (!path.isAbsolute(target))
    throw new OffprintError('invalid-argument', `The backup path must be absolute (got ${target}).`);
  const folder = path.dirname(target);
  let realFolder: string;
  try {
    realFolder = await fs.promises.realpath(folder);
  } catch {
    throw new OffprintError(
      'invalid-argument',
      `The folder ${folder} does not exist; the backup was not written.`,
    );
  }
  const library = await fs.promises.realpath(libraryDir);
  const inside = path.relative(library, realFolder);
  // `..` alone or as the first segment is outside; `..backups/` is a folder inside the library.
  const outside = inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
  if (inside === '' || !outside)
    throw new OffprintError(
      'invalid-argument',
      `${target} is inside the library folder ${libraryDir}; write the backup somewhere else.`,
    );
  const file = path.join(realFolder, path.basename(target));
  const stat = await fs.promises.stat(file).catch(() => null);
  if (stat?.isDirectory())
    throw new OffprintError('invalid-argument', `${target} is a folder; name the zip file to write.`);
  return file;
}
