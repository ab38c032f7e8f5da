/**
 * Metadata of a saved web page from what the page declares about itself, most trusted first: schema.org
 * JSON-LD (NewsArticle, Article, BlogPosting, …), then Open Graph and `article:*` meta, then Dublin Core,
 * Parse.ly and `citation_*` (Highwire/Google Scholar) meta. Readability's own findings and the document are
 * the fallback, applied by the HTML importer.
 */
import { UTC_RULE, type ZoneRule } from '../../../common/zone-rule';
import { statedZone } from './dates';
import { normalizeSpace } from './text-lines';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
  /**
   * The zone the page's zone-less dates are in: that of its first dated metadata that states one (a page
   * publishing `article:published_time` as `…+02:00` writes its other dates in the same zone), else UTC.
   */
  zone: ZoneRule;
  description: string | null;
  site: string | null;
  section: string | null;
  tags: string[];
  /** Candidate canonical URLs, most trusted first (may be relative; the caller resolves them). */
  urls: string[];
}

const ARTICLE_TYPES =
  /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|Blog|WebPage|Recipe)$/;

type Json = Record<string, unknown>;

/** Meta keys holding the page's publication date, most trusted first. */
const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'dc:date',
  'dcterms:date',
  'dcterms:created',
  'dc:date.issued',
  'parsely-pub-date',
  'citation_publication_date',
  'citation_date',
  'date',
  'pubdate',
];

/** Meta keys holding any date of the page, in the order they are consulted for its zone: publication first. */
const DATE_KEYS = [...PUBLISHED_KEYS, 'article:modified_time', 'og:updated_time', 'dcterms:modified'];

/** Minimal DOM surface used here, satisfied by linkedom and jsdom documents. */
export interface MetaDocument {
  querySelectorAll(
    selector: string,
  ): Iterable<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

export function readPageMetadata(doc: MetaDocument): PageMetadata {
  const meta = collectMeta(doc);
  const ld = findJsonLdArticle(doc);
  const first = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = meta.get(key)?.find((v) => v.trim() !== '');
      if (value) return normalizeSpace(value);
    }
    return null;
  };
  const all = (...keys: string[]): string[] => keys.flatMap((k) => meta.get(k) ?? []);

  const ldTitle = ld ? jsonLdTitle(ld, first('og:title', 'twitter:title') ?? documentTitle(doc)) : null;
  const title =
    ldTitle ??
    first(
      'og:title',
      'dc:title',
      'dcterms:title',
      'twitter:title',
      'parsely-title',
      'citation_title',
      'title',
    );

  let authors = ld ? jsonLdPeople(ld.author ?? ld.creator) : [];
  if (authors.length === 0) {
    const articleAuthors = all('article:author').filter((a) => !isUrl(a));
    authors = articleAuthors.length ? articleAuthors : [];
  }
  if (authors.length === 0) {
    const candidate = first('dc:creator', 'dcterms:creator', 'author', 'parsely-author', 'sailthru.author');
    authors = candidate && !isUrl(candidate) ? [candidate] : all('citation_author');
  }

  const published = str(ld?.datePublished) ?? first(...PUBLISHED_KEYS) ?? str(ld?.dateCreated);
  const dated = [
    str(ld?.datePublished),
    str(ld?.dateModified),
    str(ld?.dateCreated),
    ...all(...DATE_KEYS).map((v) => v.trim()),
  ];
  const zone = dated.map((d) => statedZone(d)).find((z) => z !== null) ?? UTC_RULE;

  const tags = dedupeTags([
    ...all('article:tag'),
    ...all('keywords', 'news_keywords', 'parsely-tags').flatMap((k) => k.split(',')),
    ...jsonLdKeywords(ld?.keywords),
  ]);

  const ldPublisher = ld?.publisher as Json | undefined;
  const site = str(ldPublisher?.name) ?? first('og:site_name', 'application-name', 'citation_journal_title');
  const section =
    str(Array.isArray(ld?.articleSection) ? ld?.articleSection[0] : ld?.articleSection) ??
    first('article:section', 'parsely-section');

  const urls: string[] = [];
  for (const link of doc.querySelectorAll('link[rel]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.getAttribute('href');
    if (rel.includes('canonical') && href) urls.push(href.trim());
  }
  urls.push(...all('og:url'));
  const ldUrl =
    str(ld?.url) ?? str((ld?.mainEntityOfPage as Json | undefined)?.['@id']) ?? str(ld?.mainEntityOfPage);
  if (ldUrl) urls.push(ldUrl);

  return {
    title,
    authors: dedupe(authors.map(normalizeSpace).filter(Boolean)),
    published,
    zone,
    description:
      str(ld?.description) ?? first('og:description', 'dc:description', 'description', 'twitter:description'),
    site,
    section,
    tags,
    urls,
  };
}

