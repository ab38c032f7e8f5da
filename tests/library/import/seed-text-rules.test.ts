/**
 * The seed format's rules, called directly (parseSeed, seedLandmarks and the importer's acceptance): its
 * variants and every rule one by one. seed-text-importer.test.ts checks the seed article itself, golden,
 * through extract.
 */
import { describe, expect, it } from 'vitest';
import { parseSeed, seedLandmarks, seedTextImporter } from '../../../main/library/import/formats/seed-text';
import type { ImportOutcome } from '../../../main/library/import/importer';
import { SEED_LIKE } from '../../helpers/fixtures-and-shared';

describe('seed-format variants', () => {
  it('reads a page of the same shape with another category, bullet and CRLF', () => {
    const p = parseSeed(SEED_LIKE.replace(/\n/g, '\r\n').replace(/•/g, '▪'));
    expect(p.title).toBe('Harbour cranes return to the old port after ten years');
    expect(p.category).toBe('World');
    expect(p.subtitle).toBe('City council approves a plan to reopen the container quay');
    expect(p.body).toEqual([
      'A crane stands on the quay at dawn.',
      'The council voted on Tuesday to reopen the container quay that closed a decade ago.',
      'Dock workers welcomed the decision, saying the cranes would bring back hundreds of jobs.',
    ]);
    expect(p.tags).toEqual(['Shipping', 'Ports']);
    expect(p.published).toBe('2022-01-03T08:30:00Z');
    expect(p.previousTitle).toBe('Lighthouse keepers gather for their last reunion');
    expect(p.nextTitle).toBe('Ferry timetable changes for the winter');
  });

  it('reads a page with one headline, no date and no tag list', () => {
    const text = [
      'Home Science Bees learn to count',
      '',
      'Bees learn to count',
      '',
      'A study finds bees can tell three from four',
      '',
      'Bees were trained with sugar rewards.',
      '',
      'They then chose the card with more dots.',
      '',
      'Previous articleAnts build bridges',
    ].join('\n');
    expect(seedLandmarks(text)).toBeGreaterThanOrEqual(2);
    const p = parseSeed(text);
    expect(p.title).toBe('Bees learn to count');
    expect(p.category).toBe('Science');
    expect(p.subtitle).toBe('A study finds bees can tell three from four');
    expect(p.body).toEqual([
      'Bees were trained with sugar rewards.',
      'They then chose the card with more dots.',
    ]);
    expect(p.tags).toEqual([]);
    expect(p.published).toBeNull();
    expect(p.previousTitle).toBe('Ants build bridges');
    expect(p.nextTitle).toBeNull();
  });

  it('reads two headline repeats and a dash bullet list, and keeps Uncategorized out of the tags', () => {
    const text = [
      'Home Uncategorized Night trains are back',
      'Night trains are back',
      'Night trains are back',
      'Sleeper services return to three routes',
      'The first train left at ten.',
      'Passengers slept in new cabins.',
      '- Rail',
      '- Uncategorized',
      'Published at 2023-05-01T22:00:00Z',
    ].join('\n');
    const p = parseSeed(text);
    expect(p.title).toBe('Night trains are back');
    expect(p.category).toBe('Uncategorized');
    expect(p.tags).toEqual(['Rail']);
    expect(p.published).toBe('2023-05-01T22:00:00Z');
    expect(p.body).toEqual(['The first train left at ten.', 'Passengers slept in new cabins.']);
  });
});

/** A seed page: breadcrumb, headline twice, standfirst, two paragraphs, then `footer` lines. */
function page(footer: string[], crumb = 'Home World Rivers rise after rain'): string {
  return [
    crumb,
    'Rivers rise after rain',
    'Rivers rise after rain',
    'Flood warnings for three valleys',
    'The river rose a metre overnight.',
    'Farmers moved their herds uphill.',
    ...footer,
  ].join('\n');
}

