import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TARGETS, WEB_PAGES_CORPUS, measureWebPagesQuality } from '../../../bench/web-pages-quality';

const present = fs.existsSync(WEB_PAGES_CORPUS);
if (!present)
  console.log(
    `web-pages quality: skipped, the corpus ${WEB_PAGES_CORPUS} is absent (../shared is not checked out)`,
  );

describe.runIf(present)('HTML importer quality on the web-pages corpus', () => {
  it('meets the title, byline, date and body targets with no page failing', () => {
    const r = measureWebPagesQuality();
    expect(r.pages).toBe(98);
    expect(r.failed).toBe(0);
    expect(r.titleRate).toBeGreaterThanOrEqual(TARGETS.title);
    expect(r.publishedRate).toBeGreaterThanOrEqual(TARGETS.published);
    expect(r.bylineRate).toBeGreaterThanOrEqual(TARGETS.byline);
    expect(r.medianF1).toBeGreaterThanOrEqual(TARGETS.medianF1);
    expect(r.missed).toEqual([]);
  });
});
