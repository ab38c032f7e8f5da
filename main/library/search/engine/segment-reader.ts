/**
 * An open segment file. The header and the small sections are read and verified at open; a term's postings
 * are read from the file when a query first needs them and kept in a small cache. A damaged or newer file
 * throws with the reason, and the index rebuilds that segment's documents from the article files.
 */
import fs from 'node:fs';
import {
  type DocMeta,
  decodeHeader,
  type SectionName,
  type SegmentData,
  type SegmentHeader,
  sha1,
} from './segment-format';

export interface TermPostings {
  /** Offset of this term's first posting; field f's postings are [fieldStart[f], fieldStart[f + 1]) − base. */
  base: number;
  docs: Uint32Array;
  tfs: Uint32Array;
}

/** Postings kept per segment: a query touches a few terms, and the next query often the same ones. */
const CACHE_TERMS = 2048;

export class SegmentReader {
  readonly header: SegmentHeader;
  readonly ids: string[];
  readonly meta: DocMeta[];
  readonly terms: string[];
  readonly fieldLengths: Uint32Array;
  readonly termFieldStart: Uint32Array;
  readonly fieldCount: number;
  private readonly cache = new Map<number, TermPostings>();
  private fd: number | null;

  private constructor(
    readonly file: string,
    fd: number,
  ) {
    this.fd = fd;
    try {
      const prefix = this.read(0, 16);
      this.header = decodeHeader(prefix, (length) => this.read(16, length), file);
      this.fieldCount = this.header.fields.length;
      this.ids = JSON.parse(this.section('ids').toString('utf8')) as string[];
      this.meta = JSON.parse(this.section('meta').toString('utf8')) as DocMeta[];
      this.terms = JSON.parse(this.section('terms').toString('utf8')) as string[];
      this.fieldLengths = u32(this.section('fieldLengths'));
      this.termFieldStart = u32(this.section('termFieldStart'));
      this.check();
    } catch (error) {
      fs.closeSync(fd);
      this.fd = null;
      throw error;
    }
  }

  static open(file: string): SegmentReader {
    return new SegmentReader(file, fs.openSync(file, 'r'));
  }

  get docCount(): number {
    return this.header.docCount;
  }

  /** Binary search in the sorted dictionary; -1 when absent. */
  findTerm(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.terms[mid]!;
      if (t < term) lo = mid + 1;
      else if (t > term) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  postings(t: number): TermPostings {
    const cached = this.cache.get(t);
    if (cached) return cached;
    const F = this.fieldCount;
    const base = this.termFieldStart[t * F]!;
    const end = this.termFieldStart[t * F + F]!;
    const [docsAt] = this.header.sections.docs;
    const [tfsAt] = this.header.sections.tfs;
    const docs = new Uint32Array(end - base);
    const tfs = new Uint32Array(end - base);
    this.readInto(docs, docsAt + base * 4);
    this.readInto(tfs, tfsAt + base * 4);
    for (const d of docs) if (d >= this.docCount) throw new Error(`damaged postings in ${this.file}`);
    if (this.cache.size >= CACHE_TERMS) this.cache.delete(this.cache.keys().next().value!);
    const postings = { base, docs, tfs };
    this.cache.set(t, postings);
    return postings;
  }

  /** Everything, verified, for a merge. */
  readAll(): SegmentData {
    const docs = this.section('docs');
    const tfs = this.section('tfs');
    return {
      fields: this.header.fields,
      ids: this.ids,
      meta: this.meta,
      fieldLengths: this.fieldLengths,
      terms: this.terms,
      termFieldStart: this.termFieldStart,
      docs: u32(docs),
      tfs: u32(tfs),
    };
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    this.cache.clear();
  }

  private check(): void {
    const { docCount, termCount, postingCount } = this.header;
    const F = this.fieldCount;
    const ok =
      this.ids.length === docCount &&
      this.meta.length === docCount &&
      this.terms.length === termCount &&
      this.fieldLengths.length === F * docCount &&
      this.termFieldStart.length === termCount * F + 1 &&
      this.termFieldStart[termCount * F] === postingCount;
    if (!ok) throw new Error('damaged: its sections disagree');
  }

  private section(name: SectionName): Buffer {
    const [offset, length, hash] = this.header.sections[name];
    const bytes = this.read(offset, length);
    if (sha1(bytes) !== hash) throw new Error(`damaged: section ${name} does not match its checksum`);
    return bytes;
  }

  private read(position: number, length: number): Buffer {
    const buffer = Buffer.alloc(length);
    const got = fs.readSync(this.fd!, buffer, 0, length, position);
    if (got !== length) throw new Error('damaged: the file is shorter than its header says');
    return buffer;
  }

  private readInto(target: Uint32Array, position: number): void {
    if (target.byteLength === 0) return;
    const got = fs.readSync(this.fd!, target, 0, target.byteLength, position);
    if (got !== target.byteLength) throw new Error(`damaged: ${this.file} is shorter than its header says`);
  }
}

/** A Uint32Array over the bytes (copied when they are not 4-byte aligned). */
function u32(bytes: Buffer): Uint32Array {
  if (bytes.byteOffset % 4 === 0)
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return new Uint32Array(Uint8Array.from(bytes).buffer);
}
