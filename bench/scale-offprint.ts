/**
 * Offprint measured through its public library API only (openLibrary, importPaths, waitForImport,
 * whenIndexed, search, close), as the app and the CLI use it. Runs inside a child process of the scale
 * benchmark (see scale-runner.ts), one task per process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SEARCH, type SearchRequest } from '../common/search';
import { openLibrary, type Library } from '../main/library/library';
import { seedText } from './scale-corpus';
import type { BenchQuery } from './scale-queries';
import { elapsedMs, passFigures, peakRssMB, rssMB, timePasses } from './scale-stats';
import type { Task, TaskResult } from './scale-tasks';

/** How often the probe polls search while one new article is imported. */
const POLL_MS = 20;

function request(query: string): SearchRequest {
  return { ...DEFAULT_SEARCH, query, limit: 10 };
}

/** (a) import + index from scratch, with peak memory; (b) one new article until it is searchable. */
export async function offprintBuild(task: Extract<Task, { kind: 'offprint-build' }>): Promise<TaskResult> {
  const notes: string[] = [];
  let started = performance.now();
  const library = await openLibrary(task.libraryDir);
  try {
    const job = await library.importPaths({ paths: [task.filesDir], folderTags: false });
    const finished = await library.waitForImport(job.jobId);
    await library.whenIndexed();
    const buildS = elapsedMs(started) / 1000;
    const report = finished.report;
    if (finished.state !== 'done' || !report) throw new Error(`import ${finished.state}: ${finished.error}`);
    if (report.failed.length > 0) {
      notes.push(`${report.failed.length} files failed to import, e.g. ${report.failed[0]!.reason}`);
    }
    const buildPeakMB = peakRssMB();

    started = performance.now();
    const addOneS = (await addOne(library, task.probeDir)) / 1000;
    return {
      figures: {
        'build.s': buildS,
        'build.peakMB': buildPeakMB,
        articles: report.imported.length,
        'addOne.s': addOneS,
      },
      notes,
    };
  } finally {
    await library.close();
  }
}

/** Imports one seed-format article with a word found nowhere else; ms until a search for it finds it. */
async function addOne(library: Library, probeDir: string): Promise<number> {
  const word = `zqprobe${Date.now().toString(36)}`;
  const file = path.join(probeDir, `${word}.txt`);
  fs.mkdirSync(probeDir, { recursive: true });
  fs.writeFileSync(
    file,
    seedText({
      category: 'Science',
      headline: `Benchmark probe ${word}`,
      standfirst: 'One article imported into a library that is already built.',
      body: [`The word ${word} is in no other article.`, 'It is searched until the library finds it.'],
      tags: ['Science'],
      published: new Date(),
    }),
  );
  const started = performance.now();
  const job = await library.importPaths({ paths: [file], folderTags: false });
  for (;;) {
    const response = await library.search(request(word));
    if (response.total > 0) break;
    const status = await library.importStatus({ jobId: job.jobId });
    if (status.state !== 'running' && status.state !== 'done')
      throw new Error(`probe import ${status.state}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const ms = elapsedMs(started);
  await library.waitForImport(job.jobId);
  return ms;
}

/** (c) open in a fresh process until a first query answers; (d) the queries, cold and warm; (e) memory. */
export async function offprintOpen(task: Extract<Task, { kind: 'offprint-open' }>): Promise<TaskResult> {
  const queries = JSON.parse(fs.readFileSync(task.queriesFile, 'utf8')) as BenchQuery[];
  const started = performance.now();
  const library = await openLibrary(task.libraryDir);
  try {
    const first = await library.search(request(task.firstQuery));
    const openMs = elapsedMs(started);
    const notes = first.total === 0 ? [`the first query (${task.firstQuery}) found nothing`] : [];
    const passes = await timePasses(queries, async (q) => (await library.search(request(q.lunr))).total);
    return {
      figures: { 'open.ms': openMs, ...passFigures(passes), 'rss.MB': rssMB(), 'peak.MB': peakRssMB() },
      notes,
    };
  } finally {
    await library.close();
  }
}
