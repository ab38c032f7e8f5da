/**
 * `offprint`: the library from a terminal, over the same API as the app. Every command takes
 * `--library DIR` and `--json`. Exit codes: 0 done, 1 some input failed or the command failed, 2 bad usage
 * (any error of kind `invalid-argument`, from the command line or the library).
 *
 * Start-up is most of what a command costs, so this file imports only what parsing the command line needs; the
 * library and each command are loaded when they run (in the build, each is a chunk of its own).
 */
import { type ParseArgsConfig, parseArgs as parseCommandLine } from 'node:util';
import type { LibraryHealth, OffprintApi } from '../../common/api';
import { inWords, toApiError } from '../../common/errors';
import type { ImportProgress } from '../../common/import';
import type { StagedImports } from '../serve/server';
import { processOut, type Out } from './output';

export const USAGE = `Usage: offprint <command> [options]

Commands:
  import PATH…              import files and folders (folders are walked; their names become tags);
                            a backup zip made by "offprint backup" is restored
      --no-folder-tags      do not tag articles with the names of the folders they were in
  list                      every article, newest first (● unread, ★ starred); takes the filters below
  show ID                   one article (an unambiguous start of the id is enough)
  search QUERY              full-text search in Lunr syntax (title:word, word*, word~1, +must -not)
      --sort relevance|date
      --limit N             hits to show (default 10)
  tags                      every tag with its number of articles
  tag ID… --add T --remove T   add and remove tags (each repeatable) on these articles
  tag --rename OLD NEW      rename a tag everywhere, with its sub-tags (OLD/x becomes NEW/x); merges
                            into NEW when it exists; tags match in any case
  mark ID… --read|--unread|--star|--unstar   mark articles read or unread, starred or not
  note ID [TEXT]            set the article's note to TEXT; without TEXT, print it
      --clear               remove the note
  saved                     the saved searches
      --save NAME [QUERY]   save QUERY and the filters given under NAME
      --rename ID NAME      rename a saved search
      --delete ID           delete a saved search
  cite ID…                  a citation of the articles
      --format F            apa (default), harvard, vancouver, bibtex, ris or csl-json
  export ID…                the articles as one file (several: a zip of one file each; json: one file)
      --format F            markdown, html or json (required)
      --out FILE            where to write it (default: its own name, in this folder; never replaced)
      --query Q             export the hits of a search instead (with the filters below)
  backup FILE               the whole library as one zip (restore it with: offprint import FILE)
  doctor                    check every article; move damaged ones to quarantine; list what was found
  serve                     serve the app to a browser (browser mode)
      --port N              port (default 4280; 0 picks a free one)
      --host ADDR           listen on another address; requires an access token (printed)
      --token TOKEN         the access token to require (default: a random one when --host is set)

Filters for list, search, saved --save and export --query:
  --tag T                   only articles with tag T or a sub-tag of it (repeatable; all of them unless --any-tag)
  --any-tag                 articles with any of the --tag tags
  --not-tag T               leave out articles with tag T or a sub-tag of it (repeatable)
  --read, --unread          only articles read, or not read yet
  --starred                 only starred articles
  --from DATE --to DATE     published between these dates (YYYY-MM-DD, in UTC; --to includes its whole day)

Article ids may be shortened to an unambiguous start (at least 4 characters).

Options for every command:
  --library DIR             the library folder (default: $OFFPRINT_LIBRARY, else your user-data folder)
  --json                    machine-readable output
  -h, --help                this help
`;

const OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  'no-folder-tags': { type: 'boolean', default: false },
  tag: { type: 'string', multiple: true },
  'any-tag': { type: 'boolean', default: false },
  'not-tag': { type: 'string', multiple: true },
  read: { type: 'boolean', default: false },
  unread: { type: 'boolean', default: false },
  starred: { type: 'boolean', default: false },
  star: { type: 'boolean', default: false },
  unstar: { type: 'boolean', default: false },
  add: { type: 'string', multiple: true },
  remove: { type: 'string', multiple: true },
  rename: { type: 'boolean', default: false },
  clear: { type: 'boolean', default: false },
  save: { type: 'string' },
  delete: { type: 'boolean', default: false },
  from: { type: 'string' },
  to: { type: 'string' },
  sort: { type: 'string', default: 'relevance' },
  limit: { type: 'string', default: '10' },
  port: { type: 'string', default: '4280' },
  host: { type: 'string', default: '127.0.0.1' },
  token: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  query: { type: 'string' },
};

