/**
 * Searching while a large import runs, in one library process (as the app and `offprint serve` are): 10,000
 * seed-format articles of the 20,000 scale corpus are imported while a query is asked every 50 ms. Reports the
 * query latency during the import (p50 / p95 / max), how often a newly committed batch became searchable, and
 * when the first and the last imported article could be found. Appends to bench/results/import-while-searching.md.
 *
 *   npm run bench:import-while-searching      (after `npm run bench:scale -- --prepare-only --sizes 20000`)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEARCH } from '../common/search';
import { openLibrary } from '../main/library/library';
import { benchCacheDir } from './scale-corpus';

const RESULTS = fileURLToPath(new URL('./results/import-while-searching.md', import.meta.url));
const FILES = path.join(benchCacheDir(), '20000', 'files');
const QUERIES = [
  'government',
  'minister election',
  'title:market',
  'champion*',
  'footbal~1',
  '+oil +price',
  'music -band',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const folders = (await fs.readdir(FILES).catch(() => [] as string[])).sort().slice(0, 10);
  if (folders.length < 10) {
    console.log(
      `skipped: import-while-searching — no scale corpus at ${FILES} (npm run bench:scale -- --prepare-only --sizes 20000)`,
    );
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'offprint-iws-'));
  try {
    const library = await openLibrary(path.join(dir, 'lib'));
    const started = performance.now();
    const job = await library.importPaths({
      paths: folders.map((f) => path.join(FILES, f)),
      folderTags: false,
    });
    const latencies: number[] = [];
    const totals: number[] = [];
    let running = true;
    const finished = library.waitForImport(job.jobId).then((p) => ((running = false), p));
    for (let i = 0; running; i++) {
      const t = performance.now();
      const r = await library.search({ ...DEFAULT_SEARCH, query: QUERIES[i % QUERIES.length]!, limit: 10 });
      latencies.push(performance.now() - t);
      if (i % QUERIES.length === 0) totals.push(r.total);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const done = await finished;
    const importS = (performance.now() - started) / 1000;
    const all = await library.search({ ...DEFAULT_SEARCH, query: '', limit: 0 });
    await library.close();
    const growth = totals.filter((n, i) => i > 0 && n > totals[i - 1]!).length;
    const row = [
      `${done.imported} articles in ${importS.toFixed(1)} s`,
      `${latencies.length} queries`,
      `p50 ${percentile(latencies, 50).toFixed(1)} ms`,
      `p95 ${percentile(latencies, 95).toFixed(1)} ms`,
      `max ${Math.max(...latencies).toFixed(1)} ms`,
      `"government" hits grew ${growth} times while importing (${totals[0]} → ${totals.at(-1)})`,
      `${all.total} listed at the end`,
    ];
    const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
    const when = new Date().toISOString();
    const text = `\n## ${when}\n\n${machine}\n\n| import | queries during it | p50 | p95 | max | searchable batch by batch | end |\n| --- | --- | --- | --- | --- | --- | --- |\n| ${row.join(' | ')} |\n`;
    console.log(text);
    await fs.mkdir(path.dirname(RESULTS), { recursive: true });
    await fs.appendFile(RESULTS, text);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
