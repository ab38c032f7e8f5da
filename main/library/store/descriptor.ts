/**
 * The library descriptor, `offprint-library.json`: marks a folder as an Offprint library and records the
 * format version it was written with. A library from a newer version is refused, never reinterpreted.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { OffprintError } from '../../../common/errors';
import { writeFileDurable } from './durable-write';

export const DESCRIPTOR_FILE = 'offprint-library.json';
export const LIBRARY_FORMAT = 'offprint-library';
export const LIBRARY_FORMAT_VERSION = 1;

export interface LibraryDescriptor {
  format: typeof LIBRARY_FORMAT;
  version: number;
  createdAt: string;
}

/** Reads the descriptor, creating a new library when the folder is empty or missing. */
export async function openDescriptor(dir: string): Promise<LibraryDescriptor> {
  const file = path.join(dir, DESCRIPTOR_FILE);
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return createLibrary(dir);
  }
  let parsed: Partial<LibraryDescriptor>;
  try {
    parsed = JSON.parse(raw) as Partial<LibraryDescriptor>;
  } catch {
    throw new OffprintError('failed', `${file} is damaged (not valid JSON); the library was not opened.`);
  }
  if (parsed.format !== LIBRARY_FORMAT || typeof parsed.version !== 'number') {
    throw new OffprintError('failed', `${file} is not an Offprint library descriptor.`);
  }
  if (parsed.version > LIBRARY_FORMAT_VERSION) {
    throw new OffprintError(
      'failed',
      `The library ${dir} was written by a newer Offprint (library format ${parsed.version}; this version reads up to ${LIBRARY_FORMAT_VERSION}). Update Offprint to open it.`,
    );
  }
  return parsed as LibraryDescriptor;
}

async function createLibrary(dir: string): Promise<LibraryDescriptor> {
  await fs.mkdir(dir, { recursive: true });
  const entries = (await fs.readdir(dir)).filter((name) => !name.startsWith('.'));
  if (entries.length > 0) {
    // Never adopt a folder full of someone else's files: the library would mix with them.
    throw new OffprintError(
      'failed',
      `${dir} is not an Offprint library and is not empty. Choose an empty folder or an existing library.`,
    );
  }
  const descriptor: LibraryDescriptor = {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
  };
  await writeFileDurable(path.join(dir, DESCRIPTOR_FILE), JSON.stringify(descriptor, null, 2) + '\n');
  return descriptor;
}
