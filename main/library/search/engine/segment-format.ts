/**
 * The binary segment file: one immutable piece of the search index, opened without parsing its postings.
 *
 *   bytes 0–7    magic `OFPRSEG\n`
 *   bytes 8–11   format version (u32, little-endian, as every number in the file)
 *   bytes 12–15  header length H
 *   bytes 16…    header JSON (H bytes): counts, fields, and each section's [offset, length, sha1]
 *   sections     ids (JSON array), meta (JSON array of [published, tags, title, flags, highlights] per
 *                document, for filters, facets, sorting and hits without the catalog), terms (JSON array, sorted by UTF-16 code unit), fieldLengths
 *                (u32 [field × docCount + doc]), termFieldStart (u32 [term × fields + field], one past the
 *                end), docs (u32 doc ordinals), tfs (u32 term frequencies); every section 4-byte aligned
 *
 * Opening reads the header and the five small sections (verified against their hashes); the postings
 * (`docs`, `tfs`) are read term by term when a query needs them, so a large segment costs little to open.
 */
import { createHash } from 'node:crypto';
import { currentVersion, FileVersionError, upgrade } from '../../store/file-versions';

export const SEGMENT_MAGIC = Buffer.from('OFPRSEG\n', 'latin1');
/**
 * Bump (in file-versions.ts) when the layout, the metadata or the analysis (fields, boosts, pipeline) changes:
 * older segments are rebuilt from the article files (an upgrade, not damage).
 */
export const SEGMENT_FORMAT_VERSION = currentVersion('segment');

export const SECTION_NAMES = [
  'ids',
  'meta',
  'terms',
  'fieldLengths',
  'termFieldStart',
  'docs',
  'tfs',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface SegmentHeader {
  format: 'offprint-segment';
  version: number;
  fields: string[];
  docCount: number;
  termCount: number;
  postingCount: number;
  sections: Record<SectionName, [offset: number, length: number, sha1: string]>;
}

/**
 * What search needs of a document besides its terms: published date (ISO), tags, title, the reader's flags
 * (DOC_FLAGS, one number rather than three booleans: the meta of 100,000 documents is read at every open)
 * and how many highlights it has.
 */
export type DocMeta = [
  published: string | null,
  tags: string[],
  title: string,
  flags: number,
  highlights: number,
];

export const DOC_FLAGS = { read: 1, starred: 2, hasNote: 4 } as const;

/** Everything a segment holds, in memory (as built or merged, before it is written). */
export interface SegmentData {
  fields: string[];
  ids: string[];
  meta: DocMeta[];
  fieldLengths: Uint32Array;
  terms: string[];
  termFieldStart: Uint32Array;
  docs: Uint32Array;
  tfs: Uint32Array;
}

export function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

const align4 = (n: number) => (n + 3) & ~3;

export function encodeSegment(data: SegmentData): Buffer {
  const parts: Record<SectionName, Uint8Array> = {
    ids: Buffer.from(JSON.stringify(data.ids)),
    meta: Buffer.from(JSON.stringify(data.meta)),
    terms: Buffer.from(JSON.stringify(data.terms)),
    fieldLengths: bytesOf(data.fieldLengths),
    termFieldStart: bytesOf(data.termFieldStart),
    docs: bytesOf(data.docs),
    tfs: bytesOf(data.tfs),
  };
  // The header holds the offsets, and its own length moves them: size it with wide placeholders first.
  const header: SegmentHeader = {
    format: 'offprint-segment',
    version: SEGMENT_FORMAT_VERSION,
    fields: data.fields,
    docCount: data.ids.length,
    termCount: data.terms.length,
    postingCount: data.docs.length,
    sections: {} as SegmentHeader['sections'],
  };
  for (const name of SECTION_NAMES) header.sections[name] = [1e15, 1e15, sha1(parts[name])];
  const headerLength = align4(Buffer.byteLength(JSON.stringify(header)) + 32);
  let offset = 16 + headerLength;
  for (const name of SECTION_NAMES) {
    header.sections[name] = [offset, parts[name].byteLength, header.sections[name][2]];
    offset = align4(offset + parts[name].byteLength);
  }
  const out = Buffer.alloc(offset);
  SEGMENT_MAGIC.copy(out, 0);
  out.writeUInt32LE(SEGMENT_FORMAT_VERSION, 8);
  out.writeUInt32LE(headerLength, 12);
  out.write(JSON.stringify(header).padEnd(headerLength, ' '), 16, 'utf8');
  for (const name of SECTION_NAMES) out.set(parts[name], header.sections[name][0]);
  return out;
}

function bytesOf(array: Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * Reads the fixed prefix and header; throws a message that says what is wrong. The version is checked (by
 * file-versions.ts) before the header is parsed: another format may lay the header out otherwise. A newer
 * one throws its FileVersionError (the index must then refuse the library, never rebuild over it).
 */
export function decodeHeader(
  prefix: Buffer,
  readMore: (length: number) => Buffer,
  file: string,
): SegmentHeader {
  if (prefix.length < 16 || !prefix.subarray(0, 8).equals(SEGMENT_MAGIC))
    throw new Error('not a segment file');
  const version = prefix.readUInt32LE(8);
  try {
    upgrade('segment', { version }, file);
  } catch (error) {
    if (error instanceof FileVersionError && error.reason === 'older') throw new OlderSegmentError(version);
    throw error;
  }
  const length = prefix.readUInt32LE(12);
  if (length > 1 << 20) throw new Error('damaged header');
  const header = JSON.parse(readMore(length).toString('utf8')) as SegmentHeader;
  if (header.format !== 'offprint-segment' || header.version !== version) throw new Error('damaged header');
  return header;
}

/** A segment of an earlier format: its documents are indexed again from the article files. */
export class OlderSegmentError extends Error {
  constructor(readonly version: number) {
    super(`segment format ${version} is no longer read`);
  }
}
