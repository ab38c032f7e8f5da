/**
 * The importers, most specific first: the first whose `accepts` says yes reads the input. New formats are
 * added here, ahead of the plain-text fallback. Each is wrapped so that what it reads goes through
 * finish-outcome.ts (sanitized HTML, cleaned and capped metadata) whichever format it is.
 */
import { finishOutcomes } from './finish-outcome';
import type { Importer } from './importer';
import { archiveBoxImporter } from './formats/archivebox';
import { htmlPageImporter } from './formats/html-page';
import { instapaperImporter } from './formats/instapaper';
import { markdownImporter } from './formats/markdown';
import { mhtmlImporter } from './formats/mhtml';
import { omnivoreImporter } from './formats/omnivore';
import { plainTextImporter } from './formats/plain-text';
import { pocketImporter } from './formats/pocket';
import { seedTextImporter } from './formats/seed-text';
import { wallabagImporter } from './formats/wallabag';
import { warcImporter } from './formats/warc';
import { zipArchiveImporter } from './formats/zip-archive';

const formats: Importer[] = [
  warcImporter,
  omnivoreImporter,
  zipArchiveImporter,
  mhtmlImporter,
  archiveBoxImporter,
  wallabagImporter,
  pocketImporter,
  instapaperImporter,
  markdownImporter,
  htmlPageImporter,
  seedTextImporter,
  plainTextImporter,
];

export const importers: Importer[] = formats.map((importer) => ({
  name: importer.name,
  streamsFromDisk: importer.streamsFromDisk,
  accepts: (input, sniffed) => importer.accepts(input, sniffed),
  read: (input, sniffed) => finishOutcomes(importer.read(input, sniffed)),
}));
