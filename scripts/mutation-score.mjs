// The mutation score over all of main/library and both sanitizing layers, from the groups' recorded runs (the
// incremental files in bench/results/, which keep every mutant's last status). Each file counts once, from the
// group that mutates it now; a file whose recorded source differs from today's is marked stale (its mutants were
// tested against older code); a file no group has run counts as not measured. Usage:
//   node scripts/mutation-score.mjs            a Markdown table per group and the totals
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPS } from './mutate-groups.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SANITIZERS = ['common/sanitize-policy.ts', 'renderer/dom/sanitize-article.ts'];
// Thread entry points (no mutant is ever active there: stryker.config.mjs leaves them out) and type-only files.
const NOT_MUTATED = new Set(['main/library/worker.ts', 'main/library/search/search-thread.ts']);

function sourceFiles(dir) {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Each file's mutants as its group's last run recorded them, and whether that run saw today's source. */
function recorded(group, file) {
  const incremental = path.join(root, 'bench', 'results', `stryker-incremental-${group}.json`);
  if (!fs.existsSync(incremental)) return null;
  const entry = JSON.parse(fs.readFileSync(incremental, 'utf8')).files[file];
  if (!entry) return null;
  const today = fs.readFileSync(path.join(root, file), 'utf8');
  return { mutants: entry.mutants, stale: entry.source !== today };
}

const groupOf = new Map(Object.entries(GROUPS).flatMap(([g, { mutate }]) => mutate.map((f) => [f, g])));
const files = [...sourceFiles('main/library'), ...SANITIZERS].filter((f) => !NOT_MUTATED.has(f));
const lines = (f) => fs.readFileSync(path.join(root, f), 'utf8').split('\n').length;

const perGroup = new Map();
const unmeasured = [];
const stale = [];
let totalLines = 0;
let measuredLines = 0;
for (const file of files) {
  totalLines += lines(file);
  const group = groupOf.get(file);
  const run = group ? recorded(group, file) : null;
  if (!run) {
    unmeasured.push(`${file} (${group ? `group ${group}, not run` : 'no group'})`);
    continue;
  }
  measuredLines += lines(file);
  if (run.stale) stale.push(file);
  const counts = perGroup.get(group) ?? { detected: 0, undetected: 0, files: 0 };
  counts.files += 1;
  for (const m of run.mutants) {
    if (DETECTED.has(m.status)) counts.detected += 1;
    else if (UNDETECTED.has(m.status)) counts.undetected += 1;
  }
  perGroup.set(group, counts);
}

const pct = (d, u) => (d + u === 0 ? '–' : `${((100 * d) / (d + u)).toFixed(1)} %`);
console.log('| group | files run | killed or timed out | survived or not covered | score |');
console.log('| --- | --- | --- | --- | --- |');
let detected = 0;
let undetected = 0;
for (const [group, c] of perGroup) {
  detected += c.detected;
  undetected += c.undetected;
  console.log(
    `| ${group} | ${c.files} | ${c.detected} | ${c.undetected} | ${pct(c.detected, c.undetected)} |`,
  );
}
console.log(
  `| **all** | ${files.length - unmeasured.length} of ${files.length} | ${detected} | ${undetected} | **${pct(detected, undetected)}** |`,
);
console.log(
  `\nLines in files with a recorded run: ${measuredLines} of ${totalLines} (${((100 * measuredLines) / totalLines).toFixed(1)} %).`,
);
if (stale.length > 0)
  console.log(`\nRecorded against older source (re-run to refresh): ${stale.join(', ')}.`);
if (unmeasured.length > 0) console.log(`\nNot measured: ${unmeasured.join('; ')}.`);
