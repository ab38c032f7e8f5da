/** The search criteria the command line gives (`search`, `list`, `saved --save`): one reading for all three. */
import { parseArgs } from '../../common/api';
import type { SavedCriteria } from '../../common/saved-search';
import type { ReadFilter } from '../../common/search';
import { InvalidArgument } from '../../common/validate';
import type { CliOptions } from './main';

export function readFilter(options: CliOptions): ReadFilter {
  if (options.read && options.unread) throw new InvalidArgument('give --read or --unread, not both');
  return options.read ? 'read' : options.unread ? 'unread' : 'all';
}

/** Criteria from the query words and the filter options, checked as the API checks them. */
export function searchCriteria(words: readonly string[], options: CliOptions): SavedCriteria {
  const {
    offset: _o,
    limit: _l,
    ...criteria
  } = parseArgs('search', {
    query: words.join(' '),
    tags: options.tag ?? [],
    anyTag: options['any-tag'],
    notTags: options['not-tag'] ?? [],
    readState: readFilter(options),
    starred: options.starred,
    from: options.from ?? null,
    to: options.to ?? null,
    sort: options.sort,
  });
  return criteria;
}

/** True when any filter beyond reading state and stars is given (those the list can apply on its own). */
export function hasIndexFilters(options: CliOptions): boolean {
  return Boolean(
    options.tag?.length || options['not-tag']?.length || options.from || options.to || options['any-tag'],
  );
}
