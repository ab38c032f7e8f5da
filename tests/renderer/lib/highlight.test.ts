import { describe, expect, it } from 'vitest';
import { normalizeTerms, splitByTerms } from '../../../renderer/lib/highlight';

const hits = (text: string, terms: string[]) =>
  splitByTerms(text, normalizeTerms(terms))
    .filter((segment) => segment.hit)
    .map((segment) => segment.text);

describe('splitByTerms', () => {
  it('marks words that start with a stemmed term, whatever their case', () => {
    expect(hits('Elections were held; the elected Election board met.', ['elect'])).toEqual([
      'Elections',
      'elected',
      'Election',
    ]);
  });

  it('marks words whose stem is a term though it is not their start', () => {
    expect(
      hits('A dry summer, a happy ending, every possibility; dryer drinks', ['dri', 'happi', 'possibl']),
    ).toEqual(['dry', 'happy', 'possibility', 'drinks']);
  });

  it('does not mark a term found inside a word', () => {
    expect(hits('reelection and select', ['elect'])).toEqual([]);
  });

  it('keeps inner apostrophes and non-Latin letters inside words', () => {
    expect(hits("Kadhimi's home; Kadhimi’s car; Ärger über Ärzte", ['kadhimi', 'ärg'])).toEqual([
      "Kadhimi's",
      'Kadhimi’s',
      'Ärger',
    ]);
  });

  it('splits hyphenated words as Lunr does', () => {
    expect(hits('al-Kadhimi', ['kadhimi'])).toEqual(['Kadhimi']);
  });

  it('gives back the exact text when the segments are joined', () => {
    const text = 'The drone, the drones — and “drone-strikes”.\n\nDrone!';
    const segments = splitByTerms(text, ['drone']);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.filter((segment) => segment.hit)).toHaveLength(4);
  });

  it('answers one plain segment without terms, and nothing for empty text', () => {
    expect(splitByTerms('plain', [])).toEqual([{ text: 'plain', hit: false }]);
    expect(splitByTerms('', ['x'])).toEqual([]);
  });
});

describe('normalizeTerms', () => {
  it('lowercases, trims, and drops empties and duplicates', () => {
    expect(normalizeTerms([' Drone', 'drone', '', 'IRAQ '])).toEqual(['drone', 'iraq']);
  });
});
