// The mutation score over all of main/library and both sanitizing layers, from the groups' recorded runs (the
// incremental files in bench/results/, which keep every mutant's last status). Each file counts once, from the
// group that mutates it now; a file whose recorded source differs from today's is marked stale (its mutants were
// tested against older code). A file with no full run but a sampled one (scripts/mutate-sample.mjs, recorded as
// GROUP-sample) counts in a second table, an estimate with its 95 % interval; a file with neither counts as not
// measured. Usage:
//   node scripts/mutation-score.mjs            a Markdown table per group and the totals
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPS } from './mutate-groups.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SANITIZERS = ['common/sanitize-policy.ts', 'renderer/dom/sanitize-article.ts'];
// Thread entry points (no mutant is ever active there: stryker.config.mjs leaves them out) and type-only files.
const NOT_MUTATED = new Set([
  'main/library/worker.ts',
  'main/library/search/search-thread.ts',
  'main/library/worker-protocol.ts',
  'main/library/search/search-thread-protocol.ts',
]);

function sourceFiles(dir) {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** A run's incremental file, parsed once however many of its files are asked for (they run to megabytes). */
const incrementals = new Map();
function incrementalOf(run) {
  if (!incrementals.has(run)) {
    const file = path.join(root, 'bench', 'results', `stryker-incremental-${run}.json`);
    incrementals.set(run, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
  }
  return incrementals.get(run);
}

/** Each file's mutants as its group's last run recorded them, and whether that run saw today's source. */
function recorded(run, file) {
  const entry = incrementalOf(run)?.files[file];
  if (!entry) return null;
  const today = fs.readFileSync(path.join(root, file), 'utf8');
  return { mutants: entry.mutants, stale: entry.source !== today };
}

const groupOf = new Map(Object.entries(GROUPS).flatMap(([g, { mutate }]) => mutate.map((f) => [f, g])));
const files = [...sourceFiles('main/library'), ...SANITIZERS].filter((f) => !NOT_MUTATED.has(f));
const lines = (f) => fs.readFileSync(path.join(root, f), 'utf8').split('\n').length;

const full = new Map();
const sampled = new Map();
const unmeasured = [];
const stale = [];
let totalLines = 0;
let fullLines = 0;
let sampledLines = 0;

function count(table, group, mutants) {
  const counts = table.get(group) ?? { detected: 0, undetected: 0, files: 0 };
  counts.files += 1;
  for (const m of mutants) {
    if (DETECTED.has(m.status)) counts.detected += 1;
    else if (UNDETECTED.has(m.status)) counts.undetected += 1;
  }
  table.set(group, counts);
}

for (const file of files) {
  totalLines += lines(file);
  const group = groupOf.get(file);
  const run = group ? recorded(group, file) : null;
  const sample = group && !run ? recorded(`${group}-sample`, file) : null;
  if (run) {
    fullLines += lines(file);
    if (run.stale) stale.push(file);
    count(full, group, run.mutants);
  } else if (sample) {
    sampledLines += lines(file);
    if (sample.stale) stale.push(file);
    count(sampled, group, sample.mutants);
  } else unmeasured.push(`${file} (${group ? `group ${group}, not run` : 'no group'})`);
}

const pct = (d, u) => (d + u === 0 ? '–' : `${((100 * d) / (d + u)).toFixed(1)} %`);

/** Wilson's 95 % interval for a proportion: honest at the small counts a sample has. */
function interval(d, u) {
  const n = d + u;
  if (n === 0) return '–';
  const z = 1.96;
  const p = d / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return `${(100 * (centre - half)).toFixed(1)}–${(100 * (centre + half)).toFixed(1)} %`;
}

function table(title, runs, withInterval) {
  console.log(`${title}\n`);
  const extraHead = withInterval ? ' 95 % interval |' : '';
  console.log(`| group | files | killed or timed out | survived or not covered | score |${extraHead}`);
  console.log(`| --- | --- | --- | --- | --- |${withInterval ? ' --- |' : ''}`);
  const sum = { detected: 0, undetected: 0, files: 0 };
  for (const [group, c] of [...runs, ['**all**', null]]) {
    const row = c ?? sum;
    if (c) for (const key of Object.keys(sum)) sum[key] += c[key];
    const range = withInterval ? ` ${interval(row.detected, row.undetected)} |` : '';
    console.log(
      `| ${group} | ${row.files} | ${row.detected} | ${row.undetected} | ${pct(row.detected, row.undetected)} |${range}`,
    );
  }
  console.log('');
  return sum;
}

const whole = table('Full runs (every mutant of each file):', full, false);
const part = sampled.size > 0 ? table('Sampled runs (files with no full run):', sampled, true) : null;
const share = (n) => `${n} of ${totalLines} lines (${((100 * n) / totalLines).toFixed(1)} %)`;
console.log(`Files with a full run: ${share(fullLines)}; sampled only: ${share(sampledLines)}.`);
if (part) {
  // Each part weighted by its share of the lines: a sampled file stands for all of its mutants.
  const score = (r) => r.detected / (r.detected + r.undetected);
  const weighted = (fullLines * score(whole) + sampledLines * score(part)) / (fullLines + sampledLines);
  console.log(`Score over both, each weighted by its lines: ${(100 * weighted).toFixed(1)} %.`);
}
if (stale.length > 0)
  console.log(`\nRecorded against older source (re-run to refresh): ${stale.join(', ')}.`);
if (unmeasured.length > 0) console.log(`\nNot measured: ${unmeasured.join('; ')}.`);
