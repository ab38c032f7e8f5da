/**
 * Runs the real `offprint` command in a child process, as a person or a script would: bin/offprint.mjs, which
 * runs the build in dist/cli (built before the tests by tests/helpers/build-cli.ts).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO } from './temp-library';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  bin = path.join(REPO, 'bin', 'offprint.mjs'),
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
