/**
 * The catalogue of hostile and broken inputs (issue 8): every case with its expected outcome, one file per
 * family. `writeCatalogue` generates the inputs into a folder at test time; `catalogueTable` is the Markdown
 * table of docs/hostile-inputs.md, which a test keeps in step with this list.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_CASES } from './archives';
import type { CatalogueContext, HostileCase, QueryCase } from './case';
import { ENCODING_CASES } from './encodings';
import { FORMAT_MARKUP_CASES } from './markup-formats';
import { MARKUP_CASES } from './markup';
import { METADATA_CASES } from './metadata';
import { QUERY_CASES } from './queries';
import { RESOURCE_CASES } from './resources';
import { SERVER_CASES, type ServerCase } from './server-cases';
import { SIZE_CASES } from './sizes';

export const INPUT_CASES: HostileCase[] = [
  ...MARKUP_CASES,
  ...FORMAT_MARKUP_CASES,
  ...RESOURCE_CASES,
  ...ARCHIVE_CASES,
  ...ENCODING_CASES,
  ...METADATA_CASES,
  ...SIZE_CASES,
];

export { QUERY_CASES, SERVER_CASES };
export type { HostileCase, QueryCase, ServerCase };

/** Writes every input case into `<root>/<case name>/` and returns the paths to import, per case. */
export async function writeCatalogue(
  root: string,
  ctx: CatalogueContext,
  cases: HostileCase[] = INPUT_CASES,
): Promise<Map<string, string[]>> {
  const paths = new Map<string, string[]>();
  for (const c of cases) {
    const dir = path.join(root, c.name);
    await fs.mkdir(dir, { recursive: true });
    paths.set(c.name, await c.write(dir, ctx));
  }
  return paths;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The Markdown table of every case (inputs, server edges, queries) and its expected outcome. */
export function catalogueTable(): string {
  const rows: string[][] = [
    ...INPUT_CASES.map((c) => [c.name, c.family + (c.heavy ? ' (heavy)' : ''), c.input, c.expected]),
    ...SERVER_CASES.map((c) => [c.name, 'server', c.input, c.expected]),
    ...QUERY_CASES.map((c) => [c.name, 'queries', c.input, c.expected]),
  ];
  const lines = [
    '| # | case | family | input | expected outcome |',
    '| - | ---- | ------ | ----- | ---------------- |',
    ...rows.map((r, i) => `| ${i + 1} | \`${r[0]}\` | ${cell(r[1]!)} | ${cell(r[2]!)} | ${cell(r[3]!)} |`),
  ];
  return lines.join('\n');
}

export function allCaseNames(): string[] {
  return [...INPUT_CASES, ...SERVER_CASES, ...QUERY_CASES].map((c) => c.name);
}
