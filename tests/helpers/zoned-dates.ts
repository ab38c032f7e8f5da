/**
 * Files whose dates name no zone, or declare one for the others, in the formats that have them: a seed-format
 * dump, saved web pages with and without a declared zone, Markdown notes with and without `timezone:`. Each
 * title maps to the instant the file must import to, on any machine in any zone.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SEED_LIKE } from './fixtures';

function page(title: string, head: string): string {
  return `<!doctype html><html><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1>
<p>The ferry left the harbour at ten, as it has every night since the timetable changed in the spring.</p>
<p>Passengers said the crossing was calm, and the crew served tea on the upper deck until midnight.</p>
</article></body></html>`;
}

function note(title: string, frontMatter: string): string {
  return `---\ntitle: ${title}\n${frontMatter}\n---\n\nThe reading room opened late that day, and stayed open until the last visitor left.\n`;
}

/** File name → [title, its contents, the `published` it must be stored with]. */
export const ZONED_INPUTS: Record<string, [title: string, text: string, published: string]> = {
  // The seed format states no zone: UTC, whatever the importing machine's zone.
  'seed.txt': [
    'Harbour cranes return to the old port after ten years',
    SEED_LIKE.replace(/^Published at .*$/m, 'Published at 2023-05-01 22:00'),
    '2023-05-01T22:00:00Z',
  ],
  // A page whose dates name no zone: UTC.
  'no-zone.html': [
    'Night ferry keeps its old timetable',
    page(
      'Night ferry keeps its old timetable',
      '<meta property="article:published_time" content="2023-05-01T22:00">',
    ),
    '2023-05-01T22:00:00Z',
  ],
  // JSON-LD's zone-less date is in the zone the page's modified time states (+02:00).
  'declared-zone.html': [
    'Lighthouse keepers meet again',
    page(
      'Lighthouse keepers meet again',
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Lighthouse keepers meet again","datePublished":"2023-05-01 22:00"}</script>
<meta property="article:modified_time" content="2023-05-03T09:15:00+02:00">`,
    ),
    '2023-05-01T20:00:00Z',
  ],
  // A written-out date in the page's declared zone (-05:00), the kind Date.parse would read locally.
  'declared-zone-words.html': [
    'Tide tables printed for the winter',
    page(
      'Tide tables printed for the winter',
      `<meta name="date" content="May 1, 2023 10:00 PM">
<meta property="og:updated_time" content="2023-05-02T08:00:00-05:00">`,
    ),
    '2023-05-02T03:00:00Z',
  ],
  // A note's `timezone:` applies to its zone-less date.
  'timezone.md': [
    'Reading rooms reopen',
    note('Reading rooms reopen', 'published: 2023-05-01 22:00\ntimezone: "+05:30"'),
    '2023-05-01T16:30:00Z',
  ],
  // YAML reads an unquoted -0800 as a number: hours and minutes run together.
  'timezone-number.md': [
    'Map room gets new shelves',
    note('Map room gets new shelves', 'date: 2023-05-01\ntimezone: -0800'),
    '2023-05-01T08:00:00Z',
  ],
  // An offset in the date itself wins over the note's `timezone:`.
  'offset-wins.md': [
    'Archive opens on Sundays',
    note('Archive opens on Sundays', 'published: 2023-05-01T22:00:00-04:00\ntimezone: "+05:30"'),
    '2023-05-02T02:00:00Z',
  ],
  // No `timezone:`: UTC.
  'no-timezone.md': [
    'Catalogue goes online',
    note('Catalogue goes online', 'date: May 1, 2023 10:00 PM'),
    '2023-05-01T22:00:00Z',
  ],
};

export async function writeZonedInputs(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const [name, [, text]] of Object.entries(ZONED_INPUTS)) await fs.writeFile(path.join(dir, name), text);
}

/** Date-bounded searches whose bounds name no zone: they must select the same articles everywhere. */
export const ZONED_SEARCHES: Record<string, { from: string | null; to: string | null }> = {
  'the whole UTC day of 1 May': { from: '2023-05-01', to: '2023-05-01' },
  'from 21:00 on 1 May': { from: '2023-05-01T21:00', to: null },
  'up to 20:00 on 1 May': { from: null, to: '2023-05-01T20:00' },
};
