/**
 * The kill harness: runs one library operation in a child process (child.ts, bundled with the real library
 * code) under strace, and kills it with SIGKILL at one mutating file operation, chosen by strace's fault
 * injection (`-e inject=SYSCALL:signal=KILL:when=N`), then checks what the next open finds.
 *
 * strace counts `when=N` per thread and per syscall. With UV_THREADPOOL_SIZE=1 every asynchronous file
 * operation of the process runs on one pool thread, so a dry run lists that thread's calls in order; each of
 * them that changes the library (a write, fsync, rename, link, unlink, mkdir, or an open for writing of a path
 * inside it) becomes a kill point (syscall, its number among that thread's calls of that syscall). Module
 * loads of the worker share the pool thread and may shift a call by a few places from run to run: the kill
 * run's own trace says which call was actually killed, and that is what is reported.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { REPO } from '../helpers/temp-library';

export const MUTATING = [
  'write',
  'pwrite64',
  'fsync',
  'fdatasync',
  'rename',
  'renameat',
  'renameat2',
  'unlink',
  'unlinkat',
  'mkdir',
  'mkdirat',
  'ftruncate',
  'link',
  'linkat',
  'symlink',
  'openat',
];

/** Where the child is bundled (OFFPRINT_CRASH_CHILD_DIR lets two runs go side by side). */
const CHILD_DIR = process.env.OFFPRINT_CRASH_CHILD_DIR ?? path.join(REPO, 'dist', 'crash-child');
const CHILD = path.join(CHILD_DIR, 'child.js');

export interface KillPoint {
  syscall: string;
  n: number;
  /** The call as the dry run saw it. */
  call: string;
}

export interface KillRun {
  killed: boolean;
  /** The call the kill landed on (from the kill run's trace), or null when the run ended on its own. */
  killedAt: string | null;
}

/**
 * Bundles child.ts and the library worker beside it (the library finds the worker next to its code), split into
 * chunks as the CLI's build is: the child then loads what its operation needs, not jsdom in every thread. The
 * harness runs the child twice per kill point, so its start-up is most of what the crash test costs.
 */
export async function bundleChild(): Promise<void> {
  const { build } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const external = Object.keys(pkg.dependencies).flatMap((n) => [n, `${n}/*`]);
  await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    logLevel: 'warning',
    absWorkingDir: REPO,
    entryPoints: {
      child: path.join(REPO, 'tests/crash/child.ts'),
      'library-worker': path.join(REPO, 'main/library/worker.ts'),
    },
    outdir: CHILD_DIR,
    splitting: true,
  });
}

const childEnv = { ...process.env, UV_THREADPOOL_SIZE: '1', UV_USE_IO_URING: '0' };

function run(
  args: string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('strace', args, { env: childEnv, maxBuffer: 16 * 1024 * 1024 }, (_e, _o, stderr) =>
      resolve({ code: child.exitCode, signal: child.signalCode, stderr }),
    );
  });
}

/** Runs the child without strace (to prepare a library, or to run the operation again after a kill). */
export function runChild(
  operation: string,
  library: string,
  inputs: string[],
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CHILD, operation, library, ...inputs],
      { env: childEnv },
      (_e, _o, stderr) => resolve({ code: child.exitCode, stderr }),
    );
  });
}

/** One line of `strace -f -y` output: thread, syscall and the rest. */
const LINE = /^(\d+)\s+(\w+)\((.*)$/;

function mutatesLibrary(syscall: string, rest: string, library: string): boolean {
  if (!rest.includes(library)) return false;
  if (syscall === 'openat') return /O_WRONLY|O_RDWR|O_CREAT/.test(rest);
  return true;
}

/** Runs the operation once under strace without killing it, and lists the kill points. */
export async function dryRun(
  operation: string,
  library: string,
  inputs: string[],
  log: string,
): Promise<KillPoint[]> {
  const result = await run([
    '-f',
    '-y',
    '-o',
    log,
    '-e',
    `trace=${MUTATING.join(',')}`,
    process.execPath,
    CHILD,
    operation,
    library,
    ...inputs,
  ]);
  if (result.code !== 0) throw new Error(`the dry run of ${operation} failed: ${result.stderr}`);
  const lines = (await fs.readFile(log, 'utf8')).split('\n');
  // Resumed calls (`<... write resumed>`) keep their place: strace counts a call when it enters.
  const calls = lines.flatMap((line) => {
    const m = LINE.exec(line);
    return m ? [{ tid: m[1]!, syscall: m[2]!, rest: m[3]! }] : [];
  });
  const touching = new Map<string, number>();
  for (const c of calls)
    if (mutatesLibrary(c.syscall, c.rest, library)) touching.set(c.tid, (touching.get(c.tid) ?? 0) + 1);
  const pool = [...touching.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const counts = new Map<string, number>();
  const points: KillPoint[] = [];
  for (const c of calls) {
    if (c.tid !== pool) continue;
    const n = (counts.get(c.syscall) ?? 0) + 1;
    counts.set(c.syscall, n);
    if (mutatesLibrary(c.syscall, c.rest, library))
      points.push({ syscall: c.syscall, n, call: shorten(`${c.syscall}(${c.rest}`, library) });
  }
  return points;
}

/** Runs the operation and kills it at the point's call. */
export async function killAt(
  point: KillPoint,
  operation: string,
  library: string,
  inputs: string[],
  log: string,
): Promise<KillRun> {
  const result = await run([
    '-f',
    '-y',
    '-o',
    log,
    '-e',
    `trace=${point.syscall}`,
    '-e',
    `inject=${point.syscall}:signal=KILL:when=${point.n}`,
    process.execPath,
    CHILD,
    operation,
    library,
    ...inputs,
  ]);
  const text = await fs.readFile(log, 'utf8').catch(() => '');
  const killedLine = text
    .split('\n')
    .find(
      (line) =>
        LINE.test(line) && /( = \?| <unfinished \.\.\.>)$/.test(line) && line.includes(`${point.syscall}(`),
    );
  const killed = result.signal === 'SIGKILL' || result.code === 137 || /killed by SIGKILL/.test(text);
  const m = killedLine ? LINE.exec(killedLine) : null;
  return { killed, killedAt: m ? shorten(`${m[2]}(${m[3]}`, library) : null };
}

function shorten(call: string, library: string): string {
  return call
    .split(library)
    .join('LIB')
    .replace(/\s+(= .*|<unfinished \.\.\.>)$/, '')
    .slice(0, 160);
}

/** Every file under `dir` whose name marks it as temporary (or a lock moved aside). */
export async function temporaryFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (/\.(tmp|stale)$/.test(entry.name)) found.push(path.relative(dir, p));
    }
  };
  await walk(dir);
  return found;
}

/** Runs `tasks` with at most `width` at once. */
export async function inParallel<T>(
  items: T[],
  width: number,
  task: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
}
