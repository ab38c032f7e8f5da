/**
 * `index/manifest.json`: which segment files make the index, oldest first, and the catalog revision the
 * index covers (every entry written at or before it is indexed). Segments are written and made durable
 * first; only then does a new manifest name them, atomically, so a crash leaves the old, valid set.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurable } from '../../store/durable-write';
import { currentVersion, FileVersionError, upgrade } from '../../store/file-versions';

export const MANIFEST_FORMAT = 'offprint-index';
/** See file-versions.ts: bumped with the segment format or the analysis; an older index is rebuilt. */
export const MANIFEST_VERSION = currentVersion('index-manifest');
export const MANIFEST_FILE = path.join('index', 'manifest.json');
export const SEGMENTS_DIR = path.join('index', 'segments');

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: number;
  coveredRevision: number;
  segments: Array<{ name: string; docs: number }>;
  /** Ids some segment still holds that the catalog removed (until a merge drops them). */
  removed?: string[];
}

export const emptyManifest = (): Manifest => ({
  format: MANIFEST_FORMAT,
  version: MANIFEST_VERSION,
  coveredRevision: 0,
  segments: [],
});

/**
 * The manifest, or an empty one (and why) when it is missing, damaged or of an older format. One from a newer
 * Offprint throws: rebuilding would overwrite it.
 */
export async function readManifest(dir: string): Promise<{ manifest: Manifest; problem: string | null }> {
  const file = path.join(dir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch {
    return { manifest: emptyManifest(), problem: null };
  }
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(raw) as Partial<Manifest>;
  } catch {
    return { manifest: emptyManifest(), problem: 'the index manifest is damaged; rebuilding the index' };
  }
  const damaged = {
    manifest: emptyManifest(),
    problem: 'the index manifest is damaged; rebuilding the index',
  };
  if (parsed?.format !== MANIFEST_FORMAT) return damaged;
  let manifest: Manifest;
  try {
    manifest = upgrade<Manifest>('index-manifest', parsed, file).value;
  } catch (error) {
    if (!(error instanceof FileVersionError) || error.reason === 'newer') throw error;
    if (error.reason === 'damaged') return damaged;
    return { manifest: emptyManifest(), problem: `the index has format ${error.found}; rebuilding it` };
  }
  return Array.isArray(manifest.segments) ? { manifest, problem: null } : damaged;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await fs.mkdir(path.join(dir, 'index'), { recursive: true });
  await writeFileDurable(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
}

export function segmentPath(dir: string, name: string): string {
  return path.join(dir, SEGMENTS_DIR, name);
}
