/** `offprint saved`: list, save (`--save NAME [QUERY] [filters]`), rename (`--rename ID NAME`), delete (`--delete ID`). */
import { OffprintError } from '../../../common/errors';
import type { SavedSearch } from '../../../common/saved-search';
import { InvalidArgument } from '../../../common/validate';
import type { OffprintApi } from '../../../common/api';
import type { CommandContext } from '../main';
import { json, table } from '../output';
import { searchCriteria } from '../search-options';

export async function savedCommand({ library, args, options, out }: CommandContext): Promise<number> {
  const actions = [options.save !== undefined, options.rename, options.delete].filter(Boolean).length;
  if (actions > 1) throw new InvalidArgument('give one of --save, --rename and --delete');
  let result: SavedSearch | { updated: number } | null = null;
  if (options.save !== undefined) {
    result = await library.saveSearch({ name: options.save, criteria: searchCriteria(args, options) });
  } else if (options.rename) {
    if (args.length !== 2) throw new InvalidArgument('saved --rename takes an id and the new name');
    result = await library.renameSavedSearch({ id: await savedId(library, args[0]!), name: args[1]! });
  } else if (options.delete) {
    if (args.length !== 1) throw new InvalidArgument('saved --delete takes one id');
    result = await library.deleteSavedSearch({ id: await savedId(library, args[0]!) });
  } else if (args.length) {
    throw new InvalidArgument('saved lists the saved searches; to save one, give --save NAME');
  }
  if (result) {
    if (options.json) json(out, result);
    else if ('name' in result) out.write(`Saved search ${result.id}: ${result.name}\n`);
    else out.write('Deleted.\n');
    return 0;
  }
  const searches = await library.savedSearches({});
  if (options.json) json(out, searches);
  else if (searches.length === 0)
    out.write('No saved searches yet. Save one with: offprint saved --save NAME QUERY\n');
  else
    table(
      out,
      searches.map((s) => [s.id, s.name, describe(s)]),
    );
  return 0;
}

/** A saved search's id, or an unambiguous start of it. */
async function savedId(library: Pick<OffprintApi, 'savedSearches'>, given: string): Promise<string> {
  if (/^[0-9a-f]{16}$/.test(given)) return given;
  const matches = (await library.savedSearches({})).filter((s) => given && s.id.startsWith(given));
  if (matches.length === 1) return matches[0]!.id;
  throw new OffprintError(
    'not-found',
    matches.length === 0
      ? `No saved search id starts with ${given}.`
      : `${matches.length} saved search ids start with ${given}; give more characters.`,
  );
}

/** The criteria in the command line's own words. */
function describe({ criteria: c }: SavedSearch): string {
  const parts = c.query ? [JSON.stringify(c.query)] : [];
  for (const t of c.tags) parts.push(`--tag ${t}`);
  if (c.anyTag) parts.push('--any-tag');
  for (const t of c.notTags) parts.push(`--not-tag ${t}`);
  if (c.readState !== 'all') parts.push(`--${c.readState}`);
  if (c.starred) parts.push('--starred');
  if (c.from) parts.push(`--from ${c.from}`);
  if (c.to) parts.push(`--to ${c.to}`);
  if (c.sort !== 'relevance') parts.push(`--sort ${c.sort}`);
  return parts.join(' ') || '(everything)';
}
