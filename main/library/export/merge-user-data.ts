/**
 * Restoring an article the library already has: its files stay, and what the reader added is merged, so a
 * restore never loses work on either side. Tags: the union, case-insensitively (the library's spelling kept).
 * User data: read and starred if either says so; highlights united by id (the library's copy of one kept);
 * the library's note kept unless it is empty.
 */
import type { UserData } from '../../../common/user-data';

export function mergeTags(target: readonly string[], restored: readonly string[]): string[] {
  const merged = [...target];
  for (const tag of restored)
    if (!merged.some((t) => t.toLowerCase() === tag.toLowerCase())) merged.push(tag);
  return merged;
}

export function mergeUserData(target: UserData, restored: UserData): UserData {
  const read = target.reading.read || restored.reading.read;
  const readAt =
    [target.reading.readAt, restored.reading.readAt]
      .filter((t): t is string => !!t)
      .sort()
      .pop() ?? null;
  const ids = new Set(target.highlights.map((h) => h.id));
  const highlights = [...target.highlights, ...restored.highlights.filter((h) => !ids.has(h.id))].sort(
    (a, b) => a.position.start - b.position.start,
  );
  return {
    reading: {
      read,
      readAt: read ? readAt : null,
      starred: target.reading.starred || restored.reading.starred,
      position: target.reading.position || restored.reading.position,
    },
    note: target.note.trim() ? target.note : restored.note,
    highlights,
  };
}