describe('seed-format rules, one by one', () => {
  it('reads the category after Home and every separator a breadcrumb uses', () => {
    for (const crumb of [
      'Home World Rivers rise after rain',
      'Home › World › Rivers rise after rain',
      'Home » World » Rivers rise after rain',
      'Home > World > Rivers rise after rain',
      'Home / World / Rivers rise after rain',
      'Home | World | Rivers rise after rain',
      'Home›World›Rivers rise after rain',
    ]) {
      const p = parseSeed(page(['• Floods'], crumb));
      expect([p.title, p.category, p.subtitle], crumb).toEqual([
        'Rivers rise after rain',
        'World',
        'Flood warnings for three valleys',
      ]);
    }
    // A breadcrumb of the headline alone has no category; a page without one has none either.
    expect(parseSeed(page(['• Floods'], 'Home Rivers rise after rain')).category).toBeNull();
    expect(parseSeed(page(['• Floods'], 'Breaking news')).category).toBeNull();
    // A "Home" line alone is the only line: it is the headline, not a breadcrumb.
    expect(parseSeed('Home World').title).toBe('Home World');
  });

  it('takes every bullet a footer uses, trims it, and keeps each tag once whatever its case', () => {
    const bullets = ['•', '·', '▪', '◦', '●', '‣', '⁃', '-', '*', '–'];
    const p = parseSeed(page(bullets.map((b, i) => `  ${b} Tag${i}  `)));
    expect(p.tags).toEqual(bullets.map((_, i) => `Tag${i}`));
    expect(parseSeed(page(['• Floods', '• floods', '• FLOODS', '• Rain'])).tags).toEqual(['Floods', 'Rain']);
    // A bullet needs a space after it: "-5 degrees" is body text, not a tag.
    expect(parseSeed(page(['-5 degrees at dawn.', '• Floods'])).body).toContain('-5 degrees at dawn.');
  });

  it('keeps markup debris, placeholders and overlong lines out of the tags', () => {
    const debris = [
      '• ” target=”_blank” rel=”noreferrer”>',
      '• a=b',
      '• <b>',
      '• x > y',
      '• {slot}',
      '• }',
      '• "quoted',
      '• “quoted',
      '• ”quoted',
      "• 'quoted",
      '• ‘quoted',
      '• ’quoted',
      '• Uncategorized',
      '• uncategorised',
      `• ${'x'.repeat(81)}`,
    ];
    const p = parseSeed(page([...debris, `• ${'y'.repeat(80)}`, '• Floods']));
    expect(p.tags).toEqual(['y'.repeat(80), 'Floods']);
  });

  it('reads previous and next titles in every form, and no title as none', () => {
    const forms: [string, string][] = [
      ['Previous articleOld news', 'Next articleNew news'],
      ['Previous article: Old news', 'Next article: New news'],
      ['Previous article › Old news', 'Next article › New news'],
      ['Previous article » Old news', 'Next article » New news'],
      ['Previous article > Old news', 'Next article > New news'],
      ['Previous article - Old news', 'Next article - New news'],
      ['PREVIOUS ARTICLE Old news', 'next article New news'],
      ['Previousarticle Old news', 'Nextarticle New news'],
    ];
    for (const [previous, next] of forms) {
      const p = parseSeed(page([previous, next]));
      expect([p.previousTitle, p.nextTitle], previous).toEqual(['Old news', 'New news']);
      expect(p.body).toEqual(['The river rose a metre overnight.', 'Farmers moved their herds uphill.']);
    }
    const bare = parseSeed(page(['Previous article', 'Next article:']));
    expect([bare.previousTitle, bare.nextTitle]).toEqual([null, null]);
  });

  it('reads the date line in every form, as UTC without a zone, keeping a good date over a bad one', () => {
    for (const line of [
      'Published at 2023-05-01 22:00',
      'Published on 2023-05-01 22:00',
      'Published: 2023-05-01 22:00',
      'Posted on 2023-05-01 22:00',
      'Updated 2023-05-01 22:00',
      'updated at: 2023-05-01 22:00',
      'Published at 2023-05-02T07:00:00+09:00',
    ])
      expect(parseSeed(page([line])).published, line).toBe('2023-05-01T22:00:00Z');
    expect(parseSeed(page(['Published at 2023-05-01 22:00', 'Updated at some point'])).published).toBe(
      '2023-05-01T22:00:00Z',
    );
    expect(parseSeed(page(['Published at no date'])).published).toBeNull();
    // A long line that starts like a date line is a paragraph of the body.
    const long = `Updated figures show the river rose ${'higher '.repeat(15)}than ever.`;
    expect(long.length).toBeGreaterThanOrEqual(120);
    const p = parseSeed(page([long, '• Floods']));
    expect(p.body.at(-1)).toBe(long);
    const shortLine = `Updated ${'x'.repeat(110)}`;
    expect(shortLine.length).toBeLessThan(120);
    expect(parseSeed(page([shortLine, '• Floods'])).body).not.toContain(shortLine);
  });

  it('leaves page furniture out of the body', () => {
    const furniture = [
      'Reuse this content',
      'Share this article',
      'Share on Facebook',
      'Advertisement',
      'Skip to content',
      'SHARE THIS ARTICLE',
    ];
    const p = parseSeed(page(furniture));
    expect(p.body).toEqual(['The river rose a metre overnight.', 'Farmers moved their herds uphill.']);
    // Such words inside a sentence are the article's own.
    const inSentence = parseSeed(page(['Advertisement revenue fell.', '• Floods']));
    expect(inSentence.body.at(-1)).toBe('Advertisement revenue fell.');
  });

  it('takes a standfirst only when a body follows it and it is no longer than 400 characters', () => {
    const withStandfirst = (standfirst: string) =>
      parseSeed(['Rivers rise', 'Rivers rise', standfirst, 'The body.'].join('\n'));
    expect(withStandfirst('s'.repeat(400)).subtitle).toBe('s'.repeat(400));
    const long = withStandfirst('s'.repeat(401));
    expect(long.subtitle).toBeNull();
    expect(long.body).toEqual(['s'.repeat(401), 'The body.']);
    const alone = parseSeed(['Rivers rise', 'Rivers rise', 'Only one paragraph.'].join('\n'));
    expect([alone.subtitle, alone.body]).toEqual([null, ['Only one paragraph.']]);
  });

  it('finds the headline: the first line repeated near the top, else the end of the breadcrumb, else the first', () => {
    // Repeated, but not as the first line after the breadcrumb: see 'takes the whole run of headline lines…'.
    // A repeat past the twelfth line is body text repeating itself, not a headline.
    const lines = [
      'Home News First line',
      'First line',
      ...Array.from({ length: 11 }, (_, i) => `Para ${i}.`),
    ];
    const late = parseSeed([...lines, 'Para 0.', 'Para 1.'].join('\n'));
    expect(late.title).toBe('First line');
    expect(late.category).toBe('News');
    // Not repeated, not ending the breadcrumb: the first line.
    const plain = parseSeed(['Home News Something else', 'First line', 'Second line', 'Third.'].join('\n'));
    expect([plain.title, plain.category, plain.subtitle]).toEqual([
      'First line',
      'News Something else',
      'Second line',
    ]);
    expect(parseSeed('').title).toBe('Untitled');
    expect(parseSeed('• only a tag').title).toBe('Untitled');
  });

  it('counts each landmark of the format once', () => {
    expect(seedLandmarks('Home World Title\nbody')).toBe(1);
    expect(seedLandmarks('Title\nTitle\nbody')).toBe(1);
    expect(seedLandmarks('Title\nbody\nNext article Other')).toBe(1);
    expect(seedLandmarks('Title\nbody\nPublished at 2023-05-01 22:00')).toBe(1);
    expect(seedLandmarks('Title\nbody\nPublished at some point')).toBe(0);
    expect(seedLandmarks('Title\nbody\nReuse this content')).toBe(1);
    expect(
      seedLandmarks(page(['Published at 2023-05-01 22:00', 'Reuse this content', 'Next article X'])),
    ).toBe(5);
    // A repeat beyond the first twelve lines is no landmark; landmarks beyond the last thirty lines are none.
    expect(seedLandmarks(['A', ...Array.from({ length: 11 }, (_, i) => `P${i}`), 'A'].join('\n'))).toBe(0);
    expect(
      seedLandmarks(['Next article X', ...Array.from({ length: 30 }, (_, i) => `P${i}`)].join('\n')),
    ).toBe(0);
    expect(
      seedLandmarks(['Next article X', ...Array.from({ length: 29 }, (_, i) => `P${i}`)].join('\n')),
    ).toBe(1);
    expect(seedLandmarks('')).toBe(0);
  });
});

