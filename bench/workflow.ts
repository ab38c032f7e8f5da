/**
 * The researcher's workflow at library scale (issue 10), on the BBC corpus (2,225 articles): how long a user
 * edit takes until search reflects it, and what citations, export and backup cost. Peers in the same run:
 * the 0.1 way of making an edit searchable (rebuild one Lunr index over the whole library), and Debian's
 * `zip -r` / `unzip` over the same library folder for backup and restore. Appends to bench/results/workflow.md.
 *
 *   npm run bench:workflow
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_SEARCH, type SearchRequest } from '../common/search';
import { openLibrary, type Library } from '../main/library/library';
import { toIndexDocument } from '../main/library/search/index-document';
import { buildIndex } from '../main/library/search/lunr-setup';

const run = promisify(execFile);
const BBC = fileURLToPath(new URL('../../shared/corpus/bbc', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/workflow.md', import.meta.url));
const TOPICS = ['business', 'entertainment', 'politics', 'sport', 'tech'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds from the start of `edit` until `request` answers `expected` hits. */
async function untilSearchable(
  library: Library,
  edit: () => Promise<unknown>,
  request: Partial<SearchRequest>,
  expected: number,
): Promise<number> {
  const started = performance.now();
  await edit();
  for (;;) {
    const { total } = await library.search({ ...DEFAULT_SEARCH, ...request, limit: 0 });
    if (total === expected) return performance.now() - started;
    if (performance.now() - started > 120_000) throw new Error(`never reached ${expected} hits`);
  }
}

async function du(dir: string): Promise<number> {
  const { stdout } = await run('du', ['-sb', dir]);
  return Number(stdout.split('\t')[0]);
}

