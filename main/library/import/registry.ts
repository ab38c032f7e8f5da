/**
 * The importers, most specific first: the first whose `accepts` says yes reads the input. New formats are
 * added here, ahead of the plain-text fallback.
 */
import type { Importer } from './importer';
import { htmlPageImporter } from './formats/html-page';
import { markdownImporter } from './formats/markdown';
import { plainTextImporter } from './formats/plain-text';
import { seedTextImporter } from './formats/seed-text';
import { zipArchiveImporter } from './formats/zip-archive';

export const importers: Importer[] = [
  zipArchiveImporter,
  markdownImporter,
  htmlPageImporter,
  seedTextImporter,
  plainTextImporter,
];
