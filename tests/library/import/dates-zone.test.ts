/**
 * Dates are read the same in every time zone: a date without a zone is UTC, or in the zone its source declares
 * (an HTML page's offset-bearing metadata, a Markdown note's `timezone:`); an offset in the date itself wins.
 * Real files are imported into a real library and the stored `published` values are checked; then the same
 * import and date-bounded searches run in child processes under other `TZ` settings, which must answer exactly
 * as under UTC (how CI tests two zones without a second CI job).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../../common/search';
import { type Library, openLibrary } from '../../../main/library/library';
import { REPO, removeDir, tempDir } from '../../helpers/temp-library';
import { writeZonedInputs, ZONED_INPUTS, ZONED_SEARCHES } from '../../helpers/zoned-dates';

let root: string;
let inputs: string;
let library: Library;
const stored: Record<string, string | null> = {};

beforeAll(async () => {
  root = await tempDir();
  inputs = path.join(root, 'inputs');
  await writeZonedInputs(inputs);
  library = await openLibrary(path.join(root, 'library'));
  const job = await library.importPaths({ paths: [inputs], folderTags: false });
  const report = (await library.waitForImport(job.jobId)).report!;
  expect(report.failed).toEqual([]);
  for (const item of report.imported) {
    const article = await library.getArticle({ id: item.id });
    stored[article.title] = article.published;
  }
  await library.whenIndexed();
});
afterAll(async () => {
  await library.close();
  await removeDir(root);
});

/** Titles of the articles published on or after / before these bounds, as the UTC instants say. */
const EXPECTED_SEARCHES: Record<string, string[]> = {
  'the whole UTC day of 1 May': [
    'Catalogue goes online',
    'Harbour cranes return to the old port after ten years',
    'Lighthouse keepers meet again',
    'Map room gets new shelves',
    'Night ferry keeps its old timetable',
    'Reading rooms reopen',
  ],
  'from 21:00 on 1 May': [
    'Archive opens on Sundays',
    'Catalogue goes online',
    'Harbour cranes return to the old port after ten years',
    'Night ferry keeps its old timetable',
    'Tide tables printed for the winter',
  ],
  'up to 20:00 on 1 May': [
    'Lighthouse keepers meet again',
    'Map room gets new shelves',
    'Reading rooms reopen',
  ],
};

/** The instants those bounds are, whatever the machine's zone. */
const EXPECTED_BOUNDS: Record<string, { from: string | null; to: string | null }> = {
  'the whole UTC day of 1 May': { from: '2023-05-01T00:00:00.000Z', to: '2023-05-01T23:59:59.999Z' },
  'from 21:00 on 1 May': { from: '2023-05-01T21:00:00.000Z', to: null },
  'up to 20:00 on 1 May': { from: null, to: '2023-05-01T20:00:00.000Z' },
};

interface ProbeAnswer {
  zone: string | null;
  localOffset: number;
  published: Record<string, string | null>;
  bounds: Record<string, { from: string | null; to: string | null }>;
}

/** Reads the same files and search bounds in a new process whose local zone is `zone`. */
function probe(zone: string): Promise<ProbeAnswer> {
  const script = path.join(REPO, 'tests', 'helpers', 'zone-probe.ts');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, inputs],
      { cwd: REPO, env: { ...process.env, TZ: zone } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`probe under TZ=${zone} failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as ProbeAnswer);
      },
    );
  });
}

describe('dates without a zone', () => {
  it('are stored as UTC, or in the zone the file declares, and an offset in the date wins', () => {
    const expected = Object.fromEntries(
      Object.values(ZONED_INPUTS).map(([title, , published]) => [title, published]),
    );
    expect(stored).toEqual(expected);
  });

  it('bound searches as UTC, a bare --to day taking in that whole day', async () => {
    for (const [name, bounds] of Object.entries(ZONED_SEARCHES)) {
      const response = await library.search({ ...DEFAULT_SEARCH, ...bounds, limit: 100 });
      expect({ name, titles: response.hits.map((h) => h.title).sort() }).toEqual({
        name,
        titles: EXPECTED_SEARCHES[name],
      });
    }
  });

  it('read the same under TZ=UTC, Asia/Tokyo and America/New_York', async () => {
    // One at a time: the machine may have two cores, and each probe loads every importer.
    const answers: ProbeAnswer[] = [];
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York']) answers.push(await probe(zone));
    // The probes really ran in those zones: local time there is 0, +9 and −4 hours from UTC on 1 May 2023.
    expect(answers.map((a) => [a.zone, a.localOffset])).toEqual([
      ['UTC', 0],
      ['Asia/Tokyo', 540],
      ['America/New_York', -240],
    ]);
    for (const { zone, published, bounds } of answers) {
      expect({ zone, published }).toEqual({ zone, published: stored });
      expect({ zone, bounds }).toEqual({ zone, bounds: EXPECTED_BOUNDS });
    }
  }, 120_000);
});
