/**
 * The 200 mixed queries of the scale benchmark, made with a fixed seed from the vocabulary of the BBC corpus
 * (which every generated corpus samples), so every size and every engine answers the same queries. Each query
 * is kept as terms, rendered in Lunr syntax for Offprint and plain Lunr and mapped by each peer to its nearest
 * equivalent.
 */
import lunr from 'lunr';
import type { BenchDoc } from './scale-corpus';
import { TAG_VOCABULARY } from './scale-corpus';
import { Random } from './scale-random';

export type QueryField = 'title' | 'subtitle' | 'tags' | 'author' | 'site' | 'body';

export interface QueryTerm {
  text: string;
  field?: QueryField;
  presence?: 'required' | 'prohibited';
  /** `abc*` */
  prefix?: boolean;
  /** `word~1` */
  fuzzy?: number;
  /** `word^3` */
  boost?: number;
}

export type QueryKind = 'word' | 'two' | 'three' | 'field' | 'must' | 'not' | 'prefix' | 'fuzzy' | 'boost';

export interface BenchQuery {
  kind: QueryKind;
  terms: QueryTerm[];
  /** The query in Lunr syntax, as a user would type it. */
  lunr: string;
}

const SEED = 7_2026;
const MIX: Array<[QueryKind, number]> = [
  ['word', 40],
  ['two', 30],
  ['three', 20],
  ['field', 25],
  ['must', 20],
  ['not', 20],
  ['prefix', 20],
  ['fuzzy', 15],
  ['boost', 10],
];

export function lunrSyntax(terms: QueryTerm[]): string {
  return terms
    .map((t) => {
      const presence = t.presence === 'required' ? '+' : t.presence === 'prohibited' ? '-' : '';
      const field = t.field ? `${t.field}:` : '';
      const prefix = t.prefix ? '*' : '';
      const fuzzy = t.fuzzy ? `~${t.fuzzy}` : '';
      const boost = t.boost ? `^${t.boost}` : '';
      return `${presence}${field}${t.text}${prefix}${fuzzy}${boost}`;
    })
    .join(' ');
}

function isStopWord(word: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(word, {})) == null;
}

/** Words by how many documents contain them, most common first, stop words left out. */
function vocabulary(texts: string[], minDocs: number, limit: number): string[] {
  const df = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? [])) {
      df.set(word, (df.get(word) ?? 0) + 1);
    }
  }
  return [...df]
    .filter(([word, n]) => n >= minDocs && !isStopWord(word))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word]) => word);
}

export function makeQueries(bbc: BenchDoc[]): BenchQuery[] {
  const random = new Random(SEED);
  const words = vocabulary(
    bbc.map((d) => d.body),
    3,
    4000,
  );
  const titleWords = vocabulary(
    bbc.map((d) => d.title),
    2,
    1000,
  );
  const tagWords = [...new Set(TAG_VOCABULARY.flatMap((t) => t.toLowerCase().split(' ')))];
  const longWords = words.filter((w) => w.length >= 6);
  const word = () => random.pick(words);

  const make: Record<QueryKind, () => QueryTerm[]> = {
    word: () => [{ text: word() }],
    two: () => random.sample(words, 2).map((text) => ({ text })),
    three: () => random.sample(words, 3).map((text) => ({ text })),
    field: () => {
      const roll = random.next();
      if (roll < 0.6) return [{ text: random.pick(titleWords), field: 'title' }];
      if (roll < 0.8) return [{ text: word(), field: 'body' }];
      return [{ text: random.pick(tagWords), field: 'tags' }, { text: word() }];
    },
    must: () => random.sample(words, 2).map((text) => ({ text, presence: 'required' })),
    not: () => {
      const [a, b] = random.sample(words, 2);
      return [{ text: a! }, { text: b!, presence: 'prohibited' }];
    },
    prefix: () => {
      const w = random.pick(longWords);
      return [{ text: w.slice(0, random.int(3, 5)), prefix: true }];
    },
    fuzzy: () => {
      const w = random.pick(longWords);
      // Half of them misspelt by a dropped letter, as a user would type them.
      const at = random.int(1, w.length - 2);
      const text = random.next() < 0.5 ? w : w.slice(0, at) + w.slice(at + 1);
      return [{ text, fuzzy: 1 }];
    },
    boost: () => {
      const [a, b] = random.sample(words, 2);
      return random.next() < 0.5
        ? [{ text: a!, boost: 3 }, { text: b! }]
        : [{ text: random.pick(titleWords), field: 'title', boost: 5 }, { text: b! }];
    },
  };

  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  for (const [kind, count] of MIX) {
    for (let made = 0; made < count;) {
      const terms = make[kind]();
      const text = lunrSyntax(terms);
      if (seen.has(text)) continue;
      seen.add(text);
      queries.push({ kind, terms, lunr: text });
      made++;
    }
  }
  return random.shuffle(queries);
}
