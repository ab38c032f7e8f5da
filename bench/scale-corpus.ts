/**
 * The corpora of the scale benchmark, cached outside the repository in os.tmpdir()/offprint-bench/<size>/:
 * `files/` (what Offprint imports, in subfolders of at most 1,000 files), `docs.jsonl` (the same articles as
 * the fields Offprint indexes, for the peer engines) and `manifest.json` (written last: a cache without it is
 * rebuilt).
 *
 * Size 2225 is the real BBC corpus, its files copied byte for byte. Larger sizes are seed-format text files
 * (like ../shared/seed/drone-attack-iraqi-pm.txt) made by sampling real BBC headlines and paragraphs with a
 * fixed seed, each with 1–4 tags from a vocabulary of 40 and a date between 2004 and 2025, so that Offprint's
 * seed-text importer extracts title, standfirst, tags and date. `checkWithImporter` runs the real importer
 * over a sample of files and fails on any field that differs from docs.jsonl.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extract } from '../main/library/import/extract';
import { Random } from './scale-random';

/** One article as every engine indexes it. `id` is the file's path inside `files/`. */
export interface BenchDoc {
  id: string;
  title: string;
  subtitle: string | null;
  tags: string[];
  author: string | null;
  site: string | null;
  body: string;
  published: string | null;
}

export interface Corpus {
  size: number;
  dir: string;
  /** The folder to import: every file in it (recursively) is one article. */
  filesDir: string;
  docsFile: string;
  /** Articles in the corpus (the BBC corpus holds a few byte-identical files, imported once). */
  count: number;
}

export const BBC_SIZE = 2225;
const GENERATOR_VERSION = 1;
const SEED = 20261107;
const TOPICS = ['business', 'entertainment', 'politics', 'sport', 'tech'];

export const TAG_VOCABULARY = [
  'Business',
  'Economy',
  'Markets',
  'Energy',
  'Politics',
  'Elections',
  'Health',
  'Education',
  'Science',
  'Environment',
  'Technology',
  'Internet',
  'Mobile',
  'Gaming',
  'Film',
  'Music',
  'Television',
  'Books',
  'Football',
  'Tennis',
  'Rugby',
  'Cricket',
  'Athletics',
  'London',
  'Scotland',
  'Wales',
  'Ireland',
  'Europe',
  'United States',
  'China',
  'India',
  'Japan',
  'Russia',
  'France',
  'Germany',
  'Iraq',
  'Iran',
  'Middle East',
  'Africa',
  'Australia',
];

/** Lines the seed-text importer would read as page furniture, never as a paragraph. */
const FURNITURE =
  /^(?:\s*[•·▪◦●‣⁃\-*–]\s|(?:Published|Posted|Updated|Previous\s*article|Next\s*article|Home)\b|Reuse this content$|Share this article$|Share on \w+$|Advertisement$|Skip to content$)/iu;

const FROM = Date.UTC(2004, 0, 1);
const TO = Date.UTC(2025, 11, 31, 23, 59, 59);

export function benchCacheDir(): string {
  return path.join(os.tmpdir(), 'offprint-bench');
}

function corpusPaths(size: number): Pick<Corpus, 'size' | 'dir' | 'filesDir' | 'docsFile'> {
  const dir = path.join(benchCacheDir(), String(size));
  return { size, dir, filesDir: path.join(dir, 'files'), docsFile: path.join(dir, 'docs.jsonl') };
}

/** The corpus of `size` articles, generated unless a complete one is cached. */
export async function prepareCorpus(size: number, bbcDir: string): Promise<Corpus> {
  const paths = corpusPaths(size);
  const manifestFile = path.join(paths.dir, 'manifest.json');
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    if (manifest.version === GENERATOR_VERSION && manifest.seed === SEED && manifest.size === size) {
      return { ...paths, count: Number(manifest.count) };
    }
  } catch {
    // No complete corpus cached: make it.
  }
  fs.rmSync(paths.dir, { recursive: true, force: true });
  fs.mkdirSync(paths.filesDir, { recursive: true });
  const bbc = await readBbc(bbcDir);
  const count = size === BBC_SIZE ? copyBbc(bbc, paths.filesDir, paths.docsFile) : generate(size, bbc, paths);
  fs.writeFileSync(
    manifestFile,
    JSON.stringify({ version: GENERATOR_VERSION, seed: SEED, size, count, made: new Date().toISOString() }),
  );
  return { ...paths, count };
}

interface BbcFile {
  source: string;
  topic: string;
  bytes: Buffer;
  doc: BenchDoc;
}

/** Every BBC article as Offprint's importer reads it, byte-identical copies dropped (Offprint imports them once). */
export async function readBbc(bbcDir: string): Promise<BbcFile[]> {
  const files: BbcFile[] = [];
  const seen = new Set<string>();
  for (const topic of TOPICS) {
    const names = fs
      .readdirSync(path.join(bbcDir, topic))
      .filter((n) => n.endsWith('.txt'))
      .sort();
    for (const name of names) {
      const source = path.join(bbcDir, topic, name);
      const bytes = fs.readFileSync(source);
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      files.push({ source, topic, bytes, doc: await importOne(source, `${topic}/${name}`) });
    }
  }
  return files;
}

