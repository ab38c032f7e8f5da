/**
 * A self-contained corpus for search tests: plain-text articles (title line, blank line, paragraphs) made
 * from a fixed vocabulary with inflections, accents, hyphens, punctuation and stop words, so Lunr's
 * tokenizer, trimmer, stop-word filter and stemmer all have work, and prefixes and near-misses exist.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pick, seededRandom } from './seeded-random';

const STEMS = [
  'govern',
  'elect',
  'market',
  'econom',
  'climat',
  'energ',
  'minist',
  'parliament',
  'court',
  'judg',
  'hospital',
  'doctor',
  'patient',
  'school',
  'teacher',
  'student',
  'research',
  'scien',
  'engin',
  'comput',
  'network',
  'phone',
  'internet',
  'softwar',
  'game',
  'player',
  'match',
  'season',
  'champion',
  'football',
  'music',
  'band',
  'album',
  'film',
  'actor',
  'award',
  'festiv',
  'theatr',
  'bank',
  'profit',
  'share',
  'invest',
  'trade',
  'export',
  'price',
  'oil',
  'harbour',
  'river',
  'bridge',
  'railway',
  'airport',
  'drone',
  'attack',
  'border',
  'militar',
  'peace',
  'protest',
  'union',
  'strike',
  'wage',
  'tax',
  'budget',
  'reform',
];
const SUFFIXES = ['', 's', 'ed', 'ing', 'er', 'ers', 'ment', 'ion', 'ions', 'al', 'ally', 'ist', 'y'];
const EXTRAS = [
  'café',
  'naïve',
  'résumé',
  'Zürich',
  'São',
  'co-operation',
  'e-mail',
  '“quoted”',
  'U.S.',
  '2021',
  '£5bn',
  'x-ray',
];
const STOP = ['the', 'a', 'of', 'and', 'to', 'in', 'is', 'was', 'for', 'on', 'with', 'at', 'by', 'it'];
const TAGS = ['politics', 'business', 'tech', 'sport', 'culture', 'science', 'Politics', 'region/europe'];

function word(random: () => number): string {
  const r = random();
  if (r < 0.3) return pick(random, STOP);
  if (r < 0.35) return pick(random, EXTRAS);
  return pick(random, STEMS) + pick(random, SUFFIXES);
}

function sentence(random: () => number, n: number): string {
  const words = Array.from({ length: n }, () => word(random));
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(' ')}${pick(random, ['.', '.', '!', '?', ' —', ';'])}`;
}

export interface SyntheticArticle {
  file: string;
  title: string;
}

/** One generated article: its title, paragraphs and tags, as the text file holds them. */
export interface GeneratedArticle {
  title: string;
  paragraphs: string[];
  tags: string[];
  /** The article as a text file: title line, blank line, paragraphs, then its tags as `#tag`s. */
  text: string;
}

/** `count` articles generated in memory (the same ones writeSyntheticCorpus writes for the same seed). */
export function syntheticArticles(count: number, seed = 7, marker = ''): GeneratedArticle[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const title = sentence(random, 3 + Math.floor(random() * 6))
      .replace(/[.!?;—]+$/u, '')
      .trim();
    const paragraphs = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        sentence(random, 4 + Math.floor(random() * 14)),
      ).join(' '),
    );
    const tags = TAGS.filter(() => random() < 0.2);
    if (marker) paragraphs.push(`${marker} ${i}.`);
    const text = `${title}\n\n${paragraphs.join('\n\n')}${tags.length ? `\n\n${tags.map((t) => `#${t}`).join(' ')}` : ''}\n`;
    return { title, paragraphs, tags, text };
  });
}

/** Writes `count` articles into `dir`, spread over `groups` sub-folders (imported one by one). */
export async function writeSyntheticCorpus(
  dir: string,
  count: number,
  groups: number,
  seed = 7,
  /** A word added to every article, to find them all. */
  marker = '',
): Promise<string[]> {
  const folders = Array.from({ length: groups }, (_, g) => path.join(dir, `group-${g}`));
  for (const folder of folders) await fs.mkdir(folder, { recursive: true });
  const articles = syntheticArticles(count, seed, marker);
  for (const [i, { text }] of articles.entries())
    await fs.writeFile(path.join(folders[i % groups]!, `article-${String(i).padStart(5, '0')}.txt`), text);
  return folders;
}
