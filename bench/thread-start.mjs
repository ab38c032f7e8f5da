// What a library operation costs to start, before and after a change to what its threads load: runs the built
// `offprint` command of two checkouts in turn (same inputs, alternating, so load on this shared machine hits
// both alike) and prints the median wall time, CPU time (user + system, all threads) and peak memory of each,
// with the ratio. Usage:
//   node bench/thread-start.mjs BEFORE_REPO AFTER_REPO [runs]
// Each repo needs its CLI built (`node scripts/build.mjs --cli`). Needs GNU time (/usr/bin/time, Debian `time`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [before, after, runsArg] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node bench/thread-start.mjs BEFORE_REPO AFTER_REPO [runs]');
  process.exit(2);
}
const RUNS = Number(runsArg ?? 7);
const work = mkdtempSync(path.join(os.tmpdir(), 'offprint-thread-start-'));
const inputs = path.join(work, 'inputs');
mkdirSync(inputs);
for (const word of ['heron', 'otter'])
  writeFileSync(
    path.join(inputs, `${word}.txt`),
    `Note about the ${word}\n\nThe ${word} crossed the path at dawn.\n`,
  );

/** One command under GNU time: wall seconds, CPU seconds, peak RSS in MB. */
function measure(repo, args) {
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', process.execPath, path.join(repo, 'bin', 'offprint.mjs'), ...args],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`${repo}: ${args.join(' ')} failed: ${run.stderr}`);
  const [wall, user, sys, kb] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: user + sys, mb: kb / 1024 };
}

const TASKS = {
  'import two notes into a new library': (repo, i) => [
    '--library',
    path.join(work, `${path.basename(repo)}-${i}`),
    'import',
    inputs,
  ],
  'search that library': (repo, i) => [
    '--library',
    path.join(work, `${path.basename(repo)}-${i}`),
    'search',
    'heron',
  ],
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `${RUNS} runs each, alternating; ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`,
);
for (const [task, args] of Object.entries(TASKS)) {
  const results = { before: [], after: [] };
  for (let i = 0; i < RUNS; i++)
    for (const [name, repo] of [
      ['before', before],
      ['after', after],
    ])
      results[name].push(measure(repo, args(repo, i)));
  const row = (name) => {
    const r = results[name];
    return {
      wall: median(r.map((x) => x.wall)),
      cpu: median(r.map((x) => x.cpu)),
      mb: median(r.map((x) => x.mb)),
    };
  };
  const b = row('before');
  const a = row('after');
  console.log(`\n${task}`);
  console.log(`  before: wall ${b.wall.toFixed(2)} s, CPU ${b.cpu.toFixed(2)} s, peak ${b.mb.toFixed(0)} MB`);
  console.log(`  after:  wall ${a.wall.toFixed(2)} s, CPU ${a.cpu.toFixed(2)} s, peak ${a.mb.toFixed(0)} MB`);
  console.log(
    `  after/before: wall ${(a.wall / b.wall).toFixed(2)}, CPU ${(a.cpu / b.cpu).toFixed(2)}, peak ${(a.mb / b.mb).toFixed(2)}`,
  );
}
rmSync(work, { recursive: true, force: true });
