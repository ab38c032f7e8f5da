/**
 * The module graph has no cycle, and lint keeps it so: the repository's own ESLint config, run through ESLint's
 * Node API with only `import-x/no-cycle` (and the import layering rules) turned on, finds nothing in the real tree
 * and does find a cycle written for the test, static or hidden behind `await import()`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixtures-and-shared';

const CYCLE_RULE = 'import-x/no-cycle';

function linter(rules: string[]): ESLint {
  return new ESLint({ cwd: REPO, ruleFilter: ({ ruleId }) => rules.includes(ruleId) });
}

function messages(results: ESLint.LintResult[]): string[] {
  return results.flatMap((r) =>
    r.messages.map((m) => `${path.relative(REPO, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`),
  );
}

describe('the module graph', () => {
  let probe: string | null = null;
  afterEach(async () => {
    if (probe) await fs.rm(probe, { recursive: true, force: true });
    probe = null;
  });

  it('has no cycle in main/, common/ or renderer/', async () => {
    const results = await linter([CYCLE_RULE]).lintFiles(['main', 'common', 'renderer']);
    expect(results.length).toBeGreaterThan(100);
    expect(messages(results)).toEqual([]);
  });

  it('keeps import/ free of store/ and search/, and formats free of each other and of the pipeline', async () => {
    const results = await linter(['no-restricted-imports', 'no-restricted-syntax']).lintFiles([
      'main/library/import',
    ]);
    expect(messages(results)).toEqual([]);
  });

  // The probe is written under main/ so that the repository's config applies to it as to any source file.
  async function writeProbe(files: Record<string, string>): Promise<string[]> {
    probe = await fs.mkdtemp(path.join(REPO, 'main', 'cycle-probe-'));
    const written: string[] = [];
    for (const [name, text] of Object.entries(files)) {
      await fs.writeFile(path.join(probe, name), text);
      written.push(path.join(probe, name));
    }
    return written;
  }

  it('reports a two-file cycle', async () => {
    const files = await writeProbe({
      'a.ts': "import { b } from './b';\nexport const a = () => b();\n",
      'b.ts': "import { a } from './a';\nexport const b = (): unknown => a;\n",
    });
    const found = messages(await linter([CYCLE_RULE]).lintFiles(files));
    expect(found).toHaveLength(2);
    for (const line of found) expect(line).toContain(`${CYCLE_RULE}: Dependency cycle`);
  });

  it('reports a cycle hidden behind a dynamic import', async () => {
    const files = await writeProbe({
      'a.ts': "import { b } from './b';\nexport const a = () => b();\n",
      'b.ts': "export const b = async (): Promise<unknown> => (await import('./a')).a;\n",
    });
    const found = messages(await linter([CYCLE_RULE]).lintFiles(files));
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toMatch(/b\.ts:1 import-x\/no-cycle/);
  });
});
