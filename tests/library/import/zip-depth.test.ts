/**
 * The README's "nested zips" limit: a zip inside a zip is read, down to ZIP_LIMITS.maxDepth archives in all; one
 * nested deeper is refused with its reason, and the articles above it still import.
 */
import { describe, expect, it } from 'vitest';
import { ZIP_LIMITS } from '../../../main/library/import/zip-entries';
import { articles, importBytes } from './helpers';
import { makeZip } from './zip-writer';

/** A note at each level, and the next zip inside: `levels` zips in all. */
function nested(levels: number): Buffer {
  let zip: Buffer | null = null;
  for (let level = levels; level >= 1; level--) {
    const entries = [
      { name: `note-${level}.txt`, data: `Note at level ${level}\n\nThe note kept at depth ${level}.` },
    ];
    zip = makeZip(
      zip ? [...entries, { name: `level-${level + 1}.zip`, data: zip, deflate: false }] : entries,
    );
  }
  return zip!;
}

describe('nested zips', () => {
  it(`reads ${ZIP_LIMITS.maxDepth} levels and refuses the one below, importing the rest`, async () => {
    const outcomes = await importBytes('outer.zip', nested(ZIP_LIMITS.maxDepth + 1));
    expect(
      articles(outcomes)
        .map((a) => a.article.title)
        .sort(),
    ).toEqual(Array.from({ length: ZIP_LIMITS.maxDepth }, (_, i) => `Note at level ${i + 1}`));
    expect(outcomes.filter((o) => o.kind === 'failed')).toEqual([
      {
        kind: 'failed',
        source: expect.stringMatching(new RegExp(`level-${ZIP_LIMITS.maxDepth + 1}\\.zip$`)),
        reason: `zip archives nested more than ${ZIP_LIMITS.maxDepth - 1} deep are not read`,
      },
    ]);
  });
});
