/**
 * Run as its own process (`node --import tsx zone-probe.ts INPUTS`, with TZ set by the caller): reads every file
 * of the folder through the importers' real pipeline and prints, as JSON, the `published` each article gets and
 * the instants the date-bounded searches compare with. The dates test compares these answers across zones.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { extract } from '../../main/library/import/extract';
import { dateBounds } from '../../main/library/search/date-bounds';
import { ZONED_SEARCHES } from './zoned-dates';

const [inputs] = process.argv.slice(2);
const published: Record<string, string | null> = {};
for (const name of (await fs.readdir(inputs!)).sort()) {
  for await (const outcome of extract(name, path.join(inputs!, name), null)) {
    if (outcome.kind === 'article') published[outcome.article.title] = outcome.article.published;
    else published[name] = `not imported: ${outcome.kind}`;
  }
}
const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
const bounds: Record<string, { from: string | null; to: string | null }> = {};
for (const [name, search] of Object.entries(ZONED_SEARCHES)) {
  const { from, to } = dateBounds(search);
  bounds[name] = { from: iso(from), to: iso(to) };
}
// The local zone's offset on that day, in minutes east of UTC: proof the TZ setting took effect.
const localOffset = -new Date(Date.UTC(2023, 4, 1, 22)).getTimezoneOffset();
process.stdout.write(`${JSON.stringify({ zone: process.env.TZ ?? null, localOffset, published, bounds })}\n`);
