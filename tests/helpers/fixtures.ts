/**
 * Articles written for these tests (not copied from anywhere): a small archive in the seed format and as
 * plain text, with the variants real files have. `writeFixtures` puts them in a folder as files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** A seed-format page: breadcrumb, headline three times, standfirst, body, tags with debris, footer. */
export const SEED_LIKE = [
  'Home World Harbour cranes return to the old port after ten years',
  '',
  'Harbour cranes return to the old port after ten years',
  '',
  '',
  'Harbour cranes return to the old port after ten years',
  '',
  '',
  'Harbour cranes return to the old port after ten years',
  '',
  'City council approves a plan to reopen the container quay',
  '',
  'A crane stands on the quay at dawn.',
  '',
  'The council voted on Tuesday to reopen the container quay that closed a decade ago.',
  '',
  'Dock workers welcomed the decision, saying the cranes would bring back hundreds of jobs.',
  '',
  '',
  '  • Shipping',
  '  • Ports',
  '  • ” target=”_blank” rel=”noreferrer”>',
  'Reuse this content',
  '',
  'Published at Mon, 03 Jan 2022 08:30:00 +0000',
  '',
  '',
  'Previous articleLighthouse keepers gather for their last reunion',
  'Next articleFerry timetable changes for the winter',
].join('\n');

/** The article the seed-like page names as its previous one, in the same format. */
export const SEED_PREVIOUS = [
  'Home Uncategorized Lighthouse keepers gather for their last reunion',
  '',
  'Lighthouse keepers gather for their last reunion',
  '',
  'Lighthouse keepers gather for their last reunion',
  '',
  'Eleven former keepers met in the harbour museum',
  '',
  'They shared stories of storms and of the last lamp that needed winding by hand.',
  '',
  'The museum will record their memories for its archive.',
  '',
  '  - Maritime history',
  '',
  'Published at Sun, 02 Jan 2022 17:00:00 +0000',
  '',
  'Next articleHarbour cranes return to the old port after ten years',
].join('\n');

export const PLAIN_ARTICLES: Record<string, string> = {
  'quantum.txt': [
    'Quantum computer solves chemistry puzzle',
    '',
    'Researchers used a quantum processor to simulate a molecule that defeated classical machines.',
    '',
    'The team said the result was a milestone for quantum chemistry.',
  ].join('\n'),
  'football.txt': [
    'Late goal wins the cup final',
    '',
    'A header in the last minute won the cup for the home side.',
    '',
    'The manager praised the patience of his players.',
  ].join('\n'),
  'budget.txt': [
    'Budget raises spending on rail lines',
    '',
    'The chancellor announced new spending on rail lines and stations across the north.',
  ].join('\n'),
};

/** Writes the fixtures into `dir`, plain articles under `topic/` folders so folder tags can be checked. */
export async function writeFixtures(dir: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'science'), { recursive: true });
  await fs.mkdir(path.join(dir, 'sport'), { recursive: true });
  await fs.mkdir(path.join(dir, 'news'), { recursive: true });
  await fs.writeFile(path.join(dir, 'science', 'quantum.txt'), PLAIN_ARTICLES['quantum.txt']!);
  await fs.writeFile(path.join(dir, 'sport', 'football.txt'), PLAIN_ARTICLES['football.txt']!);
  await fs.writeFile(path.join(dir, 'news', 'budget.txt'), PLAIN_ARTICLES['budget.txt']!);
  await fs.writeFile(path.join(dir, 'news', 'cranes.txt'), SEED_LIKE.replace(/\n/g, '\r\n'));
  await fs.writeFile(path.join(dir, 'news', 'lighthouse.txt'), SEED_PREVIOUS);
}
