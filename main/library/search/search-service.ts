/**
 * Answers a SearchRequest: the query on the segments, then the filters (tags all-of/any-of/none-of with their
 * descendants, reading state, starred, date range) and the tag counts over every hit on the per-document
 * columns, the sort, and snippets (of the text, and of a matching note or highlight) for the page returned.
 * Only the page's hits become objects; selecting them from tens of thousands of hits is a bounded heap.
 */
import type { SearchHit, SearchRequest, SearchResponse } from '../../../common/search';
import type { UserData } from '../../../common/user-data';
import { dateBounds } from './date-bounds';
import { Budget } from './engine/budget';
import type { DocColumns } from './engine/doc-columns';
import { type Execution, execute } from './engine/query-executor';
import type { SegmentSet } from './engine/segment-set';
import { DOC_FLAGS } from './engine/segment-format';
import { filterKey, tagMatches } from './tag-hierarchy';
import { tagCounts } from './tag-facets';
import { parseQuery } from './parse-query';
import { annotationSnippet, escapeHtml, makeSnippet } from './snippet';
import { topK } from './top-k';

/** Terms one wildcard or fuzzy clause may expand to. */
export const MAX_EXPANSION = 5000;
/** The time one query may take unless the caller says otherwise; past it, it answers with what it has. */
export const DEFAULT_DEADLINE_MS = 2000;
/**
 * Work steps one query may spend (automaton transitions, term look-ups, postings visited), whatever the clock
 * says: a common word over 100,000 articles costs about a million; this is far past any useful query.
 */
export const MAX_QUERY_STEPS = 200_000_000;

/** What a hit on the page shows of its article. */
export interface HitSource {
  id: string;
  title: string;
  subtitle: string | null;
  published: string | null;
  site: string | null;
  tags: string[];
  url: string | null;
  linkOnly?: boolean;
  /** The body text, for the snippet. */
  text: string;
  /** The reader's note and highlights, for the annotation snippet (empty when user.json cannot be read). */
  user: UserData;
}

export interface SearchContext {
  set: SegmentSet;
  columns: DocColumns;
  /** The article behind a hit on the page. */
  hitSource(id: string): Promise<HitSource>;
  /** Set while the index is behind the catalog (an import or a rebuild in progress). */
  lag: string | null;
  /** Milliseconds the query may take (DEFAULT_DEADLINE_MS when omitted). */
  deadlineMs?: number;
}

/** The note for articles the catalog lists that the index does not hold yet. */
export function lagNotice(articles: number, indexed: number): string | null {
  const behind = articles - indexed;
  return behind > 0 ? `${behind} article${behind === 1 ? ' is' : 's are'} still being indexed.` : null;
}

const collator = new Intl.Collator('en');

export async function search(request: SearchRequest, ctx: SearchContext): Promise<SearchResponse> {
  const started = performance.now();
  const text = request.query.trim();
  const { set, columns } = ctx;
  let notice: string | null = null;
  let slots: Int32Array;
  let scores: Float64Array | null = null;
  let terms: string[] = [];

  const parsed = text === '' ? null : parseQuery(text);
  if (!parsed || parsed.listAll) {
    notice = parsed?.notice ?? null;
    slots = liveSlots(set);
  } else {
    const budget = Budget.forMs(ctx.deadlineMs ?? DEFAULT_DEADLINE_MS, MAX_QUERY_STEPS);
    const run = execute(parsed.query, set, { maxExpansion: MAX_EXPANSION, budget });
    slots = run.slots;
    scores = run.scores;
    terms = run.terms;
    const notes = [
      parsed.notice,
      run.truncated
        ? `Note: a wildcard or fuzzy term matched more than ${MAX_EXPANSION} words; only the first ${MAX_EXPANSION} were searched.`
        : null,
      stoppedNotice(run.stopped, ctx.deadlineMs ?? DEFAULT_DEADLINE_MS),
    ];
    notice = notes.filter(Boolean).join(' ') || null;
  }
  if (ctx.lag) notice = notice ? `${notice} ${ctx.lag}` : ctx.lag;

  const keep = filterFor(request, columns);
  const kept: number[] = [];
  for (let i = 0; i < slots.length; i++) if (keep(slots[i]!)) kept.push(i);

  const byDate = (a: number, b: number) => compareByDate(slots[a]!, slots[b]!, columns, set);
  const order =
    scores && request.sort !== 'date' && text !== ''
      ? (a: number, b: number) => scores![b]! - scores![a]! || byDate(a, b)
      : byDate;
  const page = topK(kept, request.offset + request.limit, order).slice(request.offset);

  // The page's articles are read together: one disk wait for the page, not one per hit.
  const hits = await Promise.all(
    page.map(async (i): Promise<SearchHit> => {
      const slot = slots[i]!;
      const source = await ctx.hitSource(set.idOf(slot));
      const flags = columns.flags[slot]!;
      return {
        id: source.id,
        title: source.title,
        score: Math.round((scores?.[i] ?? 0) * 1000) / 1000,
        snippet: snippetFor(source, terms),
        published: source.published,
        site: source.site,
        tags: source.tags,
        read: (flags & DOC_FLAGS.read) !== 0,
        starred: (flags & DOC_FLAGS.starred) !== 0,
        highlights: columns.highlights[slot]!,
        hasNote: (flags & DOC_FLAGS.hasNote) !== 0,
        annotationSnippet: annotationSnippet(source.user, terms),
      };
    }),
  );
  return {
    total: kept.length,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
    hits,
    tags: tagCounts(kept, slots, columns),
    notice,
    terms: terms.slice(0, 50),
  };
}