/** meta name/property (lower-cased, `.` normalised to `:` for Dublin Core) → every content value, in order. */
function collectMeta(doc: MetaDocument): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const el of doc.querySelectorAll('meta')) {
    const content = el.getAttribute('content');
    if (content === null) continue;
    const keys = [el.getAttribute('property'), el.getAttribute('name'), el.getAttribute('itemprop')]
      .flatMap((k) => (k ?? '').toLowerCase().split(/\s+/))
      .filter(Boolean)
      .map((k) =>
        /^(dc|dcterms|dcterm)\./.test(k) ? k.replace('.', ':').replace(/^dcterm:/, 'dcterms:') : k,
      );
    for (const key of new Set(keys)) {
      const list = map.get(key) ?? [];
      list.push(decodeEntities(content));
      map.set(key, list);
    }
  }
  return map;
}

function findJsonLdArticle(doc: MetaDocument): Json | null {
  const found: Json[] = [];
  for (const script of doc.querySelectorAll('script[type]')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      const parsed: unknown = JSON.parse(
        (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''),
      );
      collectNodes(parsed, found, 0);
    } catch {
      // Broken JSON-LD is common; the meta tags still count.
    }
  }
  // A real article type beats a generic WebPage.
  return found.find((n) => types(n).some((t) => t !== 'WebPage')) ?? found[0] ?? null;
}

function collectNodes(value: unknown, out: Json[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out, depth + 1);
    return;
  }
  const node = value as Json;
  if (types(node).some((t) => ARTICLE_TYPES.test(t))) out.push(node);
  if (Array.isArray(node['@graph'])) collectNodes(node['@graph'], out, depth + 1);
}

function types(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

/**
 * headline vs name: some sites put the site's name in `name`; prefer whichever matches the page's own title,
 * and the headline when neither matches it better (a title like "Home" matches neither).
 */
function jsonLdTitle(ld: Json, pageTitle: string | null): string | null {
  const name = str(ld.name);
  const headline = str(ld.headline);
  if (name && headline && name !== headline && pageTitle) {
    return similarity(headline, pageTitle) >= similarity(name, pageTitle) ? headline : name;
  }
  if (types(ld).every((t) => t === 'WebPage')) return null; // a generic page node's name is often the site's
  return headline ?? name;
}

function jsonLdPeople(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' ? str((p as Json).name) : null))
    .filter((n): n is string => !!n && !isUrl(n));
}

function jsonLdKeywords(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',');
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Trims, drops markup debris, placeholders and CMS-internal ids, and removes case-insensitive duplicates. */
export function dedupeTags(candidates: string[]): string[] {
  const tags: string[] = [];
  for (const raw of candidates) {
    const tag = normalizeSpace(raw).replace(/^#/, '');
    if (!tag || tag.length > 60 || /[=<>{}|]/.test(tag) || /^[\d\W_]+$/u.test(tag)) continue;
    if (/^(?:uncategori[sz]ed|none|null|undefined)$/i.test(tag) || /^[a-z]+[:_-][\w-]+:/i.test(tag)) continue;
    if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    if (tags.length >= 40) break;
  }
  return tags;
}

function documentTitle(doc: MetaDocument): string | null {
  for (const t of doc.querySelectorAll('title')) return str(t.textContent);
  return null;
}

/** Jaccard similarity of the word sets, so a short site name inside a long page title scores low. */
function similarity(a: string, b: string): number {
  const ta = new Set(
    a
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  const tb = new Set(
    b
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const union = ta.size + tb.size - shared;
  return union === 0 ? 0 : shared / union;
}

function str(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = normalizeSpace(decodeEntities(value));
  return s || null;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value.trim());
}

/** Meta values are often entity-escaped twice (`&amp;#8217;`); the parser undid one level. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|nbsp);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return safeChar(parseInt(lower.slice(2), 16)) ?? m;
    if (lower.startsWith('#')) return safeChar(parseInt(lower.slice(1), 10)) ?? m;
    return { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' }[lower] ?? m;
  });
}

function safeChar(code: number): string | null {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}