async function main(): Promise<void> {
  try {
    await fs.access(BBC);
  } catch {
    console.log(`skipped: workflow benchmark — the BBC corpus is not at ${BBC}`);
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'offprint-workflow-'));
  const rows: string[][] = [];
  try {
    const lib = path.join(dir, 'lib');
    const library = await openLibrary(lib);
    let t = performance.now();
    const job = await library.importPaths({ paths: TOPICS.map((x) => path.join(BBC, x)), folderTags: true });
    await library.waitForImport(job.jobId);
    const importMs = performance.now() - t;
    const list = await library.list({});
    const ids = list.map((a) => a.id);
    const business = list.filter((a) => a.tags.includes('business')).length;

    // The peer: 0.1 rebuilt one Lunr index over every article after any change.
    const documents = [];
    for (const id of ids) {
      const { user: _user, previous: _p, next: _n, ...article } = await library.getArticle({ id });
      documents.push(
        toIndexDocument({
          ...article,
          formatVersion: 1,
          encoding: 'utf-8',
          original: '',
          previousTitle: null,
          nextTitle: null,
        }),
      );
    }
    const rebuilds: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      buildIndex(documents);
      rebuilds.push(performance.now() - t);
    }
    const rebuildMs = median(rebuilds);
    rows.push([
      'peer: rebuild one Lunr index (0.1)',
      `${ids.length} articles`,
      `${rebuildMs.toFixed(0)} ms`,
      '1',
    ]);

    const edits: Array<[string, string, () => Promise<number>]> = [
      [
        'mark 1 article read',
        'until the Read filter lists it',
        () =>
          untilSearchable(
            library,
            () => library.setReading({ ids: [ids[0]!], read: true }),
            { readState: 'read' },
            1,
          ),
      ],
      [
        'star 50 articles',
        'until the Starred filter lists 50',
        () =>
          untilSearchable(
            library,
            () => library.setReading({ ids: ids.slice(0, 50), starred: true }),
            { starred: true },
            50,
          ),
      ],
      [
        'tag 100 articles',
        'until the tag filter lists 100',
        () =>
          untilSearchable(
            library,
            () => library.editTags({ ids: ids.slice(100, 200), add: ['reading-list'], remove: [] }),
            { tags: ['reading-list'] },
            100,
          ),
      ],
      [
        `rename a tag on ${business} articles`,
        'business → economy/business, until `economy` lists them',
        () =>
          untilSearchable(
            library,
            () => library.renameTag({ from: 'business', to: 'economy/business' }),
            { tags: ['economy'] },
            business,
          ),
      ],
      [
        'highlight + note on 1 article',
        'until `highlight:` finds it',
        async () => {
          const article = await library.getArticle({ id: ids[300]! });
          const exact = article.text.split(/\s+/).slice(3, 8).join(' ');
          const start = article.text.indexOf(exact);
          return untilSearchable(
            library,
            () =>
              library.addHighlight({
                id: ids[300]!,
                color: 'yellow',
                quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
                position: { type: 'TextPositionSelector', start, end: start + exact.length },
                note: 'zqxbenchnote',
              }),
            { query: 'note:zqxbenchnote' },
            1,
          );
        },
      ],
    ];
    for (const [what, until, measure] of edits) {
      const ms = await measure();
      rows.push([what, until, `${ms.toFixed(0)} ms`, (ms / rebuildMs).toFixed(3)]);
    }

    const hundred = ids.slice(0, 100);
    for (const format of ['apa', 'bibtex'] as const) {
      t = performance.now();
      await library.cite({ ids: hundred, format });
      rows.push([`cite 100 articles (${format})`, '', `${(performance.now() - t).toFixed(0)} ms`, '']);
    }
    t = performance.now();
    const exported = await library.exportArticles({ ids: hundred, format: 'markdown' });
    rows.push([
      'export 100 articles to Markdown',
      `${(Buffer.byteLength(exported.data, 'base64') / 1024).toFixed(0)} KB zip`,
      `${(performance.now() - t).toFixed(0)} ms`,
      '',
    ]);

    const backupFile = path.join(dir, 'backup.zip');
    t = performance.now();
    const backup = await library.backup({ path: backupFile });
    const backupMs = performance.now() - t;
    await library.close();
    t = performance.now();
    await run('zip', ['-r', '-q', path.join(dir, 'peer.zip'), 'articles'], { cwd: lib });
    const zipMs = performance.now() - t;
    rows.push([
      'backup the whole library',
      `${backup.articles} articles, ${(backup.bytes / 1048576).toFixed(1)} MB zip of ${((await du(path.join(lib, 'articles'))) / 1048576).toFixed(1)} MB`,
      `${backupMs.toFixed(0)} ms`,
      `${(backupMs / zipMs).toFixed(2)} × zip -r (${zipMs.toFixed(0)} ms)`,
    ]);

    const restored = await openLibrary(path.join(dir, 'restored'));
    t = performance.now();
    const restoreJob = await restored.importPaths({ paths: [backupFile], folderTags: false });
    const restoreReport = await restored.waitForImport(restoreJob.jobId);
    const restoreMs = performance.now() - t;
    const count = (await restored.list({})).length;
    await restored.close();
    t = performance.now();
    await run('unzip', ['-q', path.join(dir, 'peer.zip'), '-d', path.join(dir, 'peer-unzipped')]);
    const unzipMs = performance.now() - t;
    rows.push([
      'restore it into a new folder (searchable when done)',
      `${count} articles, ${restoreReport.report?.failed.length ?? 0} failed`,
      `${restoreMs.toFixed(0)} ms`,
      `${(restoreMs / importMs).toFixed(2)} × importing the originals (${importMs.toFixed(0)} ms); ${(restoreMs / unzipMs).toFixed(1)} × unzip (${unzipMs.toFixed(0)} ms)`,
    ]);

    const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`;
    const when = new Date().toISOString();
    const table = [
      '| step | measured | time | ratio to the peer |',
      '| --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    console.log(`${machine}\n${when}\n\n${table}`);
    await fs.appendFile(RESULTS, `\n## ${when}\n\n${machine}\n\n${table}\n`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
