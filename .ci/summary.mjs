// Prints the closing line CI reads ("Tests: N passed, N failed, N skipped") from Vitest's JSON report.
import { readFileSync } from 'node:fs';

const report = JSON.parse(
  readFileSync(new URL('../test-artifacts/vitest-report.json', import.meta.url), 'utf8'),
);
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
