/**
 * Metadata: bidi overrides and control characters in titles, tags, authors and sites (removed at import), fields
 * of 100 KB (capped), Wallabag exports with a bad date or `<body` in their content, URLs and dates that are not
 * what they claim, a YAML alias bomb.
 */
import { expect } from 'vitest';
import type { ArticleView } from '../../../common/article';
import type { HostileCase } from './case';
import { markerOf, page, payload, textBody, writeFile } from './build';
import { scanStoredHtml } from './inert-scan';

const F = 'metadata' as const;

/** C0/C1 controls, bidi embeddings, overrides and isolates: never in a stored title, tag, author or site. */
export const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/**
 * No title, tag, author or site is longer than this. The issue asks for a cap without naming it; any cap a
 * person could read on one screen is below this bound.
 */
export const FIELD_LENGTH_BOUND = 2048;

export function cleanFields(article: ArticleView): void {
  for (const [field, value] of [
    ['title', article.title],
    ['author', article.author],
    ['site', article.site],
    ['subtitle', article.subtitle],
    ...article.tags.map((t) => ['tag', t] as const),
  ] as const) {
    if (value === null) continue;
    expect(value, `${field} holds a control or bidi character`).not.toMatch(UNSAFE_CHARACTERS);
    if (field !== 'subtitle') expect(value.length, `${field} length`).toBeLessThanOrEqual(FIELD_LENGTH_BOUND);
  }
}

function pageCase(
  spec: Omit<HostileCase, 'family' | 'write' | 'outcome'> & { html: (canary: string) => string },
): HostileCase {
  const { html, ...rest } = spec;
  return {
    ...rest,
    family: F,
    outcome: { kind: 'imported', count: 1 },
    async write(dir, ctx) {
      return [await writeFile(dir, `${spec.name}.html`, html(ctx.canary))];
    },
  };
}

const RLO = '\u202e';
const BIG = 100 * 1024;

function wallabag(entries: Array<Record<string, unknown>>): string {
  return JSON.stringify(
    entries.map((e, i) => ({
      id: i + 1,
      url: `https://example.org/wallabag/${i + 1}`,
      domain_name: 'example.org',
      reading_time: 2,
      is_archived: 0,
      is_starred: 0,
      tags: [],
      ...e,
    })),
  );
}

const wbParagraphs = (marker: string) =>
  `<p>${marker} starts this entry about the harbour, the boats and the storm that came in overnight.</p><p>The ferry ran on time.</p>`;

