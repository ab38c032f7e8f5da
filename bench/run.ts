/**
 * The core benchmark: import the BBC corpus (indexed as it goes), open the library, run 200 mixed
 * queries with snippets and facets. Prints a table and appends it, with the machine and date, to
 * bench/results/core.md. Run with `npm run bench`.
 *
 * Targets on a 2-core machine: import ≥ 500 articles/s, open + first query < 150 ms, query p95 < 10 ms.
 *
 * Import speed is bound by the disk (creating ~6,700 files and fsyncing them). On this workplace's virtual
 * disk, the discards that follow deleting a previous run's library slow file creation 2–3× for a minute:
 * run it on a quiet disk, not back to back, or the import figure measures the last cleanup.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEARCH } from '../common/search';
import { openLibrary } from '../main/library/library';

const BBC = fileURLToPath(new URL('../../shared/corpus/bbc', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/core.md', import.meta.url));

/** Mixed queries: words, phrases, fields, wildcards, fuzzy, presence, filters, a broken one, an empty one. */
const QUERIES: Array<{ query: string; tags?: string[]; sort?: 'date' }> = [
  { query: 'time warner profit' },
  { query: 'election labour blair' },
  { query: 'mobile phone' },
  { query: 'title:film' },
  { query: 'champion*' },
  { query: 'footbal~1' },
  { query: '+oil +price' },
  { query: 'music -band' },
  { query: 'economy growth', tags: ['business'] },
  { query: 'game', tags: ['tech', 'sport'] },
  { query: 'broadband internet', sort: 'date' },
  { query: 'title:' },
  { query: '' },
  { query: 'chelsea arsenal' },
  { query: 'oscar nomination' },
  { query: 'tax budget brown' },
  { query: 'virus software security' },
  { query: 'euro dollar' },
  { query: 'tags:politics immigration' },
  { query: 'box office' },
];

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await fs.readdir(dir)) total += (await fs.stat(path.join(dir, name))).size;
  return total;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  try {
    await fs.access(BBC);
  } catch {
    console.log(`skipped: benchmark — the BBC corpus is not at ${BBC}`);
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'offprint-bench-'));
  const lib = path.join(dir, 'lib');
  try {
    const topics = ['business', 'entertainment', 'politics', 'sport', 'tech'].map((t) => path.join(BBC, t));
    const library = await openLibrary(lib);
    let t = performance.now();
    const job = await library.importPaths({ paths: topics, folderTags: true });
    // Segments are built batch by batch during the import: the job ends when everything is searchable.
    const finished = await library.waitForImport(job.jobId);
    const importMs = performance.now() - t;
    const report = finished.report!;
    const inputs = report.imported.length + report.duplicates.length + report.failed.length;
    await library.close();

    // Opening: the library, its catalog and the segments' small sections, until a first query answers.
    const opens: number[] = [];
    for (let i = 0; i < 7; i++) {
      t = performance.now();
      const opened = await openLibrary(lib);
      await opened.search({ ...DEFAULT_SEARCH, query: 'economy', limit: 10 });
      opens.push(performance.now() - t);
      await opened.close();
    }
    const indexBytes = await folderBytes(path.join(lib, 'index', 'segments'));

    const reopened = await openLibrary(lib);
    const run = async (q: (typeof QUERIES)[number]) => {
      const started = performance.now();
      await reopened.search({
        ...DEFAULT_SEARCH,
        query: q.query,
        tags: q.tags ?? [],
        anyTag: true,
        sort: q.sort ?? 'relevance',
        limit: 10,
      });
      return performance.now() - started;
    };
    // The first pass is reported apart: it pays for JIT warm-up and reading each hit's text from disk once.
    const cold: number[] = [];
    for (const q of QUERIES) cold.push(await run(q));
    const times: number[] = [];
    for (let i = 0; i < 200; i++) times.push(await run(QUERIES[i % QUERIES.length]!));
    await reopened.close();

    const rows = [
      [
        'import (searchable when done)',
        `${inputs} files in ${(importMs / 1000).toFixed(2)} s`,
        `${Math.round(inputs / (importMs / 1000))} articles/s`,
      ],
      ['search index', `${(indexBytes / 1048576).toFixed(1)} MB of segments`, ''],
      ['open library + first query', `median of 7`, `${percentile(opens, 50).toFixed(1)} ms`],
      [
        'first pass (20 queries, cold)',
        `p50 ${percentile(cold, 50).toFixed(2)} ms`,
        `max ${Math.max(...cold).toFixed(2)} ms`,
      ],
      [
        'query (200 mixed, 10 hits, snippets + facets)',
        `p50 ${percentile(times, 50).toFixed(2)} ms`,
        `p95 ${percentile(times, 95).toFixed(2)} ms`,
      ],
    ];
    const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
    const when = new Date().toISOString();
    const table = [
      '| step | work | result |',
      '| --- | --- | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    console.log(`${machine}\n${when}\n\n${table}`);
    await fs.mkdir(path.dirname(RESULTS), { recursive: true });
    await fs.appendFile(RESULTS, `\n## ${when}\n\n${machine}\n\n${table}\n`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