function stoppedNotice(stopped: Execution['stopped'], deadlineMs: number): string | null {
  if (stopped === 'time')
    return `Note: this search took longer than ${seconds(deadlineMs)} and was stopped; these are the matches found until then.`;
  if (stopped === 'steps')
    return 'Note: this search was too costly to finish and was stopped; these are the matches found until then.';
  return null;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return `${s} s`;
}

function liveSlots(set: SegmentSet): Int32Array {
  const out = new Int32Array(set.liveCount);
  let n = 0;
  for (const seg of set.segments)
    for (let d = 0; d < seg.reader.docCount; d++) if (seg.dead[d] === 0) out[n++] = seg.base + d;
  return out.subarray(0, n);
}

function filterFor(request: SearchRequest, columns: DocColumns): (slot: number) => boolean {
  const { published, tagStart, tagIds, flags } = columns;
  const wantedIds = tagSets(request.tags, columns);
  const unwantedIds = tagSets(request.notTags, columns);
  const has = (slot: number, ids: Uint8Array) => {
    for (let k = tagStart[slot]!; k < tagStart[slot + 1]!; k++) if (ids[tagIds[k]!]) return true;
    return false;
  };
  const { from, to } = dateBounds(request);
  const dated = request.from !== null || request.to !== null;
  const wantRead = request.readState === 'read' ? 1 : request.readState === 'unread' ? 0 : -1;
  return (slot) => {
    if (wantedIds.length) {
      const ok = request.anyTag
        ? wantedIds.some((ids) => has(slot, ids))
        : wantedIds.every((ids) => has(slot, ids));
      if (!ok) return false;
    }
    for (const ids of unwantedIds) if (has(slot, ids)) return false;
    const f = flags[slot]!;
    if (wantRead >= 0 && (f & DOC_FLAGS.read ? 1 : 0) !== wantRead) return false;
    if (request.starred && !(f & DOC_FLAGS.starred)) return false;
    if (dated) {
      const p = published[slot]!;
      if (Number.isNaN(p) || p < from || p > to) return false;
    }
    return true;
  };
}

/**
 * Each filter tag as the set of tag ids it matches: the tag in any case, and its descendants. A tag that
 * cleans to nothing filters nothing.
 */
function tagSets(tags: string[], columns: DocColumns): Uint8Array[] {
  return tags
    .map(filterKey)
    .filter((key) => key !== '')
    .map((key) => {
      const ids = new Uint8Array(columns.tagNames.length);
      columns.tagLower.forEach((lower, id) => tagMatches(lower, key) && (ids[id] = 1));
      return ids;
    });
}

/** Newest first; undated articles last; then by title, then id, so the order is stable. */
function compareByDate(a: number, b: number, columns: DocColumns, set: SegmentSet): number {
  const pa = columns.published[a]!;
  const pb = columns.published[b]!;
  const na = Number.isNaN(pa);
  const nb = Number.isNaN(pb);
  if (na !== nb) return na ? 1 : -1;
  if (!na && pa !== pb) return pb - pa;
  return collator.compare(columns.titles[a]!, columns.titles[b]!) || (set.idOf(a) < set.idOf(b) ? -1 : 1);
}

function snippetFor(source: HitSource, terms: string[]): string {
  if (source.linkOnly) return escapeHtml(source.url ?? '');
  // The standfirst leads; a dash keeps it from running into the body's first sentence once spaces collapse.
  const subtitle = source.subtitle;
  const lead = subtitle
    ? `${subtitle}${/[.!?…:;]$/u.test(subtitle) ? '' : ' —'}\n\n${source.text}`
    : source.text;
  return makeSnippet(lead, terms);
}
