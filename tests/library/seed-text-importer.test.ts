import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseSeed, seedLandmarks } from '../../main/library/import/formats/seed-text';
import { extract } from '../../main/library/import/extract';
import { SEED_FILE, SEED_LIKE, needShared } from '../helpers/fixtures-and-shared';

async function extractOne(name: string, bytes: Uint8Array) {
  const outcomes = [];
  for await (const o of extract(name, null, bytes)) outcomes.push(o);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

describe('the seed article (golden)', async () => {
  const present = await needShared(SEED_FILE, 'seed golden test');
  it.skipIf(!present)('extracts exactly the fields of the seed', async () => {
    const outcome = await extractOne('drone-attack-iraqi-pm.txt', await fs.readFile(SEED_FILE));
    if (outcome.kind !== 'article') throw new Error(outcome.reason);
    const a = outcome.article;
    expect(outcome.importer).toBe('seed-text');
    expect(a.title).toBe('Drone attack by militants on Iraqi PM ‘marks escalation’ in power struggle');
    expect(a.subtitle).toBe(
      'Officials see strike on premier’s home as assassination attempt by Iran-backed groups trying to overturn election result',
    );
    expect(a.tags).toEqual(['Iraq', 'Iran', 'Middle East and North Africa', 'news']);
    expect(a.published).toBe('2021-11-07T19:14:16Z');
    expect(a.category).toBe('Uncategorized');
    expect(a.previousTitle).toBe('It’s Official: Antoni Porowski Is the Sexiest Chef Alive');
    expect(a.nextTitle).toBe('What Do the National Conservatives Want?');
    const paragraphs = a.text.split('\n\n');
    // Every body line of the file, from the caption to the last paragraph: 10 in this file.
    expect(paragraphs[0]).toMatch(/^The remains of vehicle/);
    expect(paragraphs.at(-1)).toMatch(/if Kadhimi is to be returned\.$/);
    expect(paragraphs).toHaveLength(10);
    expect(a.text).not.toContain('Drone attack by militants');
    expect(a.text).not.toContain('Home Uncategorized');
    expect(a.text).not.toContain('Reuse this content');
    expect(a.text).not.toContain('target=');
    expect(a.text).not.toContain('Published at');
  });
});

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

  it('leaves a plain article to the plain-text importer', async () => {
    const outcome = await extractOne(
      'plain.txt',
      Buffer.from('Just a headline\n\nAnd a paragraph.\n\nAnd another.'),
    );
    expect(outcome.kind === 'article' && outcome.importer).toBe('plain-text');
    if (outcome.kind === 'article') {
      expect(outcome.article.title).toBe('Just a headline');
      expect(outcome.article.text).toBe('And a paragraph.\n\nAnd another.');
      expect(outcome.article.subtitle).toBeNull();
    }
  });
});
