/**
 * The importers, most specific first: the first whose `accepts` says yes reads the input. New formats are
 * added here, ahead of the plain-text fallback.
 */
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

export const importers: Importer[] = [
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
