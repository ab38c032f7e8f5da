/**
 * The smallest real segment: documents that have only a title, analysed as the index analyses them, written to
 * `dir/name` and opened. For tests of what reads segments (the set, the executor) that need a few chosen words.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Analyzer } from '../../main/library/search/engine/analyzer';
import { buildSegment } from '../../main/library/search/engine/segment-builder';
import { type DocMeta, encodeSegment } from '../../main/library/search/engine/segment-format';
import { SegmentReader } from '../../main/library/search/engine/segment-reader';
import { FIELDS } from '../../main/library/search/lunr-setup';

const analyzer = new Analyzer();

export async function titledSegment(
  dir: string,
  name: string,
  titles: Array<[id: string, title: string]>,
): Promise<SegmentReader> {
  const blank = { subtitle: '', tags: '', author: '', site: '', body: '', note: '', highlight: '' };
  const docs = titles.map(([id, title]) => ({
    id,
    meta: [null, [], title, 0, 0] as DocMeta,
    fields: analyzer.document({ id, title, ...blank }),
  }));
  const file = path.join(dir, name);
  await fs.writeFile(
    file,
    encodeSegment(
      buildSegment(
        FIELDS.map((f) => f.name),
        docs,
      ),
    ),
  );
  return SegmentReader.open(file);
}
