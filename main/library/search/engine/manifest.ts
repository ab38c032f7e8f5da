/**
 * `index/manifest.json`: which segment files make the index, oldest first, and the catalog revision the
 * index covers (every entry written at or before it is indexed). Segments are written and made durable
 * first; only then does a new manifest name them, atomically, so a crash leaves the old, valid set.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { OffprintError } from '../../../../common/errors';
import { writeFileDurable } from '../../store/durable-write';

export const MANIFEST_FORMAT = 'offprint-index';
/** Bump with SEGMENT_FORMAT_VERSION or when the analysis changes: an older index is rebuilt. */
export const MANIFEST_VERSION = 1;
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

/** The manifest, or an empty one (and why) when it is missing, damaged or of an older format. */
export async function readManifest(dir: string): Promise<{ manifest: Manifest; problem: string | null }> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return { manifest: emptyManifest(), problem: null };
  }
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(raw) as Partial<Manifest>;
  } catch {
    return { manifest: emptyManifest(), problem: 'the index manifest is damaged; rebuilding the index' };
  }
  if (
    parsed.format !== MANIFEST_FORMAT ||
    typeof parsed.version !== 'number' ||
    !Array.isArray(parsed.segments)
  ) {
    return { manifest: emptyManifest(), problem: 'the index manifest is damaged; rebuilding the index' };
  }
  if (parsed.version > MANIFEST_VERSION) {
    throw new OffprintError(
      'failed',
      `The search index in ${dir} was written by a newer Offprint (index format ${parsed.version}). Update Offprint to open this library.`,
    );
  }
  if (parsed.version < MANIFEST_VERSION) {
    return { manifest: emptyManifest(), problem: `the index has format ${parsed.version}; rebuilding it` };
  }
  return { manifest: parsed as Manifest, problem: null };
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await fs.mkdir(path.join(dir, 'index'), { recursive: true });
  await writeFileDurable(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
}

export function segmentPath(dir: string, name: string): string {
  return path.join(dir, SEGMENTS_DIR, name);
}
