/**
 * The child process of the scale benchmark: runs the one task it is given (as JSON in argv[2]), sends its
 * figures to the parent and exits. Started by bench/scale.ts with `--import tsx`.
 */
import fs from 'node:fs';
import { readDocs } from './scale-corpus';
import { offprintBuild, offprintOpen } from './scale-offprint';
import { makePeer, savedBytes } from './scale-peers';
import type { BenchQuery } from './scale-queries';
import { elapsedMs, passFigures, peakRssMB, rssMB, timePasses } from './scale-stats';
import type { Task, TaskResult } from './scale-tasks';

async function peerBuild(task: Extract<Task, { kind: 'peer-build' }>): Promise<TaskResult> {
  const docs = readDocs(task.docsFile);
  const peer = makePeer(task.engine, task.saveDir);
  let started = performance.now();
  peer.build(docs);
  const buildS = elapsedMs(started) / 1000;
  const buildPeakMB = peakRssMB();
  started = performance.now();
  const written = await peer.save();
  const saveMs = elapsedMs(started);
  peer.close();
  return {
    figures: {
      'build.s': buildS,
      'build.peakMB': buildPeakMB,
      articles: docs.length,
      ...(written === null ? {} : { 'save.ms': saveMs }),
      'index.MB': savedBytes(task.saveDir) / 1048576,
    },
    notes: [],
  };
}

async function peerOpen(task: Extract<Task, { kind: 'peer-open' }>): Promise<TaskResult> {
  const queries = JSON.parse(fs.readFileSync(task.queriesFile, 'utf8')) as BenchQuery[];
  const first = queries.find((q) => q.lunr === task.firstQuery) ?? {
    kind: 'word' as const,
    terms: [{ text: task.firstQuery }],
    lunr: task.firstQuery,
  };
  const peer = makePeer(task.engine, task.saveDir);
  const started = performance.now();
  await peer.load();
  const loadMs = elapsedMs(started);
  const firstHits = peer.search(first).length;
  const openMs = elapsedMs(started);
  const passes = await timePasses(queries, async (q) => peer.search(q).length);
  const figures = { 'load.ms': loadMs, 'open.ms': openMs, ...passFigures(passes), 'rss.MB': rssMB() };
  peer.close();
  return { figures, notes: firstHits === 0 ? [`the first query (${task.firstQuery}) found nothing`] : [] };
}

function run(task: Task): Promise<TaskResult> {
  switch (task.kind) {
    case 'offprint-build':
      return offprintBuild(task);
    case 'offprint-open':
      return offprintOpen(task);
    case 'peer-build':
      return peerBuild(task);
    case 'peer-open':
      return peerOpen(task);
  }
}

const task = JSON.parse(process.argv[2] ?? '{}') as Task;
try {
  const result = await run(task);
  process.send!({ ok: true, result }, () => process.exit(0));
} catch (error) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.send!({ ok: false, error: message.split('\n').slice(0, 3).join(' | ') }, () => process.exit(1));
}
