/**
 * One segment file, in this process: the analyzer against Lunr's own builder (terms, counts, field lengths), a
 * segment written, opened and read back whole and term by term, a merge equal to building the kept documents
 * afresh, and every kind of damage refused with what is wrong (never read as a smaller index). engine-parts
 * and index-round-trip check the same through a library's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../../main/library/search/engine/analyzer';
import { buildSegment, mergeSegments } from '../../../main/library/search/engine/segment-builder';
import {
  type DocMeta,
  encodeSegment,
  OlderSegmentError,
  type SegmentData,
} from '../../../main/library/search/engine/segment-format';
import { SegmentReader } from '../../../main/library/search/engine/segment-reader';
import {
  FIELDS,
  type IndexDocument,
  setupLunr,
  unicodeTrimmer,
} from '../../../main/library/search/lunr-setup';
import { FIELD_NAMES } from '../../../main/library/search/parse-query';
import { FileVersionError } from '../../../main/library/store/file-versions';
import { removeDir } from '../../helpers/fixtures-and-shared';
import { syntheticArticles } from '../../helpers/synthetic-corpus';

const DOCS: IndexDocument[] = syntheticArticles(40, 21).map((a, i) => ({
  id: `d${i}`,
  title: a.title,
  subtitle: i % 2 ? 'Running runs ran — the runner’s "run"' : '',
  tags: a.tags.join(' '),
  author: i % 3 ? '' : 'Ann-Marie Lee',
  site: '',
  body: ` -${a.paragraphs.join('\n\n')}- `,
  note: '',
  highlight: '',
}));

function built(docs: IndexDocument[]): SegmentData {
  const analyzer = new Analyzer();
  return buildSegment(
    FIELD_NAMES,
    docs.map((d, i) => ({
      id: d.id,
      meta: [null, [], d.title, i % 8, i] as DocMeta,
      fields: analyzer.document(d),
    })),
  );
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(process.env['TMPDIR'] ?? '/tmp', 'offprint-seg-'));
});
afterAll(async () => {
  await removeDir(dir);
});

const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe('the analyzer', () => {
  it("gives each field the terms, counts and length Lunr's own builder gives it", () => {
    const l = setupLunr();
    const builder = new l.Builder();
    builder.pipeline.add(unicodeTrimmer, l.stopWordFilter, l.stemmer);
    for (const f of FIELDS) builder.field(f.name);
    const analyzer = new Analyzer();
    for (const doc of DOCS) {
      builder.add(doc);
      const mine = analyzer.document(doc);
      FIELDS.forEach((f, i) => {
        const ref = `${f.name}/${doc.id}`;
        const theirs = (
          builder as unknown as { fieldTermFrequencies: Record<string, Record<string, number>> }
        ).fieldTermFrequencies[ref]!;
        const length = (builder as unknown as { fieldLengths: Record<string, number> }).fieldLengths[ref];
        const counted = Object.fromEntries(mine[i]!.terms.map((t, k) => [t, mine[i]!.counts[k]]));
        expect(counted, ref).toEqual({ ...theirs });
        expect(mine[i]!.length, ref).toBe(length);
      });
    }
  });

  it('counts words that stem alike as one term, and never an empty one', () => {
    const field = new Analyzer().field(' -running runs- run -- ran ');
    expect(field).toEqual({ length: 4, terms: ['run', 'ran'], counts: [3, 1] });
    expect(new Analyzer().field(' - -- ')).toEqual({ length: 0, terms: [], counts: [] });
  });
});

describe('a segment file', () => {
  const data = built(DOCS);
  let file: string;
  beforeAll(() => {
    file = write('good.seg', encodeSegment(data));
  });

  it('reads back whole, and term by term, what was written', () => {
    const reader = SegmentReader.open(file);
    try {
      expect(reader.readAll()).toEqual(data);
      expect(reader.docCount).toBe(DOCS.length);
      const F = FIELD_NAMES.length;
      for (let t = 0; t < data.terms.length; t++) {
        expect(reader.findTerm(data.terms[t]!)).toBe(t);
        const { base, docs, tfs } = reader.postings(t);
        const start = data.termFieldStart[t * F]!;
        const end = data.termFieldStart[t * F + F]!;
        expect([base, [...docs], [...tfs]]).toEqual([
          start,
          [...data.docs.slice(start, end)],
          [...data.tfs.slice(start, end)],
        ]);
        // Asked again: the same postings (from its cache).
        expect(reader.postings(t)).toBe(reader.postings(t));
      }
      expect(reader.findTerm('zzzz-not-there')).toBe(-1);
    } finally {
      reader.close();
    }
  });

  it('lets go of its file when closed, once or twice, and reads nothing after', () => {
    const holding = () =>
      fs.readdirSync('/proc/self/fd').some((fd) => {
        try {
          return fs.readlinkSync(path.join('/proc/self/fd', fd)) === file;
        } catch {
          return false; // the descriptor readdir itself used, gone by now
        }
      });
    const reader = SegmentReader.open(file);
    if (fs.existsSync('/proc/self/fd')) expect(holding()).toBe(true);
    reader.close();
    if (fs.existsSync('/proc/self/fd')) expect(holding()).toBe(false);
    expect(() => reader.close()).not.toThrow();
    expect(() => reader.postings(0)).toThrow();
  });

  it('builds a segment past its first 65,536 postings, every one in place', () => {
    // 90 documents of 800 words each that no other document has: 72,000 postings in the body field.
    const analyzer = new Analyzer();
    const many = Array.from({ length: 90 }, (_, d) => ({
      ...DOCS[0]!,
      id: `m${d}`,
      title: '',
      subtitle: '',
      tags: '',
      author: '',
      body: Array.from({ length: 800 }, (_, k) => `q${d}z${k}`).join(' '),
    }));
    const seg = buildSegment(
      FIELD_NAMES,
      many.map((doc, i) => ({
        id: doc.id,
        meta: [null, [], '', 0, i] as DocMeta,
        fields: analyzer.document(doc),
      })),
    );
    expect(seg.docs.length).toBe(72_000);
    expect(seg.terms.length).toBe(72_000);
    const F = FIELD_NAMES.length;
    const body = FIELD_NAMES.indexOf('body');
    for (const d of [0, 45, 89]) {
      for (const k of [0, 799]) {
        const t = seg.terms.indexOf(`q${d}z${k}`);
        const at = seg.termFieldStart[t * F + body]!;
        expect(seg.termFieldStart[t * F + body + 1]! - at).toBe(1);
        expect([seg.docs[at], seg.tfs[at]]).toEqual([d, 1]);
      }
    }
  });

  it('merges into what building the kept documents afresh gives, terms only dropped documents had gone', () => {
    const first = built(DOCS.slice(0, 25));
    const second = built(DOCS.slice(25));
    const keepFirst = Uint8Array.from(DOCS.slice(0, 25), (_, i) => (i % 4 === 0 ? 0 : 1));
    const keepSecond = Uint8Array.from(DOCS.slice(25), (_, i) => (i === 3 ? 0 : 1));
    const merged = mergeSegments([first, second], [keepFirst, keepSecond]);
    const kept = [
      ...DOCS.slice(0, 25).filter((_, i) => keepFirst[i]),
      ...DOCS.slice(25).filter((_, i) => keepSecond[i]),
    ];
    const fresh = built(kept);
    expect(merged.ids).toEqual(fresh.ids);
    expect(merged.terms).toEqual(fresh.terms);
    expect([...merged.fieldLengths]).toEqual([...fresh.fieldLengths]);
    expect([...merged.termFieldStart]).toEqual([...fresh.termFieldStart]);
    expect([...merged.docs]).toEqual([...fresh.docs]);
    expect([...merged.tfs]).toEqual([...fresh.tfs]);
    expect(merged.fields).toEqual(FIELD_NAMES);
  });

  it("merges right when the last document is dropped: its lengths never land on another's", () => {
    const first = built(DOCS.slice(0, 20));
    const second = built(DOCS.slice(20));
    const keepSecond = Uint8Array.from(DOCS.slice(20), (_, i) => (i === 19 ? 0 : 1));
    const merged = mergeSegments([first, second], [new Uint8Array(20).fill(1), keepSecond]);
    const fresh = built(DOCS.slice(0, 39));
    expect(merged.ids).toEqual(fresh.ids);
    expect([...merged.fieldLengths]).toEqual([...fresh.fieldLengths]);
  });

  describe('damaged', () => {
    const good = () => Buffer.from(fs.readFileSync(file));
    /** The file with its header JSON changed by `edit`, padded to the same length (sections stay put). */
    const withHeader = (edit: (header: Record<string, unknown>) => void) => {
      const bytes = good();
      const length = bytes.readUInt32LE(12);
      const header = JSON.parse(bytes.subarray(16, 16 + length).toString('utf8')) as Record<string, unknown>;
      edit(header);
      bytes.write(JSON.stringify(header).padEnd(length, ' '), 16, 'utf8');
      return bytes;
    };
    const opening =
      (bytes: Uint8Array, name = 'bad.seg') =>
      () =>
        SegmentReader.open(write(name, bytes)).close();

    it('is no segment without the magic and the fixed prefix', () => {
      expect(opening(Buffer.from('Just some text, not an index at all.'))).toThrow('not a segment file');
      expect(opening(Buffer.from('OFPRSEG'))).toThrow(/damaged: the file is shorter than its header says/);
      expect(opening(Buffer.concat([Buffer.from('OFPRSEG\r'), good().subarray(8)]))).toThrow(
        'not a segment file',
      );
      expect(opening(good().subarray(0, 15))).toThrow(/damaged: the file is shorter than its header says/);
    });

    it('of another version is refused (newer) or rebuilt (older), never read', () => {
      const newer = good();
      newer.writeUInt32LE(99, 8);
      expect(opening(newer)).toThrow(FileVersionError);
      expect(opening(newer)).toThrow(/newer Offprint/);
      const older = good();
      older.writeUInt32LE(1, 8);
      expect(opening(older)).toThrow(OlderSegmentError);
      expect(opening(older)).toThrow('segment format 1 is no longer read');
    });

    it('with a header too long, of another format or disagreeing with the prefix, is damaged', () => {
      const long = good();
      long.writeUInt32LE((1 << 20) + 1, 12);
      expect(opening(long)).toThrow('damaged header');
      // Exactly 1 MiB is allowed by the cap (and then found longer than the file).
      const atCap = good();
      atCap.writeUInt32LE(1 << 20, 12);
      expect(opening(atCap)).toThrow(/shorter than its header says/);
      expect(opening(withHeader((h) => (h['format'] = 'other')))).toThrow('damaged header');
      expect(opening(withHeader((h) => (h['version'] = 1)))).toThrow('damaged header');
    });

    it('with counts its sections do not hold, is damaged', () => {
      for (const key of ['docCount', 'termCount', 'postingCount'])
        expect(opening(withHeader((h) => (h[key] = (h[key] as number) + 1))), key).toThrow(
          'damaged: its sections disagree',
        );
      expect(opening(withHeader((h) => (h['fields'] = ['title'])))).toThrow('damaged: its sections disagree');
    });

    it('with whole sections that disagree with the header or with each other, each alone, is damaged', () => {
      /** Encoded from `data` changed by `change`, then its header edited by `edit`; every checksum holds. */
      const encoded = (
        change: (d: SegmentData) => SegmentData,
        edit?: (h: Record<string, number>) => void,
      ) => {
        const bytes = encodeSegment(change(data));
        if (!edit) return bytes;
        const length = bytes.readUInt32LE(12);
        const header = JSON.parse(bytes.subarray(16, 16 + length).toString('utf8')) as Record<string, number>;
        edit(header);
        bytes.write(JSON.stringify(header).padEnd(length, ' '), 16, 'utf8');
        return bytes;
      };
      const one = <T>(list: ArrayLike<T>) => Array.from(list).slice(0, 1);
      const cases: Array<[string, Buffer]> = [
        ['a meta row too many', encoded((d) => ({ ...d, meta: [...d.meta, d.meta[0]!] }))],
        [
          'field lengths too many',
          encoded((d) => ({
            ...d,
            fieldLengths: Uint32Array.from([...d.fieldLengths, ...one(d.fieldLengths)]),
          })),
        ],
        [
          'term starts too many',
          encoded((d) => ({ ...d, termFieldStart: Uint32Array.from([...d.termFieldStart, d.docs.length]) })),
        ],
        [
          'a posting the term starts do not reach',
          encoded((d) => ({
            ...d,
            docs: Uint32Array.from([...d.docs, 0]),
            tfs: Uint32Array.from([...d.tfs, 1]),
          })),
        ],
        // The header's count put back where the ids or terms section lost one: only that section disagrees.
        [
          'an id missing',
          encoded(
            (d) => ({ ...d, ids: d.ids.slice(1) }),
            (h) => (h['docCount']! += 1),
          ),
        ],
        [
          'a term missing',
          encoded(
            (d) => ({ ...d, terms: d.terms.slice(1) }),
            (h) => (h['termCount']! += 1),
          ),
        ],
      ];
      for (const [what, bytes] of cases)
        expect(opening(bytes), what).toThrow('damaged: its sections disagree');
      // Unchanged, the same encoding opens.
      expect(opening(encoded((d) => d))).not.toThrow();
    });

    it('with a section that does not match its checksum, or cut short, is damaged', () => {
      const header = JSON.parse(
        good()
          .subarray(16, 16 + good().readUInt32LE(12))
          .toString('utf8'),
      ) as {
        sections: Record<string, [number, number, string]>;
      };
      for (const name of ['ids', 'meta', 'terms', 'fieldLengths', 'termFieldStart']) {
        const bytes = good();
        const [offset] = header.sections[name]!;
        bytes[offset] = bytes[offset]! ^ 0x01;
        expect(opening(bytes), name).toThrow(`damaged: section ${name} does not match its checksum`);
      }
      const [tfsAt] = header.sections['tfs']!;
      const [startsAt] = header.sections['termFieldStart']!;
      expect(opening(good().subarray(0, startsAt + 1))).toThrow(/shorter than its header says/);
      // Postings are read when a query needs them, and checked then.
      const bytes = good();
      const [docsAt] = header.sections['docs']!;
      bytes.writeUInt32LE(DOCS.length, docsAt);
      const reader = SegmentReader.open(write('postings.seg', bytes));
      try {
        expect(() => reader.postings(0)).toThrow('damaged postings in');
        expect(() => reader.readAll()).toThrow('damaged: section docs does not match its checksum');
      } finally {
        reader.close();
      }
      const short = SegmentReader.open(write('short.seg', good().subarray(0, tfsAt + 4)));
      try {
        expect(() => short.postings(short.terms.length - 1)).toThrow(/shorter than its header says/);
      } finally {
        short.close();
      }
    });
  });
});

describe('lunr', () => {
  it('is the version whose internals the analyzer and the executor follow', () => {
    expect(lunr.version).toBe('2.3.9');
  });
});
