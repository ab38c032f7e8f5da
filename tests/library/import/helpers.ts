/** Shared by the format tests: run inputs through the real pipeline (sniff + registry) and the real CLI. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../../main/library/import/extract';
import type { ImportOutcome } from '../../../main/library/import/importer';

export const REPO = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const FORMATS = path.join(REPO, 'tests', 'fixtures', 'formats');

export type Article = Extract<ImportOutcome, { kind: 'article' }>;

export async function importBytes(name: string, bytes: Uint8Array | string): Promise<ImportOutcome[]> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const out: ImportOutcome[] = [];
  for await (const o of extract(name, null, data)) out.push(o);
  return out;
}

export async function importFile(file: string): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for await (const o of extract(path.basename(file), file, null)) out.push(o);
  return out;
}

export function articles(outcomes: ImportOutcome[]): Article[] {
  return outcomes.filter((o): o is Article => o.kind === 'article');
}

export function only(outcomes: ImportOutcome[]): Article {
  const list = articles(outcomes);
  if (list.length !== 1 || outcomes.length !== 1)
    throw new Error(
      `expected one article, got ${JSON.stringify(outcomes.map((o) => (o.kind === 'failed' ? o : o.source)))}`,
    );
  return list[0]!;
}

export function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'offprint.mjs'), ...args], {
    encoding: 'utf8',
    cwd: REPO,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
