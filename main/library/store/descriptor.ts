/**
 * The library descriptor, `offprint-library.json`: marks a folder as an Offprint library and records the
 * format version it was written with. A library from a newer version is refused, never reinterpreted.
 *
 * Creating a library is crash-safe: a folder holding nothing but a cut-short descriptor (its temporary file,
 * or a descriptor that does not parse) is a creation a crash interrupted, and is finished afresh. A damaged
 * descriptor beside library content is rewritten (the article files carry their own format versions). A
 * missing folder, or one holding anything else, is never taken for a library.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { cannotWrite, inWords, OffprintError } from '../../../common/errors';
import { writeFileDurable } from './durable-write';
import { currentVersion, FileVersionError, upgrade } from './file-versions';

export const DESCRIPTOR_FILE = 'offprint-library.json';
export const LIBRARY_FORMAT = 'offprint-library';
export const LIBRARY_FORMAT_VERSION = currentVersion('descriptor');
/** Names only an Offprint library holds: a folder with them and no readable descriptor is a damaged library. */
const LIBRARY_MARKERS = ['articles', 'index', 'import.journal', 'quarantine', 'catalog.json'];

export interface LibraryDescriptor {
  format: typeof LIBRARY_FORMAT;
  version: number;
  createdAt: string;
}

export interface OpenedDescriptor {
  descriptor: LibraryDescriptor;
  /** What was wrong with the descriptor and what was done about it. */
  problem: string | null;
}

/** The descriptor's temporary files (see durable-write.ts): what a crash during creation leaves. */
export const isDescriptorTemp = (name: string): boolean =>
  name.startsWith(`${DESCRIPTOR_FILE}.`) && name.endsWith('.tmp');

/**
 * Reads the descriptor. With `create`, a missing or empty folder becomes a new library; without it, such a
 * folder is refused (a mistyped path must not become an empty library).
 */
export async function openDescriptor(dir: string, create = false): Promise<OpenedDescriptor> {
  await checkFolder(dir, create);
  const file = path.join(dir, DESCRIPTOR_FILE);
  let raw: string | null = null;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    // readFile's EISDIR names no path: the message must still say which file.
    if (failure.code !== 'ENOENT')
      throw new OffprintError('failed', inWords(Object.assign(failure, { path: failure.path ?? file })));
  }
  const parsed = raw === null ? null : parse(raw);
  if (parsed && parsed.format === LIBRARY_FORMAT) {
    try {
      return { descriptor: upgrade<LibraryDescriptor>('descriptor', parsed, file).value, problem: null };
    } catch (error) {
      // A descriptor without a version is damaged, and rewritten below like any other damaged one.
      if (!(error instanceof FileVersionError) || error.reason !== 'damaged') throw error;
    }
  }
  const entries = (await readNames(dir)).filter(
    (name) => !name.startsWith('.') && name !== DESCRIPTOR_FILE && !isDescriptorTemp(name),
  );
  if (entries.length === 0 && (raw !== null || create || (await hasDescriptorTemp(dir)))) {
    // Nothing but a creation cut short (or nothing at all): start the library afresh.
    return { descriptor: (await writeFresh(dir)).descriptor, problem: null };
  }
  if (entries.some((name) => LIBRARY_MARKERS.includes(name))) {
    const what = raw === null ? 'was missing' : 'was damaged';
    const { descriptor, saved } = await writeFresh(dir);
    return {
      descriptor,
      problem: `the library descriptor ${file} ${what}; ${saved ? 'rewritten' : 'not rewritten (the library is read-only)'}`,
    };
  }
  if (raw !== null) throw new OffprintError('failed', `${file} is not an Offprint library descriptor.`);
  if (entries.length === 0) {
    throw new OffprintError(
      'not-found',
      `${dir} is an empty folder, not an Offprint library. Import into it to create one.`,
    );
  }
  // Never adopt a folder full of someone else's files: the library would mix with them.
  throw new OffprintError(
    'failed',
    `${dir} is not an Offprint library and is not empty. Choose an empty folder or an existing library.`,
  );
}

async function checkFolder(dir: string, create: boolean): Promise<void> {
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) throw new OffprintError('failed', `${dir} is a file, not a library folder.`);
  } catch (error) {
    if (error instanceof OffprintError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new OffprintError('failed', inWords(error));
    if (!create) {
      throw new OffprintError(
        'not-found',
        `There is no library at ${dir} (the folder does not exist). Check the path; importing into it creates a library.`,
      );
    }
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (inner) {
      throw new OffprintError('failed', `Could not create the library: ${inWords(inner)}`);
    }
  }
}

/**
 * Writes a new descriptor, removing the temporary files of an earlier attempt. Read-only: kept in memory only
 * (`saved` false).
 */
async function writeFresh(dir: string): Promise<{ descriptor: LibraryDescriptor; saved: boolean }> {
  const descriptor: LibraryDescriptor = {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
  };
  try {
    await writeFileDurable(path.join(dir, DESCRIPTOR_FILE), JSON.stringify(descriptor, null, 2) + '\n');
    const temps = (await readNames(dir)).filter(isDescriptorTemp);
    await Promise.all(temps.map((name) => fs.rm(path.join(dir, name), { force: true })));
  } catch (error) {
    // Reading never needs to write: a read-only library still opens with the descriptor it must have had.
    if (!cannotWrite(error)) throw new OffprintError('failed', inWords(error));
    return { descriptor, saved: false };
  }
  return { descriptor, saved: true };
}

function parse(raw: string): Partial<LibraryDescriptor> | null {
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === 'object' ? (value as Partial<LibraryDescriptor>) : null;
  } catch {
    return null;
  }
}

async function readNames(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    throw new OffprintError('failed', inWords(error));
  }
}

async function hasDescriptorTemp(dir: string): Promise<boolean> {
  return (await readNames(dir)).some(isDescriptorTemp);
}
