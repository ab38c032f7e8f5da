/**
 * The README's "a crash leaves either the old file or the new one" rests on one order: write a temporary file
 * beside the target, fsync it, rename it over the target, fsync the folder. Writing in place, skipping the fsync
 * or renaming before it would each pass a test that only reads the file back, so this one watches the real
 * system calls (strace, on a child process) and the inode the target ends up with.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileDurable } from '../../main/library/store/durable-write';
import { REPO, removeDir, tempDir } from '../helpers/temp-library';

const HAS_STRACE = spawnSync('strace', ['-V']).status === 0;
if (!HAS_STRACE) console.log('skipped: the durable-write order test needs strace (Debian package `strace`)');

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => removeDir(dir));

/** The calls on paths under `dir` and on the descriptors opened for them, in order, as `call path`. */
function traceWrite(target: string, text: string): string[] {
  const log = path.join(dir, 'trace.log');
  const r = spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-e',
      'trace=openat,write,pwrite64,fsync,fdatasync,rename,renameat,renameat2',
      '-o',
      log,
      process.execPath,
      '--import',
      'tsx',
      path.join(REPO, 'tests/helpers/durable-write-child.ts'),
      target,
      text,
    ],
    { cwd: REPO, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return parseTrace(spawnSync('cat', [log], { encoding: 'utf8' }).stdout, dir);
}

/**
 * strace splits a call that another thread interrupts into `PID call(args <unfinished ...>` and, later,
 * `PID <... call resumed>rest`: on a busy machine the pool threads' calls interleave. Joined, each is one line.
 */
function joinResumed(trace: string): string[] {
  const open = new Map<string, string>();
  const lines: string[] = [];
  for (const line of trace.split('\n')) {
    const unfinished = /^(\d+)\s+(.*) <unfinished \.\.\.>$/.exec(line);
    if (unfinished) {
      open.set(unfinished[1]!, `${unfinished[1]} ${unfinished[2]}`);
      continue;
    }
    const resumed = /^(\d+)\s+<\.\.\. \w+ resumed>(.*)$/.exec(line);
    if (resumed && open.has(resumed[1]!)) {
      lines.push(open.get(resumed[1]!)! + resumed[2]);
      open.delete(resumed[1]!);
      continue;
    }
    lines.push(line);
  }
  return lines;
}

function parseTrace(trace: string, under: string): string[] {
  const fds = new Map<string, string>(); // "pid:fd" → path; the pool threads share the process's descriptors
  const calls: string[] = [];
  for (const line of joinResumed(trace)) {
    const m = /^(\d+)\s+(\w+)\((.*)\)\s+=\s+(-?\d+)/.exec(line);
    if (!m) continue;
    const [, , call, args, result] = m as unknown as [string, string, string, string, string];
    const paths = [...args.matchAll(/"([^"]*)"/g)].map((p) => p[1]!);
    if (call === 'openat') {
      if (paths[0]?.startsWith(under) && Number(result) >= 0) {
        fds.set(result, paths[0]);
        calls.push(`open ${paths[0]}${/O_CREAT/.test(args) ? ' (create)' : ''}`);
      }
    } else if (call.startsWith('rename')) {
      if (paths.some((p) => p.startsWith(under))) calls.push(`rename ${paths[0]} -> ${paths[1]}`);
    } else {
      const file = fds.get(/^(\d+)/.exec(args)?.[1] ?? '');
      if (file) calls.push(`${call === 'pwrite64' ? 'write' : call} ${file}`);
    }
  }
  // Consecutive writes to one file are one step.
  return calls.filter((c, i) => !(c.startsWith('write ') && calls[i - 1] === c));
}

describe('writeFileDurable', () => {
  it.skipIf(!HAS_STRACE)(
    'writes a temporary file, fsyncs it, renames it over the target, fsyncs the folder',
    async () => {
      const target = path.join(dir, 'catalog.json');
      await fs.writeFile(target, 'old');
      const calls = traceWrite(target, 'new contents');
      const temp = /^open (.*\.tmp) \(create\)$/.exec(calls[0] ?? '')?.[1];
      expect(temp, calls.join('\n')).toBeDefined();
      expect(path.dirname(temp!)).toBe(dir);
      expect(calls).toEqual([
        `open ${temp} (create)`,
        `write ${temp}`,
        // fsyncFile opens the temporary file again to flush it
        ...(calls[2] === `open ${temp}` ? [`open ${temp}`] : []),
        `fsync ${temp}`,
        `rename ${temp} -> ${target}`,
        `open ${dir}`,
        `fsync ${dir}`,
      ]);
      expect(await fs.readFile(target, 'utf8')).toBe('new contents');
      expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('replaces the file rather than writing into it: a reader of the old file keeps the old bytes', async () => {
    const target = path.join(dir, 'article.json');
    await fs.writeFile(target, 'the old article');
    const before = await fs.stat(target);
    const reader = await fs.open(target, 'r');
    try {
      await writeFileDurable(target, 'the new article, longer');
      const after = await fs.stat(target);
      expect(after.ino).not.toBe(before.ino);
      const held = Buffer.alloc(64);
      const { bytesRead } = await reader.read(held, 0, 64, 0);
      expect(held.subarray(0, bytesRead).toString()).toBe('the old article');
      expect(await fs.readFile(target, 'utf8')).toBe('the new article, longer');
    } finally {
      await reader.close();
    }
  });
});
