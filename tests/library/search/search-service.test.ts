/**
 * Answering a search request, in this process, over segments built for the test and article files on disk (the
 * search thread's own hit source): the filters (tags all-of, any-of and none-of with descendants, reading state,
 * starred, inclusive date bounds), the orders (relevance, newest first with undated last and ties by title),
 * paging, the tag counts with their spellings, what a hit shows, and the notices. search.test.ts checks the
 * same through whole libraries and the search threads.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH, type SearchRequest } from '../../../common/search';
import { EMPTY_USER_DATA } from '../../../common/user-data';
import { Analyzer } from '../../../main/library/search/engine/analyzer';
import { DocColumns } from '../../../main/library/search/engine/doc-columns';
import { buildSegment } from '../../../main/library/search/engine/segment-builder';
import { DOC_FLAGS, type DocMeta, encodeSegment } from '../../../main/library/search/engine/segment-format';
import { SegmentReader } from '../../../main/library/search/engine/segment-reader';
import { SegmentSet } from '../../../main/library/search/engine/segment-set';
import { readHitSource } from '../../../main/library/search/hit-file';
import { FIELD_NAMES } from '../../../main/library/search/parse-query';
import { lagNotice, search, type SearchContext } from '../../../main/library/search/search-service';
import { writeUserData } from '../../../main/library/store/user-data';
import { removeDir, tempDir } from '../../helpers/fixtures-and-shared';

interface Doc {
  id: string;
  title: string;
  text: string;
  published: string | null;
  tags: string[];
  flags?: number;
  highlights?: number;
  subtitle?: string;
  url?: string;
  linkOnly?: boolean;
}

const { read, starred, hasNote } = DOC_FLAGS;
const DOCS: Doc[] = [
  {
    id: 'd01',
    title: 'River rises',
    text: 'The river rose a metre.',
    published: '2024-03-01T10:00:00Z',
    tags: ['Region/Europe', 'floods'],
    flags: read,
    subtitle: 'Levels are up.',
  },
  {
    id: 'd02',
    title: 'Bridge closed',
    text: 'A bridge over the river closed.',
    published: '2024-03-02T10:00:00Z',
    tags: ['region/asia'],
    flags: starred,
  },
  {
    id: 'd03',
    title: 'Alpha harbour',
    text: 'Harbour cranes return.',
    published: '2024-03-02T10:00:00Z',
    tags: ['Shipping'],
    flags: read | starred,
    highlights: 2,
  },
  {
    id: 'd04',
    title: 'Old mill',
    text: 'The mill by the river stands.',
    published: null,
    tags: ['region'],
    flags: hasNote,
  },
  {
    id: 'd05',
    title: 'Budget vote',
    text: 'Parliament votes on the budget.',
    published: '2023-12-31T23:59:59.999Z',
    tags: ['politics', 'Floods'],
  },
  {
    id: 'd06',
    title: 'Quiet day',
    text: 'Nothing happened.',
    published: '2024-01-01T00:00:00Z',
    tags: ['region/europe/north'],
  },
  {
    id: 'd07',
    title: 'Saved link',
    text: '',
    published: '2024-02-01T00:00:00Z',
    tags: ['floods'],
    url: 'https://example.org/a?b=1&c=<2>',
    linkOnly: true,
  },
  {
    id: 'd08',
    title: 'Gone',
    text: 'A river article removed since.',
    published: '2024-02-02T00:00:00Z',
    tags: ['floods'],
  },
  {
    id: 'd09',
    title: 'Edited',
    text: 'Old text about the river.',
    published: '2024-02-03T00:00:00Z',
    tags: ['floods'],
  },
];
/** d09 edited: indexed again in a later segment, the old copy a tombstone; d08 removed from the library. */
const EDITED: Doc = {
  id: 'd09',
  title: 'Edited',
  text: 'New text about a canal.',
  published: '2024-02-03T00:00:00Z',
  tags: ['canals'],
  subtitle: 'Standfirst without a stop',
};

let lib: string;
let ctx: SearchContext;
const request = (change: Partial<SearchRequest>): SearchRequest => ({
  ...DEFAULT_SEARCH,
  limit: 50,
  ...change,
});
const ids = async (change: Partial<SearchRequest>) =>
  (await search(request(change), ctx)).hits.map((h) => h.id);

