/**
 * The scale benchmark of issue 7: Offprint at 2,225, 20,000 and 100,000 articles next to plain Lunr,
 * MiniSearch, FlexSearch and SQLite FTS5 on the same documents and the same 200 mixed queries.
 *
 *   npm run bench:scale -- --sizes 2225,20000,100000 --runs 3 --engines offprint,lunr,minisearch,flexsearch,fts5
 *
 * Options: --sizes, --runs (default 3), --engines, --timeout MINUTES per configuration (default 15: a longer one
 * is recorded as "timed out"), --word WORD (the first query and the CLI's query, default "government"),
 * --heap MB (V8 heap limit of the child processes), --prepare-only (make and check the corpora, measure nothing),
 * --no-write (print only). Corpora are cached in os.tmpdir()/offprint-bench/ (see scale-corpus.ts).
 *
 * Each configuration runs in a fresh child process (scale-runner.ts): Offprint's import + index, then its open
 * and queries; each peer's build + save, then its load and queries. Runs interleave the engines, so a busy
 * machine weighs on all of them alike. Prints the report and appends it to bench/results/scale.md.
 */
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchCacheDir, checkWithImporter, prepareCorpus, readDocs, type Corpus } from './scale-corpus';
import { PEERS, unavailable, type PeerName } from './scale-peers';
import { makeQueries } from './scale-queries';
import {
  REPORT_PREAMBLE,
  renderSize,
  type EngineName,
  type EngineOutcome,
  type SizeResult,
} from './scale-report';
import type { Task, TaskResult } from './scale-tasks';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RUNNER = fileURLToPath(new URL('./scale-runner.ts', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/scale.md', import.meta.url));
const BBC = fileURLToPath(new URL('../../shared/corpus/bbc', import.meta.url));
const ENGINES: EngineName[] = ['offprint', ...PEERS];

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2225,20000,100000' },
    runs: { type: 'string', default: '3' },
    engines: { type: 'string', default: ENGINES.join(',') },
    timeout: { type: 'string', default: '15' },
    word: { type: 'string', default: 'government' },
    heap: { type: 'string' },
    bbc: { type: 'string', default: BBC },
    'prepare-only': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});

function usage(message: string): never {
  console.error(`bench:scale: ${message}`);
  process.exit(2);
}

const sizes = args.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((s) => !Number.isInteger(s) || s < 1)) usage(`--sizes must be whole numbers: ${args.sizes}`);
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a whole number: ${args.runs}`);
const engines = args.engines.split(',').map((e) => e.trim()) as EngineName[];
for (const e of engines)
  if (!ENGINES.includes(e)) usage(`unknown engine ${e} (known: ${ENGINES.join(', ')})`);
const timeoutMs = Number(args.timeout) * 60_000;
if (!(timeoutMs > 0)) usage(`--timeout must be minutes: ${args.timeout}`);
const heapArgs = args.heap ? [`--max-old-space-size=${Number(args.heap)}`] : [];

type Answer = { ok: true; result: TaskResult } | { ok: false; error: string; timedOut?: boolean };

/** Runs one task in a fresh process; a process that outlives the timeout is killed and reported as such. */
function runTask(task: Task): Promise<Answer> {
  return new Promise((resolve) => {
    const child = fork(RUNNER, [JSON.stringify(task)], {
      cwd: REPO,
      execArgv: ['--import', 'tsx', ...heapArgs],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: Answer | null = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (message) => {
      answer = message as Answer;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ ok: false, error: `over ${args.timeout} min`, timedOut: true });
      else
        resolve(
          answer ?? { ok: false, error: `the process ended (${signal ?? `exit ${code}`}) with no result` },
        );
    });
  });
}

/** `offprint search WORD` as a whole command, wall clock. */
function runCli(libraryDir: string): { ms: number; note: string | null } {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(REPO, 'bin', 'offprint.mjs'), 'search', args.word, '--library', libraryDir, '--json'],
    { cwd: REPO, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1048576 },
  );
  const ms = performance.now() - started;
  if (result.status !== 0) {
    const why = result.error?.message ?? result.stderr.trim().split('\n')[0] ?? '';
    return { ms, note: `\`offprint search\` exited ${result.status ?? result.signal}: ${why}` };
  }
  return { ms, note: null };
}

function outcomeOf(results: SizeResult, engine: EngineName): EngineOutcome {
  let outcome = results.engines.get(engine);
  if (!outcome) {
    outcome = { status: 'ok', reason: null, runs: [], notes: new Set() };
    results.engines.set(engine, outcome);
  }
  return outcome;
}

/** Records a failed or timed-out task; later runs of that engine at that size are skipped. */
function recordFailure(outcome: EngineOutcome, step: string, answer: Answer & { ok: false }): void {
  outcome.status = answer.timedOut ? 'timed out' : 'failed';
  outcome.reason = `${step}: ${answer.error}`;
  console.error(`  ${outcome.status} — ${outcome.reason}`);
}

function log(message: string): void {
  console.error(message);
}

