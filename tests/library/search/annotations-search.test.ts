/**
 * Search over what the reader added, on a real library folder: notes and highlights written to user.json are
 * found by `note:` and `highlight:` (and by plain words) once the article is indexed again, with the passage
 * as annotationSnippet; hits carry the reading state; read, starred, none-of and parent-tag filters; facets
 * merged by case with ancestors.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH, type SearchRequest } from '../../../common/search';
import { EMPTY_USER_DATA, type Highlight, type UserData } from '../../../common/user-data';
import { type Library, openLibrary } from '../../../main/library/library';
import { SegmentedIndex } from '../../../main/library/search/engine/segmented-index';
import { ArticleStore } from '../../../main/library/store/article-store';
import { writeUserData } from '../../../main/library/store/user-data';
import { compareQuery, referenceIndex } from '../../helpers/lunr-equivalence';
import { removeDir, tempDir } from '../../helpers/temp-library';
import { makeHighlight } from '../../helpers/highlight-fixture';

let root: string;
let lib: string;
let library: Library;
/** Article ids by the file they were imported from. */
const ids: Record<string, string> = {};

const ARTICLES: Record<string, { text: string; tags: string[] }> = {
  harbour: {
    text: '# Harbour cranes return to the quay\n\nDock workers welcomed the cranes back after ten years of silence.\n',
    tags: ['politics', 'region/middle-east'],
  },
  budget: {
    text: '# Budget raises rail spending\n\nThe council welcomed more rail lines across the gulf coast.\n',
    tags: ['Politics', 'region/gulf', 'Region/Gulf/Oman'],
  },
  cup: {
    text: '# Late goal wins the cup final\n\nA header in the last minute settled the final.\n',
    tags: ['politics', 'regional'],
  },
  quantum: {
    text: '# Quantum computer solves chemistry puzzle\n\nThe machine modelled a molecule.\n',
    tags: ['politics', 'sport'],
  },
  garden: {
    text: '# Gardens in winter\n\nFrost settles on the beds.\n',
    tags: [],
  },
};

const highlight = (exact: string, note: string): Highlight => makeHighlight(exact, note, '0123456789abcdef');

const articleDir = (name: string) => path.join(lib, 'articles', ids[name]!.slice(0, 2), ids[name]!);

/**
 * Writes an article's user.json and has it indexed again. The store bumps an article's catalog revision on
 * every user-data change (its own methods, built beside this); here the bump comes from `setTags` with the
 * article's own tags, which writes article.json unchanged, bumps the revision and catches the index up: the
 * same path a user-data change takes to search.
 */
async function annotate(name: string, user: UserData): Promise<void> {
  await writeUserData(articleDir(name), user);
  await library.setTags({ id: ids[name]!, tags: ARTICLES[name]!.tags });
}

const find = (query: string, more: Partial<SearchRequest> = {}) =>
  library.search({ ...DEFAULT_SEARCH, query, ...more });
const names = async (query: string, more: Partial<SearchRequest> = {}) => {
  const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return (await find(query, more)).hits.map((h) => byId[h.id]).sort();
};

beforeAll(async () => {
  root = await tempDir();
  lib = path.join(root, 'library');
  const inputs = path.join(root, 'inputs');
  await fs.mkdir(inputs, { recursive: true });
  for (const [name, { text }] of Object.entries(ARTICLES))
    await fs.writeFile(path.join(inputs, `${name}.md`), text);
  library = await openLibrary(lib);
  const job = await library.importPaths({ paths: [inputs], folderTags: false });
  for (const item of (await library.waitForImport(job.jobId)).report!.imported)
    ids[path.basename(item.source, '.md')] = item.id;
  for (const [name, { tags }] of Object.entries(ARTICLES))
    if (tags.length) await library.setTags({ id: ids[name]!, tags });
});
afterAll(async () => {
  await library.close();
  await removeDir(root);
});