describe('the seed-text importer', () => {
  const sniffed = (text: string | null, extension: string) =>
    ({ text, extension, encoding: 'utf-8' }) as Parameters<typeof seedTextImporter.accepts>[1];
  const input = { name: 'page.txt', bytes: new Uint8Array() } as unknown as Parameters<
    typeof seedTextImporter.accepts
  >[0];

  it('takes text files with two landmarks or more, by extension', () => {
    const text = page(['Published at 2023-05-01 22:00']);
    for (const extension of ['txt', 'text', ''])
      expect(seedTextImporter.accepts(input, sniffed(text, extension)), extension).toBe(true);
    for (const extension of ['md', 'html', 'csv'])
      expect(seedTextImporter.accepts(input, sniffed(text, extension)), extension).toBe(false);
    expect(seedTextImporter.accepts(input, sniffed(null, 'txt'))).toBe(false);
    expect(seedTextImporter.accepts(input, sniffed('Home World Title\nbody', 'txt'))).toBe(false);
  });

  it('refuses a page with a headline and no text, naming the file', async () => {
    const outcomes = await seedTextImporter.read(
      input,
      sniffed(
        ['Home World Title', 'Title', 'Title', '• Tag', 'Published at 2023-05-01 22:00'].join('\n'),
        'txt',
      ),
    );
    expect(outcomes).toEqual([
      { kind: 'failed', source: 'page.txt', reason: 'the file has a headline but no article text' },
    ]);
  });
});