export interface CliOptions {
  library?: string;
  json: boolean;
  help: boolean;
  'no-folder-tags': boolean;
  tag?: string[];
  'any-tag': boolean;
  'not-tag'?: string[];
  read: boolean;
  unread: boolean;
  starred: boolean;
  star: boolean;
  unstar: boolean;
  add?: string[];
  remove?: string[];
  rename: boolean;
  clear: boolean;
  save?: string;
  delete: boolean;
  from?: string;
  to?: string;
  sort: string;
  limit: string;
  port: string;
  host: string;
  token?: string;
  format?: string;
  out?: string;
  query?: string;
}

/** What a one-shot process needs of a library beyond the API: where it is, a full check, and an end. */
export interface LibraryLifecycle {
  readonly path: string;
  /** `offprint doctor`: checks every article and repairs what it can (`libraryHealth` only reports). */
  doctor(): Promise<LibraryHealth>;
  /** Resolves when an import has ended and what it imported is searchable: the process must not exit before. */
  waitForImport(jobId: string): Promise<ImportProgress>;
  close(): Promise<void>;
}

/** The commands reach the library through the API contract, plus its lifecycle and (for `serve`) staged uploads. */
export type CliLibrary = OffprintApi & LibraryLifecycle & StagedImports;

export interface CommandContext {
  /** The whole library; for `search`, possibly a search-only view of it (see library/search-only.ts). */
  library: CliLibrary;
  args: string[];
  options: CliOptions;
  out: Out;
}

type Command = (ctx: CommandContext) => Promise<number>;
const COMMANDS: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./commands/import')).importCommand,
  list: async () => (await import('./commands/read')).listCommand,
  show: async () => (await import('./commands/read')).showCommand,
  search: async () => (await import('./commands/search')).searchCommand,
  tags: async () => (await import('./commands/read')).tagsCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  doctor: async () => (await import('./commands/doctor')).doctorCommand,
  tag: async () => (await import('./commands/tag')).tagCommand,
  mark: async () => (await import('./commands/mark')).markCommand,
  note: async () => (await import('./commands/mark')).noteCommand,
  saved: async () => (await import('./commands/saved')).savedCommand,
  cite: async () => (await import('./commands/cite-export')).citeCommand,
  export: async () => (await import('./commands/cite-export')).exportCommand,
  backup: async () => (await import('./commands/cite-export')).backupCommand,
};

export async function main(argv: string[], out: Out = processOut): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    out.error(`offprint: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  const values = parsed.values as unknown as CliOptions;
  if (values.help || !name || name === 'help') {
    out.write(USAGE);
    return name || values.help ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    out.error(`offprint: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  let library: Pick<LibraryLifecycle, 'close'> | null = null;
  try {
    const [command, { resolveLibraryPath }] = await Promise.all([load(), import('../library/location')]);
    const dir = resolveLibraryPath({ flag: values.library ?? null });
    // Refused before the library is opened (or created): nothing happens for a server that will not start.
    if (name === 'serve' && values.token !== undefined)
      (await import('../serve/access')).checkToken(values.token);
    // A one-shot search answers from the index alone when it is up to date: no catalog to parse.
    if (name === 'search') {
      const searchOnly = await (await import('../library/search-only')).openSearchOnly(dir);
      if (searchOnly) {
        const { searchCommand } = await import('./commands/search');
        try {
          return await searchCommand({ library: searchOnly, args, options: values, out });
        } catch (error) {
          // A damaged article among the hits: the whole library handles it (leaves it out, repairs it).
          // Bad input is bad whichever view answers it.
          if (isInvalidArgument(error)) throw error;
        } finally {
          await searchOnly.close();
        }
      }
    }
    const { openLibrary } = await import('../library/library');
    // Only import and serve make a new library; a read on a mistyped path says there is none. Only the server
    // answers other requests while a search runs; a one-shot command searches on its own thread.
    const opened = await openLibrary(dir, {
      create: name === 'import' || name === 'serve',
      searchThreads: name === 'serve' ? 2 : 0,
    });
    library = opened;
    return await command({ library: opened, args, options: values, out });
  } catch (error) {
    if (isInvalidArgument(error)) {
      out.error(`offprint ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    out.error(`offprint ${name}: ${inWords(error)}\n`);
    return 1;
  } finally {
    if (name !== 'serve') await library?.close();
  }
}

/**
 * Bad usage (exit 2) is told by the error's kind, as every transport tells it: an `InvalidArgument` from a
 * parser and an `OffprintError('invalid-argument')` from the library alike, whatever their class is named.
 */
function isInvalidArgument(error: unknown): boolean {
  return toApiError(error).kind === 'invalid-argument';
}