describe('notes and highlights in search', () => {
  it('finds a note and a highlight by note: and highlight: once the article is indexed again', async () => {
    const user: UserData = {
      ...EMPTY_USER_DATA,
      reading: { read: true, readAt: '2026-12-01T06:00:00.000Z', starred: false, position: 1 },
      note: 'Ask the port authority about zymurgy <b>&</b> tariffs.',
      highlights: [highlight('Dock workers welcomed the cranes', 'Compare with Rotterdam')],
    };
    await writeUserData(articleDir('harbour'), user);
    // Written but not yet indexed: the index only learns of it through the article's revision.
    expect((await find('note:zymurgy')).total).toBe(0);
    await annotate('harbour', user);

    const [hit] = (await find('note:zymurgy')).hits;
    expect(hit!.id).toBe(ids.harbour);
    expect(hit!.annotationSnippet).toBe(
      'Ask the port authority about <mark>zymurgy</mark> &lt;b&gt;&amp;&lt;/b&gt; tariffs.',
    );
    expect(hit).toMatchObject({ read: true, starred: false, highlights: 1, hasNote: true });
    // A highlight's own note is a note too.
    expect((await find('note:rotterdam')).hits[0]!.annotationSnippet).toBe(
      'Compare with <mark>Rotterdam</mark>',
    );
    // Unscoped words find notes too.
    expect(await names('zymurgy')).toEqual(['harbour']);
  });

  it('scopes highlight: to the marked passage, and ranks a highlighted word above the body alone', async () => {
    expect(await names('highlight:welcomed')).toEqual(['harbour']);
    const both = (await find('welcomed')).hits;
    expect(both.map((h) => h.id)).toEqual([ids.harbour, ids.budget]);
    expect(both[0]!.annotationSnippet).toBe('Dock workers <mark>welcomed</mark> the cranes');
    // The budget article has no note or highlight with the word: its annotation snippet is null.
    expect(both[1]!.annotationSnippet).toBeNull();
    expect(both[1]).toMatchObject({ read: false, starred: false, highlights: 0, hasNote: false });
    // A word only in the body is no highlight.
    expect((await find('highlight:silence')).total).toBe(0);
  });

  it('scores the new fields exactly as plain Lunr with the same fields and boosts', async () => {
    const store = await ArticleStore.open(lib);
    const index = new SegmentedIndex(lib);
    await index.refresh();
    try {
      const reference = await referenceIndex(store);
      const { set } = index.current(store);
      const queries = ['note:zymurgy', 'highlight:welcomed', 'welcomed', 'rotterdam cranes', 'note:compar*'];
      expect(queries.flatMap((q) => compareQuery(q, set, reference) ?? [])).toEqual([]);
      expect(compareQuery('highlight:dock~1 -rail', set, reference)).toBeNull();
    } finally {
      index.close();
    }
  });

  it('indexes an article whose user.json is damaged or newer without it, and does not fail the search', async () => {
    const files = {
      damaged: '{"format": "offprint-user-da',
      newer: JSON.stringify({ format: 'offprint-user-data', formatVersion: 99, note: 'frost' }),
    };
    for (const [what, content] of Object.entries(files)) {
      await fs.writeFile(path.join(articleDir('garden'), 'user.json'), content);
      // A new tag proves the article was indexed again (a copy left from before would not carry it). setTags
      // may answer with an error about that file (its answer is the article view, with the user data): the
      // tags are written and the article indexed again before it.
      await library.setTags({ id: ids.garden!, tags: [what] }).catch(() => undefined);
      const r = await find('frost', { tags: [what] });
      expect(r.hits.map((h) => h.id)).toEqual([ids.garden]);
      expect(r.hits[0]).toMatchObject({
        read: false,
        highlights: 0,
        hasNote: false,
        annotationSnippet: null,
      });
    }
    await fs.rm(path.join(articleDir('garden'), 'user.json'));
    await library.setTags({ id: ids.garden!, tags: [] });
  });
});

describe('filters', () => {
  beforeAll(async () => {
    await annotate('cup', { ...EMPTY_USER_DATA, reading: { ...EMPTY_USER_DATA.reading, starred: true } });
  });

  it('filters by reading state and starred', async () => {
    expect(await names('', { readState: 'read' })).toEqual(['harbour']);
    expect(await names('', { readState: 'unread' })).toEqual(['budget', 'cup', 'garden', 'quantum']);
    expect(await names('', { starred: true })).toEqual(['cup']);
    expect(await names('', { starred: true, readState: 'read' })).toEqual([]);
  });

  it('matches a parent tag to its descendants, in any case, but not a tag that only starts like it', async () => {
    expect(await names('', { tags: ['region'] })).toEqual(['budget', 'harbour']);
    expect(await names('', { tags: ['REGION/Gulf'] })).toEqual(['budget']);
    expect(await names('', { tags: ['region/gulf/oman'] })).toEqual(['budget']);
    expect(await names('', { tags: ['regional'] })).toEqual(['cup']);
  });

  it('keeps all-of and any-of with the hierarchy, and leaves out none-of tags and their descendants', async () => {
    expect(await names('', { tags: ['region', 'POLITICS'] })).toEqual(['budget', 'harbour']);
    expect(await names('', { tags: ['region/gulf', 'region/middle-east'] })).toEqual([]);
    expect(await names('', { tags: ['region/gulf', 'sport'], anyTag: true })).toEqual(['budget', 'quantum']);
    expect(await names('', { notTags: ['region'] })).toEqual(['cup', 'garden', 'quantum']);
    expect(await names('', { notTags: ['Politics'] })).toEqual(['garden']);
    expect(await names('', { tags: ['politics'], notTags: ['region', 'sport'] })).toEqual(['cup']);
  });
});

describe('facets', () => {
  it('merges spellings into one facet shown as most hits spell it, with every ancestor counted once per hit', async () => {
    const { tags } = await find('');
    expect(tags).toEqual([
      // politics ×3 and Politics ×1: one facet, the common spelling.
      { tag: 'politics', count: 4 },
      // budget has region/gulf and Region/Gulf/Oman: one hit for `region`, spelt `region` by most hits.
      { tag: 'region', count: 2 },
      // A tie (region/gulf, Region/Gulf in one hit) goes to the spelling first in code-unit order.
      { tag: 'Region/Gulf', count: 1 },
      { tag: 'Region/Gulf/Oman', count: 1 },
      { tag: 'region/middle-east', count: 1 },
      { tag: 'regional', count: 1 },
      { tag: 'sport', count: 1 },
    ]);
  });

  it('counts over the hits only', async () => {
    expect((await find('welcomed')).tags).toEqual([
      // politics and Politics, one hit each: a tie, so the spelling first in code-unit order.
      { tag: 'Politics', count: 2 },
      { tag: 'region', count: 2 },
      { tag: 'Region/Gulf', count: 1 },
      { tag: 'Region/Gulf/Oman', count: 1 },
      { tag: 'region/middle-east', count: 1 },
    ]);
  });
});
