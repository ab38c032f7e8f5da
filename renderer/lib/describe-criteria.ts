/** A saved search's criteria in a few words, for its tooltip and the save dialog. */
import type { SavedCriteria } from '../../common/saved-search';

export function describeCriteria(criteria: SavedCriteria): string {
  const parts: string[] = [];
  if (criteria.query.trim()) parts.push(`“${criteria.query.trim()}”`);
  if (criteria.tags.length > 0)
    parts.push(`${criteria.anyTag ? 'any of' : 'all of'} ${criteria.tags.join(', ')}`);
  if (criteria.notTags.length > 0) parts.push(`none of ${criteria.notTags.join(', ')}`);
  if (criteria.readState !== 'all') parts.push(criteria.readState);
  if (criteria.starred) parts.push('starred');
  if (criteria.from || criteria.to) parts.push(`published ${criteria.from ?? '…'} to ${criteria.to ?? '…'}`);
  if (criteria.sort === 'date') parts.push('newest first');
  return parts.length > 0 ? parts.join(' · ') : 'everything';
}
