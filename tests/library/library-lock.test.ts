import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryLock, LOCK_FILE } from '../../main/library/store/library-lock';
import { REPO, removeDir, tempDir } from '../helpers/fixtures-and-shared';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => removeDir(dir));

/**
 * Starts `count` processes at once that each try to take the lock. Each answers once it has tried; the winner
 * holds on until every contender has answered, and only then are they all told to finish.
 */
async function contend(count: number): Promise<string[]> {
  const script = path.join(REPO, 'tests', 'helpers', 'lock-contender.ts');
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const answers = children.map(
    (child) =>
      new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        child.on('error', reject);
        child.on('exit', (code) => reject(new Error(`contender exited (${code}) before answering: ${out}`)));
      }),
  );
  try {
    return await Promise.all(answers);
  } finally {
    const exits = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of children) child.stdin.end();
    await Promise.all(exits);
  }
}

describe('the library lock', () => {
  it('lets exactly one of several processes starting together take it', async () => {
    const results = await contend(6);
    expect(results.filter((r) => r === 'got')).toHaveLength(1);
    expect(results.filter((r) => r.startsWith('refused: '))).toHaveLength(5);
  });

  it('lets exactly one of them take over a lock left by a dead process', async () => {
    const dead = { pid: 2 ** 22 + 4321, host: os.hostname(), since: '2020-01-01T00:00:00Z', nonce: 'dead' };
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify(dead));
    const results = await contend(6);
    expect(results.filter((r) => r === 'got')).toHaveLength(1);
  });

  it('treats a lock being written (unreadable, fresh) as held', async () => {
    await fs.writeFile(path.join(dir, LOCK_FILE), '');
    await expect(LibraryLock.acquire(dir)).rejects.toThrow(/being changed by another Offprint process/);
  });

  it('releases only its own lock', async () => {
    const lock = await LibraryLock.acquire(dir);
    const other = { pid: process.pid, host: os.hostname(), since: 'now', nonce: 'someone-else' };
    await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify(other));
    await lock.release();
    expect(JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')).nonce).toBe('someone-else');
  });
});
