/**
 * Answers a SearchRequest: Lunr for the words, then the filters (tags all-of/any-of, date range), the sort,
 * the tag facets over every hit, and snippets for the page of hits returned.
 */
import type lunr from 'lunr';
import type { SearchHit, SearchRequest, SearchResponse, TagCount } from '../../../common/search';
import type { CatalogEntry } from '../store/catalog';
import { runQuery } from './run-query';
import { escapeHtml, makeSnippet } from './snippet';

export interface SearchContext {
  index: lunr.Index | null;
  entries:
    | Map<string, CatalogEntry>
    | { get(id: string): CatalogEntry | undefined; values(): Iterable<CatalogEntry> };
  /** The body text of an article, for snippets. */
  textOf(id: string): Promise<string>;
}

interface Candidate {
  entry: CatalogEntry;
  score: number;
  /** Lunr's match data; turned into terms only for the hits on the page. */
  match: lunr.MatchData | null;
}

const termsOf = (c: Candidate): string[] => (c.match ? Object.keys(c.match.metadata) : []);
const collator = new Intl.Collator('en');

export async function search(request: SearchRequest, ctx: SearchContext): Promise<SearchResponse> {
  const started = performance.now();
  const query = request.query.trim();
  let notice: string | null = null;
  let candidates: Candidate[];

  if (query === '') {
    candidates = everything(ctx);
  } else if (!ctx.index) {
    candidates = [];
    notice = 'The search index is still being built; only an empty query lists articles until it is ready.';
  } else {
    const outcome = runQuery(ctx.index, query);
    notice = outcome.notice;
    candidates = outcome.listAll ? everything(ctx) : fromResults(outcome.results, ctx);
  }

  const filtered = candidates.filter(filterFor(request));
  sortCandidates(filtered, query === '' ? 'date' : request.sort);
  const page = filtered.slice(request.offset, request.offset + request.limit);
  const shownTerms = new Set<string>();
  for (const c of page) termsOf(c).forEach((t) => shownTerms.add(t));
  // The snippets' article reads go out together: one disk wait for the page, not one per hit.
  const snippets = await Promise.all(page.map((c) => snippetFor(c, ctx)));
  const hits: SearchHit[] = page.map((c, i) => ({
    id: c.entry.id,
    title: c.entry.title,
    score: Math.round(c.score * 1000) / 1000,
    snippet: snippets[i]!,
    published: c.entry.published,
    site: c.entry.site,
    tags: c.entry.tags,
  }));
  return {
    total: filtered.length,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
    hits,
    tags: tagCounts(filtered),
    notice,
    terms: [...shownTerms].slice(0, 50),
  };
}

function everything(ctx: SearchContext): Candidate[] {
  return [...ctx.entries.values()].map((entry) => ({ entry, score: 0, match: null }));
}

function fromResults(results: lunr.Index.Result[], ctx: SearchContext): Candidate[] {
  const out: Candidate[] = [];
  for (const r of results) {
    const entry = ctx.entries.get(r.ref);
    // The index may briefly lag the catalog (a rebuild in progress): skip refs it no longer knows.
    if (entry) out.push({ entry, score: r.score, match: r.matchData });
  }
  return out;
}

/** Date bounds: a bare `YYYY-MM-DD` upper bound means the end of that day. */
function bounds(request: SearchRequest): { from: string | null; to: string | null } {
  const iso = (s: string, endOfDay: boolean) =>
    /^\d{4}-\d{2}-\d{2}$/.test(s)
      ? `${s}T${endOfDay ? '23:59:59' : '00:00:00'}Z`
      : new Date(s).toISOString().replace(/\.000Z$/, 'Z');
  return {
    from: request.from ? iso(request.from, false) : null,
    to: request.to ? iso(request.to, true) : null,
  };
}

function filterFor(request: SearchRequest): (c: Candidate) => boolean {
  const wanted = request.tags.map((t) => t.toLowerCase());
  const { from, to } = bounds(request);
  return ({ entry }) => {
    if (wanted.length) {
      const has = new Set(entry.tags.map((t) => t.toLowerCase()));
      const ok = request.anyTag ? wanted.some((t) => has.has(t)) : wanted.every((t) => has.has(t));
      if (!ok) return false;
    }
    if (from || to) {
      if (!entry.published) return false;
      if (from && entry.published < from) return false;
      if (to && entry.published > to) return false;
    }
    return true;
  };
}

/** Newest first; undated articles last; then by title so the order is stable. */
function byDate(a: Candidate, b: Candidate): number {
  const pa = a.entry.published ?? '';
  const pb = b.entry.published ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  return collator.compare(a.entry.title, b.entry.title) || (a.entry.id < b.entry.id ? -1 : 1);
}

function sortCandidates(list: Candidate[], sort: SearchRequest['sort']): void {
  list.sort(sort === 'date' ? byDate : (a, b) => b.score - a.score || byDate(a, b));
}

function tagCounts(list: Candidate[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const { entry } of list) for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
}

async function snippetFor(c: Candidate, ctx: SearchContext): Promise<string> {
  if (c.entry.linkOnly) return escapeHtml(c.entry.url ?? '');
  const text = await ctx.textOf(c.entry.id);
  // The standfirst leads; a dash keeps it from running into the body's first sentence once spaces collapse.
  const subtitle = c.entry.subtitle;
  const lead = subtitle ? `${subtitle}${/[.!?…:;]$/u.test(subtitle) ? '' : ' —'}\n\n${text}` : text;
  return makeSnippet(lead, termsOf(c));
}
