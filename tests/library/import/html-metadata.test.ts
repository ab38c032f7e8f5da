/**
 * A saved page's metadata from what the page declares, called directly on pages parsed by linkedom (as the HTML
 * importer parses them): which source wins (JSON-LD, Open Graph and article meta, Dublin Core, Parse.ly,
 * citation meta), how each field is cleaned, and what is never taken (URLs as authors, tag debris, a generic
 * page's name as the title). html-page.test.ts and the web-pages corpus check the same through whole imports.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dedupeTags, type MetaDocument, readPageMetadata } from '../../../main/library/import/html-metadata';

function pageOf(head: string, title = ''): MetaDocument {
  const html = `<!doctype html><html><head>${title ? `<title>${title}</title>` : ''}${head}</head><body><p>x</p></body></html>`;
  return parseHTML(html).document as unknown as MetaDocument;
}

const meta = (key: string, content: string, attribute = 'name') =>
  `<meta ${attribute}="${key}" content="${content}">`;
const ld = (value: unknown, type = 'application/ld+json') =>
  `<script type="${type}">${JSON.stringify(value)}</script>`;

describe('readPageMetadata', () => {
  it('takes every field from JSON-LD first', () => {
    const page = pageOf(
      ld({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Rivers rise after rain',
        author: [{ '@type': 'Person', name: 'Ann  Lee' }, 'Bo Chen', { name: 'https://example.org/ann' }],
        datePublished: '2023-05-01T22:00:00+02:00',
        dateModified: '2023-05-02T08:00:00Z',
        description: 'Flood warnings for three valleys',
        publisher: { name: 'The Valley Times' },
        articleSection: ['Weather', 'Local'],
        keywords: 'floods, rain',
        url: 'https://example.org/rivers',
      }) +
        meta('og:title', 'OG title', 'property') +
        meta('author', 'Meta Author') +
        meta('article:published_time', '2020-01-01', 'property') +
        meta('og:site_name', 'OG site', 'property') +
        meta('article:section', 'OG section', 'property') +
        meta('description', 'Meta description') +
        meta('article:tag', 'Weather', 'property'),
    );
    const m = readPageMetadata(page);
    expect(m).toMatchObject({
      title: 'Rivers rise after rain',
      authors: ['Ann Lee', 'Bo Chen'],
      published: '2023-05-01T22:00:00+02:00',
      description: 'Flood warnings for three valleys',
      site: 'The Valley Times',
      section: 'Weather',
      tags: ['Weather', 'floods', 'rain'],
      urls: ['https://example.org/rivers'],
    });
    expect(m.zone).toMatchObject({ kind: 'offset', minutes: 120 });
  });

  it('falls back to Open Graph and article meta, then Dublin Core, Parse.ly and citation meta, in that order', () => {
    const og = readPageMetadata(
      pageOf(
        meta('og:title', 'OG title', 'property') +
          meta('dc:title', 'DC title') +
          meta('article:author', 'Ann Lee', 'property') +
          meta('article:author', 'https://example.org/bo', 'property') +
          meta('article:published_time', '2023-05-01', 'property') +
          meta('og:description', 'OG description', 'property') +
          meta('og:site_name', 'OG site', 'property') +
          meta('article:section', 'OG section', 'property') +
          meta('og:url', 'https://example.org/og', 'property'),
        'Document title',
      ),
    );
    expect(og).toMatchObject({
      title: 'OG title',
      authors: ['Ann Lee'],
      published: '2023-05-01',
      description: 'OG description',
      site: 'OG site',
      section: 'OG section',
      urls: ['https://example.org/og'],
    });
    const titles: [string, string][] = [
      ['dc:title', 'DC'],
      ['dcterms:title', 'DCterms'],
      ['twitter:title', 'Twitter'],
      ['parsely-title', 'Parsely'],
      ['citation_title', 'Citation'],
      ['title', 'Plain'],
    ];
    for (let i = 0; i < titles.length; i++) {
      const head = titles
        .slice(i)
        .map(([key, value]) => meta(key, value))
        .join('');
      expect(readPageMetadata(pageOf(head)).title, titles[i]![0]).toBe(titles[i]![1]);
    }
    for (const key of ['dc:creator', 'dcterms:creator', 'author', 'parsely-author', 'sailthru.author'])
      expect(readPageMetadata(pageOf(meta(key, 'Cy Dunn'))).authors, key).toEqual(['Cy Dunn']);
    expect(
      readPageMetadata(pageOf(meta('citation_author', 'Lee, Ann') + meta('citation_author', 'Chen, Bo')))
        .authors,
    ).toEqual(['Lee, Ann', 'Chen, Bo']);
    // An author that is a URL is no name: the citation authors are taken instead.
    expect(
      readPageMetadata(pageOf(meta('author', 'https://example.org/me') + meta('citation_author', 'Lee, Ann')))
        .authors,
    ).toEqual(['Lee, Ann']);
    for (const [key, value] of [
      ['og:description', 'a'],
      ['dc:description', 'b'],
      ['description', 'c'],
      ['twitter:description', 'd'],
    ] as const)
      expect(readPageMetadata(pageOf(meta(key, value))).description, key).toBe(value);
    expect(readPageMetadata(pageOf(meta('application-name', 'App'))).site).toBe('App');
    expect(readPageMetadata(pageOf(meta('citation_journal_title', 'Journal'))).site).toBe('Journal');
    expect(readPageMetadata(pageOf(meta('parsely-section', 'Sport'))).section).toBe('Sport');
  });

  it('reads the publication date from every key it knows, most trusted first, and the JSON-LD creation date last', () => {
    const keys = [
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
    for (let i = 0; i < keys.length; i++) {
      const head = keys
        .slice(i)
        .map((key, j) => meta(key, `20${10 + i + j}-01-01`))
        .join('');
      expect(readPageMetadata(pageOf(head)).published, keys[i]).toBe(`20${10 + i}-01-01`);
    }
    expect(readPageMetadata(pageOf(ld({ '@type': 'Article', dateCreated: '2019-02-03' }))).published).toBe(
      '2019-02-03',
    );
    expect(
      readPageMetadata(
        pageOf(ld({ '@type': 'Article', dateCreated: '2019-02-03' }) + meta('date', '2018-01-01')),
      ).published,
    ).toBe('2018-01-01');
    // Modification dates are never the publication date.
    expect(
      readPageMetadata(pageOf(meta('article:modified_time', '2018-01-01', 'property'))).published,
    ).toBeNull();
  });

  it("reads the page's zone from its first date that states one, publication first, else UTC", () => {
    const zone = (head: string) => readPageMetadata(pageOf(head)).zone;
    expect(zone(meta('article:published_time', '2023-05-01T10:00:00+09:00', 'property'))).toMatchObject({
      minutes: 540,
    });
    // The publication date states none; the modification date's zone is the page's.
    expect(
      zone(
        meta('article:published_time', '2023-05-01 10:00', 'property') +
          meta('article:modified_time', '2023-05-02T10:00:00-05:00', 'property'),
      ),
    ).toMatchObject({ minutes: -300 });
    expect(zone(ld({ '@type': 'Article', dateModified: '2023-05-02T10:00:00+01:00' }))).toMatchObject({
      minutes: 60,
    });
    expect(zone(meta('og:updated_time', '2023-05-02T10:00:00+05:30', 'property'))).toMatchObject({
      minutes: 330,
    });
    expect(zone(meta('dcterms:modified', '2023-05-02T10:00:00+03:00'))).toMatchObject({ minutes: 180 });
    expect(zone(meta('date', '2023-05-01 10:00'))).toMatchObject({ kind: 'utc' });
  });

  it('collects tags from article:tag, keywords and JSON-LD keywords, cleaned and once each', () => {
    const m = readPageMetadata(
      pageOf(
        meta('article:tag', 'Floods', 'property') +
          meta('keywords', 'rain, floods ,Rivers') +
          meta('news_keywords', 'Weather') +
          meta('parsely-tags', 'storms') +
          ld({ '@type': 'BlogPosting', headline: 'H', keywords: ['Valleys', 3, 'rain'] }),
      ),
    );
    expect(m.tags).toEqual(['Floods', 'rain', 'Rivers', 'Weather', 'storms', 'Valleys']);
  });

  it('gathers canonical URLs from links, og:url and JSON-LD, most trusted first', () => {
    const m = readPageMetadata(
      pageOf(
        '<link rel="stylesheet" href="/style.css"><link rel="Canonical  alternate" href=" /rivers "><link rel="canonical">' +
          meta('og:url', 'https://example.org/og', 'property') +
          ld({ '@type': 'Article', headline: 'H', mainEntityOfPage: { '@id': 'https://example.org/ld' } }),
      ),
    );
    expect(m.urls).toEqual(['/rivers', 'https://example.org/og', 'https://example.org/ld']);
    const plain = readPageMetadata(
      pageOf(ld({ '@type': 'Article', headline: 'H', mainEntityOfPage: 'https://e.org/p' })),
    );
    expect(plain.urls).toEqual(['https://e.org/p']);
  });

  it('finds the article node in a graph or a list, by any article type, and prefers it to a WebPage', () => {
    const graph = readPageMetadata(
      pageOf(
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebPage', name: 'The Valley Times', datePublished: '2001-01-01' },
            {
              '@type': ['https://schema.org/ReportageNewsArticle'],
              headline: 'In the graph',
              datePublished: '2023-05-01',
            },
          ],
        }),
      ),
    );
    expect([graph.title, graph.published]).toEqual(['In the graph', '2023-05-01']);
    for (const type of [
      'Article',
      'BlogPosting',
      'ScholarlyArticle',
      'TechArticle',
      'Recipe',
      'LiveBlogPosting',
    ])
      expect(readPageMetadata(pageOf(ld([{ '@type': type, headline: type }]))).title, type).toBe(type);
    // Not an article: Person, Organization, or a type that only contains an article type's name.
    for (const type of ['Person', 'Organization', 'MyArticle', 'Articles'])
      expect(readPageMetadata(pageOf(ld({ '@type': type, headline: 'Nope' }))).title, type).toBeNull();
    // A generic WebPage node alone: its name is often the site's, so it is no title; its date still counts.
    const webPage = readPageMetadata(
      pageOf(ld({ '@type': 'WebPage', name: 'The Valley Times', datePublished: '2022-02-02' })),
    );
    expect([webPage.title, webPage.published]).toEqual([null, '2022-02-02']);
    // Too deep (more than four levels of nesting) is not looked into.
    const deep = { '@graph': [[[[{ '@type': 'Article', headline: 'Deep' }]]]] };
    expect(readPageMetadata(pageOf(ld(deep))).title).toBeNull();
    const four = { '@graph': [[{ '@type': 'Article', headline: 'Found' }]] };
    expect(readPageMetadata(pageOf(ld(four))).title).toBe('Found');
  });

  it('reads JSON-LD whatever the spacing or case of its type, in CDATA, and skips broken or other scripts', () => {
    const article = { '@type': 'Article', headline: 'Fine' };
    expect(readPageMetadata(pageOf(ld(article, ' Application/LD+JSON '))).title).toBe('Fine');
    expect(readPageMetadata(pageOf(ld(article, 'application/json'))).title).toBeNull();
    expect(
      readPageMetadata(
        pageOf(`<script type="application/ld+json"> <![CDATA[${JSON.stringify(article)}]]> </script>`),
      ).title,
    ).toBe('Fine');
    expect(
      readPageMetadata(pageOf(`<script type="application/ld+json">{broken</script>${ld(article)}`)).title,
    ).toBe('Fine');
  });

  it("chooses between JSON-LD headline and name by the page's own title", () => {
    const node = {
      '@type': 'NewsArticle',
      headline: 'Rivers rise after rain in three valleys',
      name: 'Valley Times',
    };
    expect(
      readPageMetadata(pageOf(ld(node), 'Rivers rise after rain in three valleys | Valley Times')).title,
    ).toBe('Rivers rise after rain in three valleys');
    // The og:title is the page's title when there is one.
    const named = { '@type': 'NewsArticle', headline: 'Short', name: 'Rivers rise after rain' };
    expect(
      readPageMetadata(pageOf(ld(named) + meta('og:title', 'Rivers rise after rain', 'property'))).title,
    ).toBe('Rivers rise after rain');
    expect(readPageMetadata(pageOf(ld(named) + meta('twitter:title', 'Short'))).title).toBe('Short');
    // Without a page title to compare: the headline.
    expect(readPageMetadata(pageOf(ld(named))).title).toBe('Short');
    expect(readPageMetadata(pageOf(ld({ '@type': 'Article', name: 'Only a name' }))).title).toBe(
      'Only a name',
    );
  });

  it('decodes entities escaped twice, and only real characters', () => {
    const m = readPageMetadata(
      pageOf(
        meta(
          'og:title',
          'It&amp;#8217;s &amp;quot;fine&amp;quot; &amp;amp; &amp;lt;ok&amp;gt; &amp;#x2014; &amp;apos;yes&amp;apos;',
          'property',
        ) + meta('description', 'a&amp;nbsp;b &amp;#0; &amp;#x110000; &amp;bogus;'),
      ),
    );
    expect(m.title).toBe('It’s "fine" & <ok> — \'yes\'');
    expect(m.description).toBe('a b &#0; &#x110000; &bogus;');
  });

  it('reads keys from property, name or itemprop, any case, several per tag, Dublin Core with a dot', () => {
    const m = readPageMetadata(
      pageOf(
        '<meta itemprop="DESCRIPTION" content="From itemprop">' +
          '<meta property="og:title twitter:title" content="Both">' +
          '<meta name="DC.Creator" content="Dot Creator">' +
          '<meta name="dcterm.created" content="2021-03-04">' +
          '<meta name="og:site_name">' +
          '<meta name="keywords" content="">',
      ),
    );
    expect([m.description, m.title, m.authors, m.published, m.site, m.tags]).toEqual([
      'From itemprop',
      'Both',
      ['Dot Creator'],
      '2021-03-04',
      null,
      [],
    ]);
    // Blank values are passed over for the next key.
    expect(
      readPageMetadata(pageOf(meta('og:title', '   ', 'property') + meta('dc:title', 'Next'))).title,
    ).toBe('Next');
  });

  it('has nothing to say about a page that declares nothing', () => {
    expect(readPageMetadata(pageOf('', 'Just a title'))).toMatchObject({
      title: null,
      authors: [],
      published: null,
      description: null,
      site: null,
      section: null,
      tags: [],
      urls: [],
    });
  });
});

describe('readPageMetadata, at the edges', () => {
  it('compares JSON-LD headline and name with the og:title, the twitter:title or the document title', () => {
    const named = { '@type': 'NewsArticle', headline: 'Short', name: 'Rivers rise after rain' };
    expect(readPageMetadata(pageOf(ld(named) + meta('twitter:title', 'Rivers rise after rain'))).title).toBe(
      'Rivers rise after rain',
    );
    expect(readPageMetadata(pageOf(ld(named), 'Rivers rise after rain | Valley Times')).title).toBe(
      'Rivers rise after rain',
    );
    // Neither matches the page's title better: the headline, never a site name that happens to be in `name`.
    const site = { '@type': 'NewsArticle', headline: 'Rivers rise', name: 'Valley Times' };
    expect(readPageMetadata(pageOf(ld(site), 'Home')).title).toBe('Rivers rise');
    // By how much of the title matches, not how many words: a long name holding the title loses to the headline.
    const long = {
      '@type': 'NewsArticle',
      headline: 'Rivers rise after rain today',
      name: 'Rivers rise after rain today in the valley, says the Valley Times weather desk',
    };
    expect(
      readPageMetadata(pageOf(ld(long) + meta('og:title', 'Rivers rise after rain today', 'property'))).title,
    ).toBe('Rivers rise after rain today');
  });

  it('reads JSON-LD authors as a single object, a list with nulls, and never a URL, http or https', () => {
    const one = { '@type': 'Article', headline: 'H', author: { '@type': 'Person', name: 'Ann Lee' } };
    expect(readPageMetadata(pageOf(ld(one))).authors).toEqual(['Ann Lee']);
    const list = {
      '@type': 'Article',
      headline: 'H',
      author: [null, 'Bo Chen', 7, { name: 'http://example.org/x' }],
    };
    expect(readPageMetadata(pageOf(ld(list))).authors).toEqual(['Bo Chen']);
    // Meta authors are cleaned too: spaces collapsed, URLs (with space around them) dropped, a name with a URL kept.
    const meta2 = readPageMetadata(
      pageOf(
        meta('article:author', 'Ann   Lee', 'property') +
          meta('article:author', ' https://example.org/bo ', 'property') +
          meta('article:author', 'Cy Dunn (https://cy.example)', 'property'),
      ),
    );
    expect(meta2.authors).toEqual(['Ann Lee', 'Cy Dunn (https://cy.example)']);
    expect(readPageMetadata(pageOf(meta('author', 'http://example.org/me'))).authors).toEqual([]);
  });

  it('finds article nodes whatever else they are, at four levels deep, and past a null', () => {
    const mixed = ld({
      '@graph': [
        { '@type': 'WebPage', name: 'Site' },
        { '@type': ['WebPage', 'NewsArticle'], headline: 'Both types' },
      ],
    });
    expect(readPageMetadata(pageOf(mixed)).title).toBe('Both types');
    expect(readPageMetadata(pageOf(ld({ '@type': ['Thing', 'Article'], headline: 'Thing too' }))).title).toBe(
      'Thing too',
    );
    // A node both WebPage and an article type is no generic page: its name is its title.
    expect(readPageMetadata(pageOf(ld({ '@type': ['WebPage', 'Article'], name: 'Named' }))).title).toBe(
      'Named',
    );
    expect(
      readPageMetadata(pageOf(ld({ '@type': 'http://schema.org/Article', headline: 'Http' }))).title,
    ).toBe('Http');
    // root 0, @graph 1, list 2, list 3, node 4: read; one level more is not.
    expect(
      readPageMetadata(pageOf(ld({ '@graph': [[[{ '@type': 'Article', headline: 'Four' }]]] }))).title,
    ).toBe('Four');
    expect(
      readPageMetadata(pageOf(ld([null, 'text', 3, { '@type': 'Article', headline: 'After null' }]))).title,
    ).toBe('After null');
  });

  it('strips a CDATA wrapper only around the whole JSON, and reads a zone from a date with spaces around it', () => {
    const inside = { '@type': 'Article', headline: 'x <![CDATA[ y ]]> z' };
    expect(
      readPageMetadata(
        pageOf(`<script type="application/ld+json"><![CDATA[${JSON.stringify(inside)}]]></script>`),
      ).title,
    ).toBe('x <![CDATA[ y ]]> z');
    expect(
      readPageMetadata(
        pageOf(`<script type="application/ld+json">\n  <![CDATA[${JSON.stringify(inside)}]]>\n  </script>`),
      ).title,
    ).toBe('x <![CDATA[ y ]]> z');
    const spaced = readPageMetadata(pageOf(meta('date', ' 2023-05-01T10:00:00+09:00 ')));
    expect(spaced.zone).toMatchObject({ minutes: 540 });
  });

  it('decodes the last code point there is, and not one past it', () => {
    expect(readPageMetadata(pageOf(meta('description', 'a&amp;#x10FFFF;b &amp;#1114111;'))).description).toBe(
      'a\u{10FFFF}b \u{10FFFF}',
    );
  });
});

describe('dedupeTags', () => {
  it('trims, drops a leading #, and keeps the first spelling of each tag', () => {
    expect(dedupeTags([' Floods ', '#rain', 'FLOODS', 'Rain', 'storm  front'])).toEqual([
      'Floods',
      'rain',
      'storm front',
    ]);
  });

  it('drops debris, placeholders, numbers and CMS ids, and overlong tags', () => {
    const kept = dedupeTags([
      'a=b',
      '<b>',
      'x > y',
      '{slot}',
      'a|b',
      '2023',
      '---',
      '_',
      'uncategorized',
      'Uncategorised',
      'none',
      'NULL',
      'undefined',
      'ns:news-desk:local',
      'cms_id:abc:1',
      'x'.repeat(61),
      'y'.repeat(60),
      'C++',
      'COVID-19',
    ]);
    expect(kept).toEqual(['y'.repeat(60), 'C++', 'COVID-19']);
    // Only whole-tag placeholders and ids are dropped, and only a leading # is.
    expect(
      dedupeTags(['C#', '2023 review', 'Undefined behaviour', 'Not undefined', 'see cms_id:abc:1', '#F#']),
    ).toEqual(['C#', '2023 review', 'Undefined behaviour', 'Not undefined', 'see cms_id:abc:1', 'F#']);
  });

  it('keeps at most 40', () => {
    const many = Array.from({ length: 50 }, (_, i) => `tag${i}`);
    expect(dedupeTags(many)).toEqual(many.slice(0, 40));
  });
});
