/**
 * `offprint cite`, `offprint export` and `offprint backup` through the built command, and the restore through
 * `offprint import FILE.zip`: what each writes to stdout and to disk, and the usage errors (exit code 2).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir, writeFixtures } from '../helpers/fixtures-and-shared';
import { runCli } from '../helpers/run-cli';

let root: string;
let lib: string;
let ids: string[];

beforeAll(async () => {
  root = await tempDir('offprint-cli-export-');
  lib = path.join(root, 'lib');
  await writeFixtures(path.join(root, 'inputs'));
  const imported = await runCli(['import', '--library', lib, path.join(root, 'inputs'), '--json']);
  ids = (JSON.parse(imported.stdout) as { imported: Array<{ id: string }> }).imported.map((i) => i.id).sort();
});
afterAll(() => removeDir(root));

describe('offprint cite', () => {
  it('prints a formatted reference by default, BibTeX or CSL-JSON on request, and the citation with --json', async () => {
    const apa = await runCli(['cite', '--library', lib, ids[0]!]);
    expect(apa.code).toBe(0);
    expect(apa.stdout).toMatch(/\(\d{4}, [A-Z][a-z]+ \d+\)\.|\(n\.d\.\)\./);
    const bibtex = await runCli(['cite', '--library', lib, ids[0]!.slice(0, 8), '--format', 'bibtex']);
    expect(bibtex.stdout).toMatch(/^@(article|misc)\{[a-z0-9]+,\n/);
    const csl = await runCli(['cite', '--library', lib, ...ids, '--format', 'csl-json']);
    expect((JSON.parse(csl.stdout) as unknown[]).length).toBe(ids.length);
    const asJson = await runCli(['cite', '--library', lib, ids[0]!, '--format', 'ris', '--json']);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      format: 'ris',
      mediaType: 'application/x-research-info-systems',
      html: null,
    });
  });

  it('refuses an unknown format and a missing id as usage errors', async () => {
    const bad = await runCli(['cite', '--library', lib, ids[0]!, '--format', 'mla']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/format/);
    expect((await runCli(['cite', '--library', lib])).code).toBe(2);
  });
});

describe('offprint export', () => {
  it('writes one article to one file, several to a zip, a search to JSON; never replaces a file', async () => {
    const out = path.join(root, 'one.md');
    const one = await runCli(['export', '--library', lib, ids[0]!, '--format', 'markdown', '--out', out]);
    expect(one.code).toBe(0);
    expect(await fs.readFile(out, 'utf8')).toMatch(/^---\ntitle: /);
    const again = await runCli(['export', '--library', lib, ids[0]!, '--format', 'markdown', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; not replaced/);

    const zip = path.join(root, 'all.zip');
    const several = await runCli([
      'export',
      '--library',
      lib,
      ...ids,
      '--format',
      'html',
      '--out',
      zip,
      '--json',
    ]);
    expect(JSON.parse(several.stdout)).toMatchObject({
      path: zip,
      mediaType: 'application/zip',
      articles: ids.length,
    });
    expect((await fs.readFile(zip)).subarray(0, 2).toString()).toBe('PK');

    const hits = path.join(root, 'hits.json');
    const search = await runCli([
      'export',
      '--library',
      lib,
      '--query',
      'goal',
      '--format',
      'json',
      '--out',
      hits,
    ]);
    expect(search.code).toBe(0);
    const exported = JSON.parse(await fs.readFile(hits, 'utf8')) as Array<{ article: { title: string } }>;
    expect(exported.map((e) => e.article.title)).toEqual(['Late goal wins the cup final']);
  });

  it('requires a format', async () => {
    const r = await runCli(['export', '--library', lib, ids[0]!]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format markdown\|html\|json/);
  });
});

describe('offprint backup and restore', () => {
  it('backs up to a zip that `offprint import` restores into a new library', async () => {
    const zip = path.join(root, 'backup.zip');
    const backup = await runCli(['backup', '--library', lib, zip, '--json']);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toEqual({
      path: zip,
      articles: ids.length,
      bytes: (await fs.stat(zip)).size,
    });
    const inside = await runCli(['backup', '--library', lib, path.join(lib, 'b.zip')]);
    expect(inside.code).toBe(2); // a path the library refuses is bad usage
    expect(inside.stderr).toMatch(/inside the library folder/);

    const restored = path.join(root, 'restored');
    const imported = await runCli(['import', '--library', restored, zip, '--json']);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as { imported: Array<{ id: string }>; failed: unknown[] };
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => i.id).sort()).toEqual(ids);
    const list = await runCli(['list', '--library', restored, '--json']);
    expect((JSON.parse(list.stdout) as Array<{ id: string }>).map((a) => a.id).sort()).toEqual(ids);
  });

  it('is in the help', async () => {
    const help = await runCli(['--help']);
    for (const line of ['cite ID…', 'export ID…', 'backup FILE', '--query Q'])
      expect(help.stdout).toContain(line);
  });
});
