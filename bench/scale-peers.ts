/**
 * The peer engines of the scale benchmark, on the same documents and queries as Offprint: plain Lunr built
 * with Offprint's pipeline and boosts, MiniSearch, FlexSearch and SQLite FTS5 (better-sqlite3). Each maps a
 * benchmark query to its nearest equivalent of Lunr's syntax and answers the ids of its 10 best hits (no
 * snippets, no tag counts: Offprint's query figures include both).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { Document as FlexDocument } from 'flexsearch';
import lunr from 'lunr';
import MiniSearch, { type Query as MiniQuery } from 'minisearch';
import { buildIndex, FIELDS, type IndexDocument } from '../main/library/search/lunr-setup';
import type { BenchDoc } from './scale-corpus';
import type { BenchQuery, QueryTerm } from './scale-queries';

export const PEERS = ['lunr', 'minisearch', 'flexsearch', 'fts5'] as const;
export type PeerName = (typeof PEERS)[number];

export const PEER_LABELS: Record<PeerName, string> = {
  lunr: 'Lunr',
  minisearch: 'MiniSearch',
  flexsearch: 'FlexSearch',
  fts5: 'FTS5',
};

const LIMIT = 10;
const FIELD_NAMES = FIELDS.map((f) => f.name);
const BOOSTS: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f.name, f.boost]));

export interface PeerEngine {
  /** Indexes the documents (FTS5 writes its database file as it goes). */
  build(docs: BenchDoc[]): void;
  /** Writes the index to its folder; the bytes written, or null when `build` already did. */
  save(): Promise<number | null>;
  /** Reads the saved index. */
  load(): Promise<void>;
  /** The ids of the best hits. */
  search(query: BenchQuery): string[];
  close(): void;
}

/** Why the engine cannot run here, or null when it can (FTS5 needs better-sqlite3's native module). */
export function unavailable(name: PeerName): string | null {
  if (name !== 'fts5') return null;
  try {
    loadSqlite();
    return null;
  } catch (error) {
    return `better-sqlite3 is not usable here (${(error as Error).message.split('\n')[0]})`;
  }
}

export function makePeer(name: PeerName, dir: string): PeerEngine {
  switch (name) {
    case 'lunr':
      return new LunrPeer(path.join(dir, 'lunr.json'));
    case 'minisearch':
      return new MiniSearchPeer(path.join(dir, 'minisearch.json'));
    case 'flexsearch':
      return new FlexSearchPeer(path.join(dir, 'flexsearch.json'));
    case 'fts5':
      return new Fts5Peer(path.join(dir, 'fts5.sqlite'));
  }
}

function toIndexDocument(doc: BenchDoc): IndexDocument {
  return {
    id: doc.id,
    title: doc.title,
    subtitle: doc.subtitle ?? '',
    tags: doc.tags.join(' '),
    author: doc.author ?? '',
    site: doc.site ?? '',
    body: doc.body,
    // Bench documents carry no reader's notes or highlights.
    note: '',
    highlight: '',
  };
}