function summary(figures: Record<string, number>): string {
  return Object.entries(figures)
    .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(2)}`)
    .join(', ');
}

async function measureOffprint(corpus: Corpus, outcome: EngineOutcome, queriesFile: string): Promise<void> {
  const work = fs.mkdtempSync(path.join(benchCacheDir(), 'work-'));
  try {
    const libraryDir = path.join(work, 'library');
    const build = await runTask({
      kind: 'offprint-build',
      filesDir: corpus.filesDir,
      libraryDir,
      probeDir: path.join(work, 'probe'),
    });
    if (!build.ok) return recordFailure(outcome, 'import', build);
    log(`  import: ${summary(build.result.figures)}`);
    const open = await runTask({ kind: 'offprint-open', libraryDir, queriesFile, firstQuery: args.word });
    if (!open.ok) return recordFailure(outcome, 'open', open);
    log(`  open: ${summary(open.result.figures)}`);
    const cli = runCli(libraryDir);
    log(`  cli: ${cli.ms.toFixed(0)} ms`);
    const imported = build.result.figures.articles;
    if (imported !== corpus.count) outcome.notes.add(`imported ${imported} of the ${corpus.count} articles`);
    for (const note of [...build.result.notes, ...open.result.notes, ...(cli.note ? [cli.note] : [])]) {
      outcome.notes.add(note);
    }
    outcome.runs.push({ ...build.result.figures, ...open.result.figures, 'cli.ms': cli.ms });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function measurePeer(
  engine: PeerName,
  corpus: Corpus,
  outcome: EngineOutcome,
  queriesFile: string,
): Promise<void> {
  const saveDir = fs.mkdtempSync(path.join(benchCacheDir(), `work-${engine}-`));
  try {
    const build = await runTask({ kind: 'peer-build', engine, docsFile: corpus.docsFile, saveDir });
    if (!build.ok) return recordFailure(outcome, 'build', build);
    log(`  build: ${summary(build.result.figures)}`);
    const open = await runTask({ kind: 'peer-open', engine, saveDir, queriesFile, firstQuery: args.word });
    if (!open.ok) return recordFailure(outcome, 'open', open);
    log(`  open: ${summary(open.result.figures)}`);
    for (const note of [...build.result.notes, ...open.result.notes]) outcome.notes.add(note);
    outcome.runs.push({ ...build.result.figures, ...open.result.figures });
  } finally {
    fs.rmSync(saveDir, { recursive: true, force: true });
  }
}

/** The commit measured, so a section says which engine it ran. */
function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'main', 'common'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return `${head.stdout.trim() || 'unknown commit'}${dirty.stdout.trim() ? ' (with local changes)' : ''}`;
}

function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return [
    `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `Node ${process.version}, ${os.platform()} ${os.release()}, load average at start ${load}`,
  ].join(', ');
}

async function main(): Promise<void> {
  if (!fs.existsSync(args.bbc)) {
    console.log(`skipped: scale benchmark — the BBC corpus is not at ${args.bbc}`);
    return;
  }
  const when = new Date().toISOString();
  const about = machine();
  fs.mkdirSync(benchCacheDir(), { recursive: true });

  // The queries come from the BBC corpus's vocabulary, so every size and engine answers the same ones.
  const bbc = await prepareCorpus(2225, args.bbc);
  const queries = makeQueries(readDocs(bbc.docsFile));
  const queriesFile = path.join(benchCacheDir(), 'queries.json');
  fs.writeFileSync(queriesFile, JSON.stringify(queries));
  log(
    `${queries.length} queries, e.g. ${queries
      .slice(0, 6)
      .map((q) => `«${q.lunr}»`)
      .join(' ')}`,
  );

  const missing = new Map<PeerName, string>();
  for (const engine of engines) {
    if (engine === 'offprint') continue;
    const why = unavailable(engine);
    if (why) {
      missing.set(engine, why);
      console.error(`skipped: ${engine} — ${why}`);
    }
  }

  const sections: string[] = [];
  for (const size of sizes) {
    let started = performance.now();
    const corpus = await prepareCorpus(size, args.bbc);
    log(
      `[${size}] corpus: ${corpus.count} articles in ${corpus.dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    started = performance.now();
    const problems = await checkWithImporter(corpus, 25);
    if (problems.length > 0) {
      throw new Error(`the importer does not read the ${size} corpus as generated:\n${problems.join('\n')}`);
    }
    log(
      `[${size}] importer check: 25 files read as generated (${(performance.now() - started).toFixed(0)} ms)`,
    );
    if (args['prepare-only']) continue;

    const results: SizeResult = { size, articles: corpus.count, engines: new Map() };
    for (const engine of engines) {
      const outcome = outcomeOf(results, engine);
      const why = engine === 'offprint' ? undefined : missing.get(engine);
      if (why) Object.assign(outcome, { status: 'skipped', reason: why });
    }
    for (let run = 1; run <= runs; run++) {
      for (const engine of engines) {
        const outcome = outcomeOf(results, engine);
        if (outcome.status !== 'ok') continue;
        log(`[${size}] run ${run}/${runs} ${engine}`);
        if (engine === 'offprint') await measureOffprint(corpus, outcome, queriesFile);
        else await measurePeer(engine, corpus, outcome, queriesFile);
      }
    }
    const peers = engines.filter((e): e is PeerName => e !== 'offprint');
    sections.push(renderSize(results, peers, args.word));
  }
  if (args['prepare-only']) return;

  const command = `npm run bench:scale -- ${process.argv.slice(2).join(' ')}`.trim();
  const report = [
    `## ${when}`,
    '',
    `${about}; commit ${commit()}`,
    '',
    `\`${command}\` (runs: ${runs}, timeout ${args.timeout} min per configuration, first query and CLI word «${args.word}»)`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  console.log(report);
  if (!args['no-write']) {
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    if (!fs.existsSync(RESULTS)) fs.writeFileSync(RESULTS, REPORT_PREAMBLE);
    fs.appendFileSync(RESULTS, `\n${report}`);
  }
}

await main();
