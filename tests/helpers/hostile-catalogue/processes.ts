/**
 * Processes the catalogue needs beyond tests/helpers: the CLI with a time limit (a hostile input that stalls an
 * import must fail its case, not freeze the suite), a loopback canary server that counts every request made to
 * it, and a poller that keeps asking the server a trivial question and records how long each answer took.
 */
import { execFile, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { REPO } from '../temp-library';

export interface TimedCliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the command was killed at the time limit. */
  timedOut: boolean;
}

export function runCliWithin(args: string[], limitMs: number): Promise<TimedCliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO, 'bin', 'offprint.mjs'), ...args],
      { maxBuffer: 256 * 1024 * 1024, timeout: limitMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const killed = Boolean(error && (error as { killed?: boolean }).killed);
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr, timedOut: killed });
      },
    );
  });
}

/** Starts `offprint serve` with extra arguments and waits for it to print its URL or to exit. */
export function serveOutcome(
  args: string[],
  limitMs: number,
): Promise<{ exited: boolean; code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'offprint.mjs'), 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve) => {
    const finish = (exited: boolean, code: number | null) => {
      clearTimeout(timer);
      if (!exited) child.kill('SIGKILL');
      resolve({ exited, code, output });
    };
    const timer = setTimeout(() => finish(false, null), limitMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      if (/https?:\/\//.test(output)) finish(false, null);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => finish(true, code));
  });
}

export interface CanaryServer {
  origin: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startCanary(): Promise<CanaryServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Poller {
  answered: number;
  /** Requests that got no answer within `giveUpMs` (a stalled server), with when they were sent. */
  unanswered: string[];
  maxLatencyMs: number;
  stop(): Promise<void>;
}

/**
 * Sends one trivial API call at a time, back to back with a short pause, for as long as it runs. An answer that
 * takes longer than `giveUpMs` counts as unanswered: the server stalled. No latency bound is asserted; the
 * largest is reported.
 */
export function startPoller(serverUrl: string, giveUpMs: number, pauseMs = 25): Poller {
  const state: Poller = { answered: 0, unanswered: [], maxLatencyMs: 0, stop: async () => {} };
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${serverUrl}api/libraryInfo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
          signal: AbortSignal.timeout(giveUpMs),
        });
        await response.arrayBuffer();
        state.answered++;
        state.maxLatencyMs = Math.max(state.maxLatencyMs, performance.now() - started);
      } catch {
        state.unanswered.push(new Date().toISOString());
      }
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  })();
  state.stop = async () => {
    running = false;
    await loop;
  };
  return state;
}