function writeFile(file: string, text: string): number {
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

// ---- Lunr ------------------------------------------------------------------------------------------------

class LunrPeer implements PeerEngine {
  private index: lunr.Index | null = null;

  constructor(private readonly file: string) {}

  build(docs: BenchDoc[]): void {
    this.index = buildIndex(docs.map(toIndexDocument));
  }

  async save(): Promise<number> {
    return writeFile(this.file, JSON.stringify(this.index));
  }

  async load(): Promise<void> {
    // Building registers Offprint's pipeline functions by name, which loading a saved index needs.
    buildIndex([]);
    this.index = lunr.Index.load(JSON.parse(fs.readFileSync(this.file, 'utf8')));
  }

  search(query: BenchQuery): string[] {
    return this.index!.search(query.lunr)
      .slice(0, LIMIT)
      .map((r) => r.ref);
  }

  close(): void {
    this.index = null;
  }
}

// ---- MiniSearch ------------------------------------------------------------------------------------------

const MINISEARCH_OPTIONS = {
  fields: FIELD_NAMES,
  idField: 'id',
  searchOptions: { boost: BOOSTS },
};

/** Required terms → AND, else the optional ones → OR; prohibited terms → AND_NOT. Prefix, fuzzy, field, boost per term. */
export function miniSearchQuery(query: BenchQuery): MiniQuery {
  const term = (t: QueryTerm): MiniQuery => ({
    queries: [t.text],
    ...(t.field ? { fields: [t.field] } : {}),
    ...(t.prefix ? { prefix: true } : {}),
    ...(t.fuzzy ? { fuzzy: t.fuzzy } : {}),
    ...(t.boost ? { boostTerm: () => t.boost! } : {}),
  });
  const required = query.terms.filter((t) => t.presence === 'required').map(term);
  const optional = query.terms.filter((t) => !t.presence).map(term);
  const prohibited = query.terms.filter((t) => t.presence === 'prohibited').map(term);
  const positive: MiniQuery =
    required.length > 0
      ? { combineWith: 'AND', queries: required }
      : { combineWith: 'OR', queries: optional };
  return prohibited.length > 0 ? { combineWith: 'AND_NOT', queries: [positive, ...prohibited] } : positive;
}

class MiniSearchPeer implements PeerEngine {
  private index: MiniSearch | null = null;

  constructor(private readonly file: string) {}

  build(docs: BenchDoc[]): void {
    this.index = new MiniSearch(MINISEARCH_OPTIONS);
    this.index.addAll(docs.map(toIndexDocument));
  }

  async save(): Promise<number> {
    return writeFile(this.file, JSON.stringify(this.index));
  }

  async load(): Promise<void> {
    this.index = MiniSearch.loadJSON(fs.readFileSync(this.file, 'utf8'), MINISEARCH_OPTIONS);
  }

  search(query: BenchQuery): string[] {
    return this.index!.search(miniSearchQuery(query))
      .slice(0, LIMIT)
      .map((r) => String(r.id));
  }

  close(): void {
    this.index = null;
  }
}

// ---- FlexSearch ------------------------------------------------------------------------------------------

/** The parts of FlexSearch's Document used here (its own typings are generic beyond what this needs). */
interface FlexIndex {
  add(document: IndexDocument): unknown;
  search(query: string, options: { limit: number; merge: true; index?: string[] }): Array<{ id: unknown }>;
  export(handler: (key: string, data: string) => void): unknown;
  import(key: string, data: string): void;
}

function newFlexIndex(): FlexIndex {
  return new FlexDocument({ document: { id: 'id', index: FIELD_NAMES } }) as unknown as FlexIndex;
}

/** FlexSearch takes plain words: the query's words, without prohibited terms, restricted to a field if all name one. */
export function flexSearchQuery(query: BenchQuery): { text: string; fields: string[] | null } {
  const terms = query.terms.filter((t) => t.presence !== 'prohibited');
  const fields = [...new Set(terms.map((t) => t.field ?? null))];
  return {
    text: terms.map((t) => t.text).join(' '),
    fields: fields.length === 1 && fields[0] ? [fields[0]] : null,
  };
}

class FlexSearchPeer implements PeerEngine {
  private index: FlexIndex | null = null;

  constructor(private readonly file: string) {}

  build(docs: BenchDoc[]): void {
    this.index = newFlexIndex();
    for (const doc of docs) this.index.add(toIndexDocument(doc));
  }

  async save(): Promise<number> {
    const parts: Array<[string, string]> = [];
    await this.index!.export((key, data) => {
      parts.push([key, data]);
    });
    return writeFile(this.file, JSON.stringify(parts));
  }

  async load(): Promise<void> {
    this.index = newFlexIndex();
    const parts = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Array<[string, string]>;
    for (const [key, data] of parts) this.index.import(key, data);
  }

  search(query: BenchQuery): string[] {
    const { text, fields } = flexSearchQuery(query);
    return this.index!.search(text, { limit: LIMIT, merge: true, ...(fields ? { index: fields } : {}) }).map(
      (r) => String(r.id),
    );
  }

  close(): void {
    this.index = null;
  }
}

// ---- SQLite FTS5 -----------------------------------------------------------------------------------------

function loadSqlite(): typeof BetterSqlite3 {
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  new Database(':memory:').exec('CREATE VIRTUAL TABLE probe USING fts5(a)');
  return Database;
}

/**
 * FTS5 MATCH syntax: each term quoted (`"word"`, `"abc"*` for a prefix, `title : "word"` for a field); required
 * terms joined by AND, else optional ones by OR; prohibited terms by NOT. FTS5 has no fuzzy match nor per-term
 * boost: those terms are searched as written.
 */
export function fts5Query(query: BenchQuery): string {
  const term = (t: QueryTerm) => {
    const quoted = `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`;
    return t.field ? `${t.field} : ${quoted}` : quoted;
  };
  const required = query.terms.filter((t) => t.presence === 'required').map(term);
  const optional = query.terms.filter((t) => !t.presence).map(term);
  const prohibited = query.terms.filter((t) => t.presence === 'prohibited').map(term);
  const positive = required.length > 0 ? required.join(' AND ') : optional.join(' OR ');
  return [`(${positive})`, ...prohibited].join(' NOT ');
}

class Fts5Peer implements PeerEngine {
  private db: BetterSqlite3.Database | null = null;
  private statement: BetterSqlite3.Statement<[string], { id: string }> | null = null;

  constructor(private readonly file: string) {}

  build(docs: BenchDoc[]): void {
    const Database = loadSqlite();
    const db = new Database(this.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(
      `CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, ${FIELD_NAMES.join(', ')}, tokenize = 'porter unicode61 remove_diacritics 2')`,
    );
    const insert = db.prepare(`INSERT INTO docs VALUES (?, ${FIELD_NAMES.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const doc of docs) {
        const d = toIndexDocument(doc);
        insert.run(d.id, ...FIELD_NAMES.map((f) => d[f]));
      }
    })();
    db.exec(`INSERT INTO docs(docs) VALUES ('optimize')`);
    db.close();
  }

  async save(): Promise<null> {
    return null;
  }

  async load(): Promise<void> {
    const Database = loadSqlite();
    this.db = new Database(this.file, { readonly: true });
    const weights = ['0', ...FIELDS.map((f) => String(f.boost))].join(', ');
    this.statement = this.db.prepare<[string], { id: string }>(
      `SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, ${weights}) LIMIT ${LIMIT}`,
    );
  }

  search(query: BenchQuery): string[] {
    return this.statement!.all(fts5Query(query)).map((r) => r.id);
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

/** Bytes of the saved index files in a folder (FTS5's WAL and shared-memory files included). */
export function savedBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}