beforeAll(async () => {
  lib = await tempDir();
  const analyzer = new Analyzer();
  const segment = async (name: string, docs: Doc[]) => {
    const built = buildSegment(
      FIELD_NAMES,
      docs.map((d) => ({
        id: d.id,
        meta: [d.published, d.tags, d.title, d.flags ?? 0, d.highlights ?? 0] as DocMeta,
        fields: analyzer.document({
          id: d.id,
          title: d.title,
          subtitle: d.subtitle ?? '',
          tags: d.tags.join(' '),
          author: '',
          site: '',
          body: d.text,
          note: '',
          highlight: '',
        }),
      })),
    );
    const file = path.join(lib, name);
    await fs.writeFile(file, encodeSegment(built));
    return SegmentReader.open(file);
  };
  for (const d of [...DOCS.filter((d) => d.id !== 'd09'), EDITED]) {
    const dir = path.join(lib, 'articles', d.id.slice(0, 2), d.id);
    await fs.mkdir(dir, { recursive: true });
    const { flags: _f, highlights: _h, ...article } = d;
    await fs.writeFile(
      path.join(dir, 'article.json'),
      JSON.stringify({ formatVersion: 1, site: null, subtitle: null, url: null, ...article }),
    );
    if (d.id === 'd04')
      await writeUserData(dir, { ...EMPTY_USER_DATA, note: 'Ask the miller about the river.' });
  }
  const set = new SegmentSet(
    FIELD_NAMES,
    [
      await segment('1.seg', DOCS.slice(0, 5)),
      await segment('2.seg', DOCS.slice(5)),
      await segment('3.seg', [EDITED]),
    ],
    (id) => id !== 'd08',
  );
  ctx = { set, columns: new DocColumns(set), hitSource: (id) => readHitSource(lib, id), lag: null };
});
afterAll(async () => {
  ctx.set.close();
  await removeDir(lib);
});