describe('seed-format rules, at their edges', () => {
  it('reads each landmark only where it stands: a line that merely mentions one is body text', () => {
    // Each right above the footer, where a footer line would be taken into it.
    for (const line of [
      'See the previous article for more.',
      'The next article follows tomorrow.',
      'The report was published on 2023-05-01 22:00.',
      'word• not a tag',
      'Please share this article today',
    ]) {
      const p = parseSeed(page([line, '• Floods']));
      expect(p.body.at(-1), line).toBe(line);
      expect([p.previousTitle, p.nextTitle, p.published, p.tags], line).toEqual([
        null,
        null,
        null,
        ['Floods'],
      ]);
    }
    // A breadcrumb starts the page with Home.
    expect(parseSeed(page(['• Floods'], 'Go Home World Rivers rise after rain')).category).toBeNull();
    // A dash list inside the body is the body's, not the footer's tags.
    const listed = parseSeed(page(['- first point', '- second point', 'A closing paragraph.', '• Floods']));
    expect(listed.tags).toEqual(['Floods']);
    expect(listed.body).toContain('- first point');
  });

  it('reads the date line however it is spaced, and up to 119 characters long', () => {
    for (const line of [
      'Published  at 2023-05-01 22:00',
      'Published:2023-05-01 22:00',
      'Posted\ton 2023-05-01 22:00',
    ])
      expect(parseSeed(page([line])).published, line).toBe('2023-05-01T22:00:00Z');
    const at = (length: number) => `Updated ${'x'.repeat(length - 8)}`;
    expect(parseSeed(page([at(119), '• Floods'])).body).not.toContain(at(119));
    expect(parseSeed(page([at(120), '• Floods'])).body).toContain(at(120));
  });

  it('keeps a tag with quotes inside it, refusing only one that starts with a quote', () => {
    expect(parseSeed(page(['• Rock "n" Roll', '• “Quoted', '• Don’t panic'])).tags).toEqual([
      'Rock "n" Roll',
      'Don’t panic',
    ]);
  });

  it('takes the whole run of headline lines out of the body, wherever the headline stands', () => {
    const p = parseSeed(
      [
        'Home News',
        'Kicker',
        'The headline',
        'The headline',
        'Standfirst here',
        'Body one.',
        'Body two.',
      ].join('\n'),
    );
    expect([p.title, p.subtitle, p.body]).toEqual([
      'The headline',
      'Kicker',
      ['Standfirst here', 'Body one.', 'Body two.'],
    ]);
    // Not repeated: the first line is the headline, even when the breadcrumb does not end with it.
    const plain = parseSeed(['Home News Elsewhere', 'First line', 'Second line', 'Third.'].join('\n'));
    expect([plain.title, plain.subtitle, plain.body]).toEqual(['First line', 'Second line', ['Third.']]);
  });

  it('counts landmarks on trimmed, non-blank lines', () => {
    const text = '\n\n   Home World Title  \n\n  Title\n Title\nbody';
    expect(seedLandmarks(text)).toBe(2);
  });
});

describe('the seed-text importer, reading', () => {
  const sniffed = (text: string, extension = 'txt') =>
    ({ text, extension, encoding: 'utf-8' }) as Parameters<typeof seedTextImporter.accepts>[1];
  const input = { name: 'page.txt', bytes: new Uint8Array() } as unknown as Parameters<
    typeof seedTextImporter.accepts
  >[0];

  it('takes a page with exactly two landmarks', () => {
    const two = ['Home World Title', 'Title', 'Title', 'Body.'].join('\n');
    expect(seedLandmarks(two)).toBe(2);
    expect(seedTextImporter.accepts(input, sniffed(two))).toBe(true);
  });

  it('makes one article of the fields it read, under its own name', async () => {
    // The seed importer reads one file into one outcome, as a list.
    const outcomes = (await seedTextImporter.read(
      input,
      sniffed(page(['• Floods', 'Published at 2023-05-01 22:00', 'Previous articleOld', 'Next articleNew'])),
    )) as ImportOutcome[];
    expect(outcomes).toHaveLength(1);
    const [outcome] = outcomes;
    if (outcome!.kind !== 'article') throw new Error(outcome!.reason);
    expect(outcome!.importer).toBe('seed-text');
    expect(outcome!.article).toMatchObject({
      title: 'Rivers rise after rain',
      subtitle: 'Flood warnings for three valleys',
      category: 'World',
      tags: ['Floods'],
      published: '2023-05-01T22:00:00Z',
      text: 'The river rose a metre overnight.\n\nFarmers moved their herds uphill.',
      previousTitle: 'Old',
      nextTitle: 'New',
    });
    // A standfirst alone is an article too.
    const standfirstOnly = (await seedTextImporter.read(
      input,
      sniffed(['Title', 'Title', 'Only a standfirst.'].join('\n')),
    )) as ImportOutcome[];
    expect(standfirstOnly[0]!.kind).toBe('article');
  });
});
