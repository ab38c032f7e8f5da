/**
 * The importers, most specific first: the first whose `accepts` says yes reads the input. New formats are
 * added here, ahead of the plain-text fallback.
 */
import type { Importer } from './importer';
import { plainTextImporter } from './formats/plain-text';
import { seedTextImporter } from './formats/seed-text';

export const importers: Importer[] = [seedTextImporter, plainTextImporter];
