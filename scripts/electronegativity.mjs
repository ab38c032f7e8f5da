// `npm run security`: Electronegativity (Doyensec's checks for Electron misconfigurations) over main/, failing on
// any finding not justified where it is. Electronegativity itself exits 0 whatever it finds, so this reads its
// SARIF file. A finding is justified by a comment on the flagged line or in the comment lines just above it:
//   // electronegativity: CHECK_NAME — why this is safe here
// Usage: node scripts/electronegativity.mjs [DIR] (default main/; a test points it at a folder of its own).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
// Looked up online; its advice is about Electron releases, not this code, and CI runs offline.
const EXCLUDED = 'AvailableSecurityFixesGlobalCheck';

/** The installed Electron's version: without it, the tool assumes v0.1.0 and judges defaults long changed. */
function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

function runTool(input, output) {
  const packageFile = require.resolve('@doyensec/electronegativity/package.json');
  const { bin } = JSON.parse(readFileSync(packageFile, 'utf8'));
  const cli = path.join(path.dirname(packageFile), typeof bin === 'string' ? bin : bin.electronegativity);
  const args = [cli, '-i', input, '-x', EXCLUDED, '-e', electronVersion(), '-o', output];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: root });
  if (run.status !== 0) {
    throw new Error(`electronegativity exited with ${run.status}: ${(run.stderr || run.stdout).trim()}`);
  }
}

/** A finding's file; global checks (no CSP at all, no navigation limits…) give `file:///`, i.e. no file. */
function toPath(uri) {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  return file === '/' ? '' : file;
}

/** Findings as {rule, message, file, line, column}, from the tool's SARIF output. */
function readFindings(sarifFile) {
  let sarif;
  try {
    sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  } catch (error) {
    throw new Error(`electronegativity wrote no readable report (${error.message})`);
  }
  return sarif.runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return {
        rule: result.ruleId,
        message: result.message?.text ?? '',
        file: toPath(location?.artifactLocation?.uri ?? ''),
        line: location?.region?.startLine ?? 0,
        column: location?.region?.startColumn ?? 0,
      };
    }),
  );
}

const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/;

/** The flagged line and the block of comment lines right above it: where a justification may stand. */
function nearbyComments(lines, line) {
  const near = [lines[line - 1] ?? ''];
  for (let at = line - 2; at >= 0 && COMMENT_LINE.test(lines[at]); at--) near.push(lines[at]);
  return near;
}

function isJustified(finding, sources) {
  if (!finding.file || finding.line < 1) return false;
  let lines = sources.get(finding.file);
  if (!lines) {
    try {
      lines = readFileSync(finding.file, 'utf8').split('\n');
    } catch {
      return false;
    }
    sources.set(finding.file, lines);
  }
  // The check's name, then a dash, then a reason: a bare name says nothing about why.
  const justification = new RegExp(`electronegativity:\\s*${finding.rule}\\s*[—–-]+\\s*\\S`);
  return nearbyComments(lines, finding.line).some((text) => justification.test(text));
}

function main() {
  const input = path.resolve(root, process.argv[2] ?? 'main');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'offprint-electronegativity-'));
  try {
    const report = path.join(scratch, 'report.sarif');
    runTool(input, report);
    const findings = readFindings(report);
    const sources = new Map();
    const open = findings.filter((finding) => !isJustified(finding, sources));
    // A global finding names no file: it cannot be justified, only fixed.
    const where = (f) => (f.file ? `${path.relative(root, f.file)}:${f.line}:${f.column}` : '(whole app)');
    for (const finding of open) console.error(`${where(finding)} ${finding.rule}: ${finding.message}`);
    const justified = findings.length - open.length;
    if (open.length > 0) {
      console.error(
        `electronegativity: ${open.length} finding(s) not justified (fix them, or add ` +
          `"// electronegativity: CHECK_NAME — why this is safe" at or just above the line)`,
      );
      process.exitCode = 1;
    } else {
      console.log(
        `electronegativity: no unjustified findings in ${path.relative(root, input) || input} (${justified} justified)`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(`electronegativity: ${error.message}`);
  process.exitCode = 1;
}
