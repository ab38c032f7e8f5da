/** `offprint cite ID…`, `offprint export ID…` (or `--query Q`) and `offprint backup FILE`. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from '../../../common/api';
import { OffprintError } from '../../../common/errors';
import type { OffprintApi } from '../../../common/api';
import type { CommandContext } from '../main';
import { json, printable } from '../output';
import { resolveId } from '../resolve-id';
import { searchCriteria } from '../search-options';

/** Search hits exported at most (one request: the API's page limit). */
const MAX_EXPORTED_HITS = 100_000;

export async function citeCommand({ library, args, options, out }: CommandContext): Promise<number> {
  if (args.length === 0) {
    out.error('offprint cite: name at least one article id\n');
    return 2;
  }
  const ids = await Promise.all(args.map((id) => resolveId(library, id)));
  const citation = await library.cite(parseArgs('cite', { ids, format: options.format ?? 'apa' }));
  if (options.json) json(out, citation);
  else out.write(citation.text);
  return 0;
}

export async function exportCommand({ library, args, options, out }: CommandContext): Promise<number> {
  if (!options.format) {
    out.error('offprint export: say which format with --format markdown|html|json\n');
    return 2;
  }
  const ids = options.query !== undefined ? await searchHits(library, options) : [];
  if (options.query !== undefined && args.length) {
    out.error('offprint export: give article ids or --query, not both\n');
    return 2;
  }
  if (options.query === undefined) ids.push(...(await Promise.all(args.map((id) => resolveId(library, id)))));
  if (ids.length === 0) {
    out.error(
      options.query !== undefined
        ? 'offprint export: the search found no articles\n'
        : 'offprint export: name at least one article id (or --query Q)\n',
    );
    return options.query !== undefined ? 1 : 2;
  }
  const file = await library.exportArticles(parseArgs('exportArticles', { ids, format: options.format }));
  const bytes = Buffer.from(file.data, 'base64');
  const target = path.resolve(options.out ?? file.name);
  // `wx`: an export never replaces a file that is already there.
  await fs.writeFile(target, bytes, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw new OffprintError('failed', `${target} already exists; not replaced.`);
    throw error;
  });
  if (options.json)
    json(out, {
      path: target,
      name: file.name,
      mediaType: file.mediaType,
      bytes: bytes.length,
      articles: ids.length,
    });
  else out.write(`Exported ${ids.length} article${ids.length === 1 ? '' : 's'} to ${printable(target)}\n`);
  return 0;
}

async function searchHits(
  library: Pick<OffprintApi, 'search'>,
  options: CommandContext['options'],
): Promise<string[]> {
  // The same criteria `search` and `list` read, so every filter they take narrows an export too.
  const criteria = searchCriteria(options.query ? [options.query] : [], options);
  const request = { ...criteria, offset: 0, limit: MAX_EXPORTED_HITS };
  return (await library.search(request)).hits.map((h) => h.id);
}

export async function backupCommand({ library, args, options, out }: CommandContext): Promise<number> {
  if (args.length !== 1) {
    out.error('offprint backup: name the zip file to write, e.g. offprint backup library-backup.zip\n');
    return 2;
  }
  const result = await library.backup(parseArgs('backup', { path: path.resolve(args[0]!) }));
  if (options.json) json(out, result);
  else
    out.write(
      `Backed up ${result.articles} article${result.articles === 1 ? '' : 's'} to ${printable(result.path)} (${result.bytes.toLocaleString('en')} bytes).\n`,
    );
  return 0;
}
