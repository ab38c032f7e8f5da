/** The published-date range of a search as instants, for the filter to compare the stored dates with. */
import { isBareDay, parseIsoDate } from '../../../common/iso-date';
import type { SearchRequest } from '../../../common/search';
import { UTC_RULE } from '../../../common/zone-rule';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Bounds are read as UTC unless they state an offset (never in the serving machine's zone), as the stored dates
 * are UTC. A bare `YYYY-MM-DD` upper bound takes in that whole UTC day, up to its last millisecond.
 */
export function dateBounds(request: Pick<SearchRequest, 'from' | 'to'>): { from: number; to: number } {
  const bound = (s: string, end: boolean): number => {
    const ms = parseIsoDate(s, UTC_RULE);
    if (ms === null) return NaN; // the argument parsers refuse such a bound before it gets here
    return end && isBareDay(s) ? ms + DAY_MS - 1 : ms;
  };
  return {
    from: request.from ? bound(request.from, false) : -Infinity,
    to: request.to ? bound(request.to, true) : Infinity,
  };
}
