/**
 * docs/hostile-inputs.md shows the catalogue of tests/helpers/hostile-catalogue as a table: generated from the
 * same list, so the two cannot drift. `UPDATE_HOSTILE_DOC=1 npx vitest run tests/docs` rewrites the table.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { allCaseNames, catalogueTable, INPUT_CASES } from '../helpers/hostile-catalogue/index';
import { REPO } from '../helpers/temp-library';

const DOC = path.join(REPO, 'docs', 'hostile-inputs.md');
const START = '<!-- catalogue:start (generated from tests/helpers/hostile-catalogue) -->';
const END = '<!-- catalogue:end -->';

/** The cells of each table row, separator rows left out: Prettier pads the cells, the content stays. */
function rows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)));
}

describe('the hostile inputs catalogue', () => {
  it('has at least 60 inputs, each named once', () => {
    expect(INPUT_CASES.length).toBeGreaterThanOrEqual(60);
    const names = allCaseNames();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('is the table in docs/hostile-inputs.md, every case listed', async () => {
    const doc = await fs.readFile(DOC, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const table = catalogueTable();
    if (process.env.UPDATE_HOSTILE_DOC) {
      const text = `${doc.slice(0, start + START.length)}\n\n${table}\n\n${doc.slice(end)}`;
      const options = await prettier.resolveConfig(DOC);
      await fs.writeFile(DOC, await prettier.format(text, { ...options, filepath: DOC }));
      return;
    }
    expect(rows(doc.slice(start + START.length, end))).toEqual(rows(table));
    for (const name of allCaseNames()) expect(doc).toContain(`\`${name}\``);
  });
});