export const METADATA_CASES: HostileCase[] = [
  pageCase({
    name: 'bidi-override-title',
    input: 'a title `Invoice ‮gnp.exe` holding a right-to-left override (reads `exe.png`)',
    expected: 'imported; the override removed from the title (API, `offprint list`, reader)',
    marker: markerOf('bidi-override-title'),
    html: () =>
      page({
        title: `Invoice ${RLO}gnp.exe`,
        marker: markerOf('bidi-override-title'),
        body: '<p>Attached.</p>',
      }),
    check: ([article]) => {
      cleanFields(article!);
      expect(article!.title).toContain('gnp.exe');
    },
  }),
  pageCase({
    name: 'bidi-tags-author-site',
    input:
      'keywords, author and site name holding overrides, embeddings and isolates (U+202A–202E, U+2066–2069)',
    expected: 'imported; every bidi control removed from tags, author and site',
    marker: markerOf('bidi-tags-author-site'),
    html: () =>
      page({
        title: 'Bidi in the metadata',
        marker: markerOf('bidi-tags-author-site'),
        head: [
          `<meta name="keywords" content="har${RLO}bour, \u202aferry\u202c, \u2066tide\u2069, \u2067moon\u2068">`,
          `<meta name="author" content="Jane ${RLO}eoD">`,
          `<meta property="og:site_name" content="\u202dExample${RLO} News">`,
        ].join(''),
        body: '<p>Metadata only.</p>',
      }),
    check: ([article]) => {
      cleanFields(article!);
      expect(article!.tags.length).toBeGreaterThan(0);
    },
  }),
  pageCase({
    name: 'control-chars-title',
    input: 'a title with BEL, backspace, an ANSI colour escape (`ESC[31m`), DEL and a C1 control',
    expected: 'imported; control characters removed from the title (a terminal shows no escape)',
    marker: markerOf('control-chars-title'),
    html: () =>
      page({
        title: 'Red \u001b[31malert\u001b[0m bell\u0007 back\u0008space del\u007f next\u0085line',
        marker: markerOf('control-chars-title'),
        head: '<meta name="keywords" content="tag\u001b[2Jclear, bell\u0007tag">',
        body: '<p>Body.</p>',
      }),
    check: ([article]) => {
      cleanFields(article!);
      expect(article!.title).toContain('alert');
    },
  }),
  pageCase({
    name: 'huge-title',
    input: 'a 100 KB `<title>` and `<h1>`',
    expected: 'imported; the title capped (stored uncapped before)',
    marker: markerOf('huge-title'),
    html: () => {
      const title = 'Long title word '.repeat(BIG / 16);
      return page({ title, marker: markerOf('huge-title'), body: '<p>Short body.</p>' });
    },
    check: ([article]) => {
      cleanFields(article!);
      expect(article!.title.startsWith('Long title word')).toBe(true);
    },
  }),
  pageCase({
    name: 'huge-author-site-tags',
    input: 'a 100 KB author, a 100 KB site name, a 100 KB keyword and 5,000 keywords',
    expected: 'imported; author, site and each tag capped',
    marker: markerOf('huge-author-site-tags'),
    html: () =>
      page({
        title: 'Huge metadata fields',
        marker: markerOf('huge-author-site-tags'),
        head: [
          `<meta name="author" content="${'Author '.repeat(BIG / 7)}">`,
          `<meta property="og:site_name" content="${'Site '.repeat(BIG / 5)}">`,
          `<meta name="keywords" content="${'k'.repeat(BIG)}, ${Array.from({ length: 5000 }, (_, i) => `tag${i}`).join(', ')}">`,
        ].join(''),
        body: '<p>Body.</p>',
      }),
    check: ([article]) => cleanFields(article!),
  }),
  pageCase({
    name: 'jsonld-breakout',
    input: 'JSON-LD whose headline closes its `<script>` and opens another; an author with an override',
    expected: 'imported; the second script never runs; fields clean',
    marker: markerOf('jsonld-breakout'),
    html: (canary) =>
      page({
        title: 'Structured data trick',
        marker: markerOf('jsonld-breakout'),
        head: `<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Ann ${RLO}nnA"},"headline":"Breakout </script><script>${payload({ canary }, 'jsonld')}</script>"}</script>`,
        body: '<p>Body.</p>',
      }),
    check: ([article], ctx) => {
      cleanFields(article!);
      expect(scanStoredHtml(article!.html, ctx.canary)).toEqual([]);
    },
  }),
  pageCase({
    name: 'canonical-url-schemes',
    input: 'canonical URL `javascript:…`, `og:url` `file:///etc/passwd`, citation URL `data:text/html,…`',
    expected: 'imported; the stored URL is null or http(s), never those',
    marker: markerOf('canonical-url-schemes'),
    html: (canary) =>
      page({
        title: 'URLs that are not web addresses',
        marker: markerOf('canonical-url-schemes'),
        head: [
          `<link rel="canonical" href="javascript:${payload({ canary }, 'canonical')}">`,
          '<meta property="og:url" content="file:///etc/passwd">',
          '<meta name="citation_public_url" content="data:text/html,<script>alert(1)</script>">',
        ].join(''),
        body: '<p>Body.</p>',
      }),
    check: ([article]) => {
      if (article!.url !== null) expect(article!.url).toMatch(/^https?:\/\//);
    },
  }),
  pageCase({
    name: 'date-extremes',
    input: '`article:published_time` of `+275760-09-13T00:00:00Z`, and a `date` meta of `0000-00-00`',
    expected: 'imported; the date is null or a valid four-digit-year ISO date',
    marker: markerOf('date-extremes'),
    html: () =>
      page({
        title: 'Dates out of range',
        marker: markerOf('date-extremes'),
        head: '<meta property="article:published_time" content="+275760-09-13T00:00:00Z"><meta name="date" content="0000-00-00">',
        body: '<p>Body.</p>',
      }),
    check: ([article]) => {
      if (article!.published !== null) expect(article!.published).toMatch(/^\d{4}-\d\d-\d\dT/);
    },
  }),
  {
    name: 'wallabag-bad-date',
    family: F,
    input:
      'a Wallabag export of five entries, four with bad `published_at` (`not a date`, `2021-02-30T25:61:00Z`, an object, `1e20`)',
    expected: 'all five imported; a bad date becomes no date (one bad date failed the whole export before)',
    outcome: { kind: 'imported', count: 5 },
    marker: markerOf('wallabag-bad-date'),
    async write(dir) {
      const marker = markerOf('wallabag-bad-date');
      const json = wallabag([
        {
          title: 'Good date entry',
          content: wbParagraphs(marker),
          published_at: '2021-03-04T05:06:07+00:00',
        },
        { title: 'Words for a date', content: wbParagraphs(marker), published_at: 'not a date' },
        { title: 'Impossible date', content: wbParagraphs(marker), published_at: '2021-02-30T25:61:00Z' },
        { title: 'Object for a date', content: wbParagraphs(marker), published_at: { year: 2021 } },
        // Out of the range of a JavaScript date: `toISOString` throws on it.
        { title: 'Number past any date', content: wbParagraphs(marker), published_at: 1e20 },
      ]);
      return [await writeFile(dir, 'wallabag-bad-date.json', json)];
    },
    check: (articles) => {
      for (const a of articles) if (a.published !== null) expect(a.published).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(articles.find((a) => a.title === 'Good date entry')?.published).toMatch(/^2021-03-04/);
    },
  },
  {
    name: 'wallabag-body-tag',
    family: F,
    input: 'a Wallabag entry whose content mentions and contains `<body` (`<p>the <body> element…`)',
    expected: 'imported with all its text (it lost its text before)',
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('wallabag-body-tag'),
    async write(dir) {
      const marker = markerOf('wallabag-body-tag');
      const content = `<p>${marker} explains the <body> element of a web page and the harbour.</p><p>Second paragraph survives the body tag.</p>`;
      return [
        await writeFile(dir, 'wallabag-body-tag.json', wallabag([{ title: 'Body tag entry', content }])),
      ];
    },
    check: ([article]) => {
      expect(article!.text).toContain(markerOf('wallabag-body-tag'));
      expect(article!.text).toContain('Second paragraph survives the body tag');
    },
  },
  {
    name: 'yaml-alias-bomb',
    family: F,
    input: 'Markdown whose front matter is a “billion laughs” YAML alias bomb',
    expected: 'imported without the front matter (or refused with a reason); finishes at once',
    outcome: { kind: 'either', reasons: [/front matter|yaml|alias/i] },
    marker: markerOf('yaml-alias-bomb'),
    async write(dir) {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      levels.push('title: *i');
      const md = [
        '---',
        ...levels,
        '---',
        '',
        '# Laughing note',
        '',
        textBody(markerOf('yaml-alias-bomb')),
      ].join('\n');
      return [await writeFile(dir, 'yaml-alias-bomb.md', md)];
    },
    check: ([article]) => cleanFields(article!),
  },
  {
    name: 'markdown-front-matter-hostile',
    family: F,
    input:
      'Markdown front matter: title with an override and ESC, author `<script>`, source `javascript:`, 100 KB tag',
    expected: 'imported; title, author and tags clean and capped; URL null',
    outcome: { kind: 'imported', count: 1 },
    marker: markerOf('markdown-front-matter-hostile'),
    async write(dir, ctx) {
      const md = [
        '---',
        `title: "Clip ${RLO}fdp.exe \\e[31m"`,
        `author: "<script>${payload(ctx, 'fm-author').replace(/"/g, "'")}</script>"`,
        'source: "javascript:alert(1)"',
        `tags: [harbour, "${'t'.repeat(BIG)}"]`,
        '---',
        '',
        textBody(markerOf('markdown-front-matter-hostile')),
      ].join('\n');
      return [await writeFile(dir, 'markdown-front-matter-hostile.md', md)];
    },
    check: ([article], ctx) => {
      cleanFields(article!);
      expect(article!.url).toBeNull();
      expect(scanStoredHtml(article!.html, ctx.canary)).toEqual([]);
    },
  },
];
