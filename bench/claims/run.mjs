// Breaks each README safety claim on purpose, one at a time, and checks that its guarding test fails.
// Each entry of breaks.json names the claim, exact text replacements (`edits`) in one source file, and the test file
// that must then fail. The source is restored after every run (and on SIGINT or SIGTERM), so the tree is left as found.
// Usage: node bench/claims/run.mjs [substring of a claim]   — writes bench/results/claims.md (a full run), or
// updates the rows of the claims it ran there (a partial run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const breaks = JSON.parse(fs.readFileSync(path.join(root, 'bench/claims/breaks.json'), 'utf8'));
const only = process.argv[2];
const chosen = only ? breaks.filter((b) => b.claim.includes(only)) : breaks;

let restore = null;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    restore?.();
    process.exit(130);
  });

function runTest(test, extra) {
  const r = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', test, '--maxWorkers=1', '--reporter=dot', ...extra],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  const summary = /Tests\s+(.*)/.exec(r.stdout.replace(/\x1b\[[0-9;]*m/g, ''))?.[1]?.trim() ?? '';
  return { passed: r.status === 0, summary };
}

const rows = [];
for (const b of chosen) {
  const file = path.join(root, b.file);
  const original = fs.readFileSync(file, 'utf8');
  let broken = original;
  const missing = b.edits.find(([find]) => {
    const at = broken.indexOf(find);
    if (at < 0 || broken.indexOf(find, at + 1) >= 0) return true;
    broken = broken.replace(find, () => b.edits.find((e) => e[0] === find)[1]);
    return false;
  });
  if (missing) {
    rows.push({ ...b, result: 'BREAK NOT APPLIED (text not found exactly once)' });
    console.log(`! ${b.claim}: ${JSON.stringify(missing[0])} not found exactly once in ${b.file}`);
    continue;
  }
  restore = () => fs.writeFileSync(file, original);
  fs.writeFileSync(file, broken);
  let outcome;
  try {
    if (b.build) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
    outcome = runTest(b.test, b.testArgs ?? []);
  } finally {
    restore();
    restore = null;
    if (b.build) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
  }
  const result = outcome.passed ? 'NOT CAUGHT' : `caught (${outcome.summary})`;
  rows.push({ ...b, result });
  console.log(`${outcome.passed ? '✗' : '✓'} ${b.claim}: ${result}`);
}

const caught = rows.filter((r) => r.result.startsWith('caught')).length;
console.log(`${caught} of ${rows.length} deliberate breaks caught`);
const row = (r) =>
  `| ${r.claim} | ${r.why ?? ''} (\`${r.file}\`) | \`${r.test}\` | ${r.result.replaceAll('|', '\\|')} |`;
const report = path.join(root, 'bench/results/claims.md');
if (only && fs.existsSync(report)) {
  // A partial run updates its rows of the last full run's table, saying when.
  const day = new Date().toISOString().slice(0, 10);
  let text = fs.readFileSync(report, 'utf8');
  for (const r of rows) {
    const at = text.split('\n').findIndex((line) => line.startsWith(`| ${r.claim} |`));
    const lines = text.split('\n');
    if (at >= 0) lines[at] = row({ ...r, result: `${r.result} (re-run ${day})` });
    text = lines.join('\n');
  }
  const all = text.split('\n').filter((line) => /^\| .* \| (caught|NOT CAUGHT|BREAK)/.test(line));
  const total = all.filter((line) => / \| caught/.test(line)).length;
  fs.writeFileSync(
    report,
    text.replace(/\*\*\d+ of \d+ caught\.\*\*/, `**${total} of ${all.length} caught.**`),
  );
}
if (!only) {
  const lines = [
    '# Safety claims broken on purpose',
    '',
    `Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}: ` +
      `\`node bench/claims/run.mjs\` applied each break in \`bench/claims/breaks.json\` alone and ran its test.`,
    '',
    `**${caught} of ${rows.length} caught.**`,
    '',
    '| Claim | Break (file) | Guarding test | Result |',
    '| --- | --- | --- | --- |',
    ...rows.map(row),
    '',
  ];
  fs.writeFileSync(path.join(root, 'bench/results/claims.md'), lines.join('\n'));
}
process.exit(caught === rows.length ? 0 : 1);