/** Runs Offprint's real importer over one file. */
async function importOne(file: string, id: string): Promise<BenchDoc> {
  for await (const outcome of extract(path.basename(file), file, null)) {
    if (outcome.kind !== 'article') throw new Error(`${file}: ${outcome.reason}`);
    const a = outcome.article;
    return {
      id,
      title: a.title,
      subtitle: a.subtitle,
      tags: a.tags,
      author: a.author,
      site: a.site,
      body: a.text,
      published: a.published,
    };
  }
  throw new Error(`${file}: the importer returned nothing`);
}

function copyBbc(bbc: BbcFile[], filesDir: string, docsFile: string): number {
  const out = fs.openSync(docsFile, 'w');
  for (const file of bbc) {
    const target = path.join(filesDir, file.doc.id);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.bytes);
    fs.writeSync(out, JSON.stringify(file.doc) + '\n');
  }
  fs.closeSync(out);
  return bbc.length;
}

function generate(size: number, bbc: BbcFile[], paths: ReturnType<typeof corpusPaths>): number {
  const random = new Random(SEED ^ size);
  const headlines = [...new Set(bbc.map((f) => f.doc.title))].filter((h) => !FURNITURE.test(h));
  const headlineSet = new Set(headlines);
  const paragraphs = [
    ...new Set(bbc.flatMap((f) => f.doc.body.split('\n\n')).map((p) => p.replace(/\s+/gu, ' ').trim())),
  ].filter((p) => p.length >= 40 && p.length <= 2000 && !FURNITURE.test(p) && !headlineSet.has(p));
  const standfirsts = paragraphs.filter((p) => p.length <= 300);
  const seen = new Set<string>();
  const out = fs.openSync(paths.docsFile, 'w');
  for (let i = 0; i < size; i++) {
    const folder = String(Math.floor(i / 1000)).padStart(3, '0');
    const id = `${folder}/${String(i).padStart(6, '0')}.txt`;
    let article: GeneratedArticle;
    let text: string;
    let hash: string;
    do {
      article = makeArticle(random, headlines, standfirsts, paragraphs);
      text = seedText(article);
      hash = createHash('sha256').update(text).digest('base64');
    } while (seen.has(hash));
    seen.add(hash);
    const target = path.join(paths.filesDir, id);
    if (i % 1000 === 0) fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    const doc: BenchDoc = {
      id,
      title: article.headline,
      subtitle: article.standfirst,
      tags: article.tags,
      author: null,
      site: null,
      body: article.body.join('\n\n'),
      published: article.published.toISOString().replace(/\.000Z$/, 'Z'),
    };
    fs.writeSync(out, JSON.stringify(doc) + '\n');
  }
  fs.closeSync(out);
  return size;
}

export interface GeneratedArticle {
  category: string;
  headline: string;
  standfirst: string;
  body: string[];
  tags: string[];
  published: Date;
}

function makeArticle(
  random: Random,
  headlines: string[],
  standfirsts: string[],
  paragraphs: string[],
): GeneratedArticle {
  const standfirst = random.pick(standfirsts);
  const body = random.sample(paragraphs, random.int(3, 12)).filter((p) => p !== standfirst);
  const seconds = random.int(0, Math.floor((TO - FROM) / 1000));
  return {
    category: capitalize(random.pick(TOPICS)),
    headline: random.pick(headlines),
    standfirst,
    body,
    tags: random.sample(TAG_VOCABULARY, random.int(1, 4)),
    published: new Date(FROM + seconds * 1000),
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** An article in the seed format: breadcrumb, headline ×3, standfirst, body, tag bullets, date. */
export function seedText(a: GeneratedArticle): string {
  const date = a.published.toUTCString().replace(/GMT$/, '+0000');
  return [
    `Home ${a.category} ${a.headline}`,
    '',
    ...[a.headline, a.headline, a.headline].flatMap((h) => [h, '', '']),
    a.standfirst,
    '',
    ...a.body.flatMap((p) => [p, '']),
    '',
    ...a.tags.map((t) => `  • ${t}`),
    'Reuse this content',
    '',
    `Published at ${date}`,
    '',
  ].join('\n');
}

/** Reads a corpus's docs.jsonl. */
export function readDocs(docsFile: string): BenchDoc[] {
  return fs
    .readFileSync(docsFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as BenchDoc);
}

/**
 * Imports `sample` files spread over the corpus with Offprint's real importer and compares every indexed
 * field with docs.jsonl. Returns the mismatches (none when the generator and the importer agree).
 */
export async function checkWithImporter(corpus: Corpus, sample: number): Promise<string[]> {
  const docs = readDocs(corpus.docsFile);
  const problems: string[] = [];
  const step = Math.max(1, Math.floor(docs.length / sample));
  for (let i = 0; i < docs.length && problems.length < 10; i += step) {
    const expected = docs[i]!;
    const actual = await importOne(path.join(corpus.filesDir, expected.id), expected.id);
    for (const key of Object.keys(expected) as Array<keyof BenchDoc>) {
      if (JSON.stringify(actual[key]) !== JSON.stringify(expected[key])) {
        problems.push(
          `${expected.id}: ${key} is ${JSON.stringify(actual[key]).slice(0, 80)}, expected ${JSON.stringify(expected[key]).slice(0, 80)}`,
        );
      }
    }
  }
  return problems;
}
