/** Runs the real `offprint serve` as a child process on a free port and returns the URL it prints. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO } from './temp-library';

export interface ServeProcess {
  url: string;
  stop(): Promise<void>;
}

/** `extra` are more `serve` options (`--token T`); the URL answered is the one to open, with `?token=` then. */
export function startServe(library: string, extra: string[] = []): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(REPO, 'bin', 'offprint.mjs'),
      'serve',
      '--library',
      library,
      '--port',
      '0',
      '--json',
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) {
        const { url } = JSON.parse(line) as { url: string };
        resolve({
          url,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
              // A server stalled by a hostile query cannot run its SIGTERM handler: do not wait for ever.
              setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`offprint serve exited with ${code}: ${stderr}`)));
  });
}