describe('search', () => {
  it('lists every live article newest first, undated last, a tie by title, with no query', async () => {
    const all = await search(request({}), ctx);
    expect(all.total).toBe(8);
    expect(all.hits.map((h) => h.id)).toEqual(['d03', 'd02', 'd01', 'd09', 'd07', 'd06', 'd05', 'd04']);
    expect(all.hits.every((h) => h.score === 0)).toBe(true);
    expect(all.notice).toBeNull();
    expect(all.terms).toEqual([]);
  });

  it('ranks by relevance with a query, and by date when asked, and pages through either', async () => {
    const river = await search(request({ query: 'river' }), ctx);
    expect(river.hits.map((h) => h.id).sort()).toEqual(['d01', 'd02', 'd04']);
    const scores = river.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0 && Math.round(s * 1000) / 1000 === s)).toBe(true);
    expect(river.hits[0]!.id).toBe('d01'); // in the title and the body
    expect(await ids({ query: 'river', sort: 'date' })).toEqual(['d02', 'd01', 'd04']);
    const page = await search(request({ offset: 2, limit: 3 }), ctx);
    expect([page.total, page.hits.map((h) => h.id)]).toEqual([8, ['d01', 'd09', 'd07']]);
    expect(await ids({ offset: 7, limit: 5 })).toEqual(['d04']);
    expect(await ids({ offset: 8, limit: 5 })).toEqual([]);
  });

  it('filters by tags in any case with their descendants: all of, any of, none of', async () => {
    expect(await ids({ tags: ['REGION'] })).toEqual(['d02', 'd01', 'd06', 'd04']);
    expect(await ids({ tags: ['region/europe'] })).toEqual(['d01', 'd06']);
    expect(await ids({ tags: ['region', 'floods'] })).toEqual(['d01']);
    expect(await ids({ tags: ['shipping', 'politics'], anyTag: true })).toEqual(['d03', 'd05']);
    expect(await ids({ tags: ['shipping', 'politics'] })).toEqual([]);
    expect(await ids({ notTags: ['floods', 'region/asia'] })).toEqual(['d03', 'd09', 'd06', 'd04']);
    // A tag that cleans to nothing filters nothing; an unknown tag matches nothing.
    expect(await ids({ tags: [' / '] })).toHaveLength(8);
    expect(await ids({ tags: ['nosuchtag'] })).toEqual([]);
    // The edited article is filtered by its new tags.
    expect(await ids({ tags: ['canals'] })).toEqual(['d09']);
  });

  it('filters by reading state and star', async () => {
    expect(await ids({ readState: 'read' })).toEqual(['d03', 'd01']);
    expect(await ids({ readState: 'unread' })).toEqual(['d02', 'd09', 'd07', 'd06', 'd05', 'd04']);
    expect(await ids({ starred: true })).toEqual(['d03', 'd02']);
    expect(await ids({ starred: true, readState: 'unread' })).toEqual(['d02']);
  });

  it('filters by published date, bounds included, a bare day to its last millisecond, undated left out', async () => {
    expect(await ids({ from: '2024-03-02' })).toEqual(['d03', 'd02']);
    expect(await ids({ to: '2023-12-31' })).toEqual(['d05']);
    expect(await ids({ from: '2024-01-01', to: '2024-01-01' })).toEqual(['d06']);
    expect(await ids({ from: '2024-03-01T10:00:00Z', to: '2024-03-01T10:00:00Z' })).toEqual(['d01']);
    expect(await ids({ from: '2024-03-01T10:00:00.001Z' })).toEqual(['d03', 'd02']);
    expect(await ids({ to: '2024-03-01T09:59:59.999Z', from: '2024-02-03' })).toEqual(['d09']);
    // An offset in a bound is taken: 11:00 at +01:00 is 10:00Z.
    expect(await ids({ from: '2024-03-01T11:00:00+01:00', to: '2024-03-01T11:00:00+01:00' })).toEqual([
      'd01',
    ]);
  });

  it('counts tags over every hit, ancestors included, once per hit, under the spelling most hits use', async () => {
    const all = await search(request({ limit: 1 }), ctx);
    expect(all.tags).toEqual([
      { tag: 'region', count: 4 },
      { tag: 'floods', count: 3 },
      { tag: 'Region/Europe', count: 2 },
      { tag: 'canals', count: 1 },
      { tag: 'politics', count: 1 },
      { tag: 'region/asia', count: 1 },
      { tag: 'region/europe/north', count: 1 },
      { tag: 'Shipping', count: 1 },
    ]);
    // Counted over the filtered hits, not the page.
    expect((await search(request({ query: 'river', limit: 1 }), ctx)).tags).toEqual([
      { tag: 'region', count: 3 },
      { tag: 'floods', count: 1 },
      { tag: 'region/asia', count: 1 },
      { tag: 'Region/Europe', count: 1 },
    ]);
  });

  it('shows each hit with its flags, a snippet led by the standfirst, and the note that matched', async () => {
    const hits = (await search(request({ query: 'river' }), ctx)).hits;
    const byId = new Map(hits.map((h) => [h.id, h]));
    expect(byId.get('d01')).toMatchObject({
      title: 'River rises',
      read: true,
      starred: false,
      highlights: 0,
      hasNote: false,
      tags: ['Region/Europe', 'floods'],
      published: '2024-03-01T10:00:00Z',
      site: null,
    });
    expect(byId.get('d01')!.snippet).toBe('Levels are up. The <mark>river</mark> rose a metre.');
    expect(byId.get('d04')).toMatchObject({
      hasNote: true,
      annotationSnippet: expect.stringContaining('<mark>river</mark>'),
    });
    expect((await search(request({ query: 'harbour' }), ctx)).hits[0]).toMatchObject({
      read: true,
      starred: true,
      highlights: 2,
    });
    const canal = (await search(request({ query: 'canal' }), ctx)).hits[0]!;
    // The standfirst runs into the body with a dash when it ends without a stop, and with none when it has one.
    expect(canal.snippet).toContain('stop — New text about a <mark>canal</mark>.');
    // A link-only article shows its address, escaped.
    const link = (await search(request({ tags: ['floods'], notTags: ['region'] }), ctx)).hits.find(
      (h) => h.id === 'd07',
    )!;
    expect(link.snippet).toBe('https://example.org/a?b=1&amp;c=&lt;2&gt;');
  });

  it('says why an answer is partial: a search stopped at its deadline, an index behind the catalog', async () => {
    const stopped = await search(request({ query: 'r*' }), { ...ctx, deadlineMs: -1 });
    expect(stopped.notice).toBe(
      'Note: this search took longer than 0 s and was stopped; these are the matches found until then.',
    );
    const lagging = await search(request({ query: 'river' }), { ...ctx, lag: lagNotice(10, 8) });
    expect(lagging.notice).toBe('2 articles are still being indexed.');
    const both = await search(request({ query: `${'a'.repeat(41)}~2 river` }), { ...ctx, lag: 'Behind.' });
    expect(both.notice).toMatch(/longer than 40 letters are matched exactly.* Behind\.$/);
    expect(lagNotice(9, 8)).toBe('1 article is still being indexed.');
    expect(lagNotice(8, 8)).toBeNull();
    expect(lagNotice(7, 8)).toBeNull();
  });
});
