/**
 * Field scoping on every field and both kinds of boost, on a real library. Each field has its own word, which
 * one article holds in that field and another holds only in its body: `field:word` must find the first alone
 * while the bare word finds both. A field whose scope leaked, or a field that was not indexed, fails here.
 * Boosts: a word in a title outranks the same word in a body (the title's field boost, 10), and `word^10`
 * turns the order of two one-word matches around.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH } from '../../../common/search';
import { type Library, openLibrary } from '../../../main/library/library';
import { removeDir, tempDir } from '../../helpers/temp-library';

const FIELD_WORDS = {
  title: 'zephyrine',
  subtitle: 'quokkalike',
  tags: 'marigoldia',
  author: 'brontallo',
  site: 'kestrelport',
} as const;

const filler = 'The survey counted boats, nets and moorings along the quay over three seasons.';

/** Markdown with front matter: each key lands in one field (markdown.ts). */
function page(
  name: string,
  fields: { title: string; subtitle?: string; author?: string; site?: string; tags?: string[]; body: string },
) {
  const yaml = [
    '---',
    `title: ${fields.title}`,
    ...(fields.subtitle ? [`description: ${fields.subtitle}`] : []),
    ...(fields.author ? [`author: ${fields.author}`] : []),
    ...(fields.site ? [`site: ${fields.site}`] : []),
    ...(fields.tags ? [`tags: [${fields.tags.join(', ')}]`] : []),
    '---',
  ];
  return [name, `${yaml.join('\n')}\n\n${fields.body}\n\n${filler}\n`] as const;
}

const PAGES = [
  // In its field…
  page('in-title.md', { title: `Harbour ${FIELD_WORDS.title} report`, body: 'Plain words.' }),
  page('in-subtitle.md', {
    title: 'Second report',
    subtitle: `About the ${FIELD_WORDS.subtitle} nets`,
    body: 'Plain words.',
  }),
  page('in-tags.md', { title: 'Third report', tags: [FIELD_WORDS.tags], body: 'Plain words.' }),
  page('in-author.md', { title: 'Fourth report', author: `Ada ${FIELD_WORDS.author}`, body: 'Plain words.' }),
  page('in-site.md', { title: 'Fifth report', site: FIELD_WORDS.site, body: 'Plain words.' }),
  // …and every word once more, in one body only.
  page('in-body.md', {
    title: 'Body report',
    body: `Words: ${Object.values(FIELD_WORDS).join(' ')} and ospreyfold.`,
  }),
  // Boosts: one word each, in bodies of equal length.
  page('boost-a.md', { title: 'Alpha note', body: 'The lanternfish gathered below the pier at dusk.' }),
  page('boost-b.md', { title: 'Beta note', body: 'The cormorantine gathered below the pier at dusk.' }),
];

let root: string;
let library: Library;
const idOf: Record<string, string> = {};

beforeAll(async () => {
  root = await tempDir();
  const inputs = path.join(root, 'inputs');
  await fs.mkdir(inputs);
  for (const [name, text] of PAGES) await fs.writeFile(path.join(inputs, name), text);
  library = await openLibrary(path.join(root, 'lib'), { create: true });
  const job = await library.importPaths({ paths: [inputs], folderTags: false });
  const report = (await library.waitForImport(job.jobId)).report!;
  expect(report.failed).toEqual([]);
  for (const item of report.imported) idOf[path.basename(item.source)] = item.id;
});
afterAll(async () => {
  await library?.close();
  if (root) await removeDir(root);
});

const hits = async (query: string) =>
  (await library.search({ ...DEFAULT_SEARCH, query, limit: 50 })).hits.map((h) => ({
    id: h.id,
    score: h.score,
  }));
const ids = async (query: string) => (await hits(query)).map((h) => h.id).sort();

describe('field scoping', () => {
  it.each(Object.entries(FIELD_WORDS))('%s:word finds the word in that field only', async (field, word) => {
    const own = idOf[`in-${field}.md`]!;
    expect(await ids(word)).toEqual([own, idOf['in-body.md']!].sort());
    expect(await ids(`${field}:${word}`)).toEqual([own]);
  });

  it('body:word finds the word in bodies only', async () => {
    expect(await ids(`body:${FIELD_WORDS.title}`)).toEqual([idOf['in-body.md']]);
    expect(await ids('body:ospreyfold')).toEqual([idOf['in-body.md']]);
    expect(await ids('title:ospreyfold')).toEqual([]);
  });
});

describe('boosts', () => {
  it('ranks a word in a title far above the same word in a body', async () => {
    const [first, second] = await hits(FIELD_WORDS.title);
    expect(first!.id).toBe(idOf['in-title.md']);
    expect(second!.id).toBe(idOf['in-body.md']);
    expect(first!.score).toBeGreaterThan(3 * second!.score);
  });

  it('turns the order of two equal matches around with ^10 on either word', async () => {
    const a = idOf['boost-a.md'];
    const b = idOf['boost-b.md'];
    expect((await hits('lanternfish^10 cormorantine')).map((h) => h.id)).toEqual([a, b]);
    expect((await hits('lanternfish cormorantine^10')).map((h) => h.id)).toEqual([b, a]);
    const [boosted, plain] = await hits('lanternfish^10 cormorantine');
    expect(boosted!.score).toBeGreaterThan(3 * plain!.score);
  });
});
