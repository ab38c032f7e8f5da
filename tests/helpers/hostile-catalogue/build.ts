/**
 * Small builders the families share: a saved page long enough for reader-mode extraction to keep its body, the
 * script every input tries to run (it sets the canary global and calls the canary server), file writers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueContext } from './case';

/** The global any script of an input sets; the reader must leave it unset in every frame. */
export const CANARY_GLOBAL = '__offprintCanary';

/** A body word unique to the case (letters only, so it survives every tokenizer and stemmer as one word). */
export function markerOf(name: string): string {
  return `mk${name.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
}

/** Script text that marks its run in the global and at the canary server (single quotes only: fits in attributes). */
export function payload(ctx: CatalogueContext, tag: string): string {
  return `window.${CANARY_GLOBAL}='${tag}';try{top.${CANARY_GLOBAL}='${tag}'}catch(e){};fetch('${ctx.canary}/ran/${tag}')`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FILLER = [
  'The harbour master counted the boats that came in before the storm and wrote each name in the ledger by the door.',
  'Fishermen mended their nets on the quay while the gulls waited on the roofs of the sheds for the evening catch.',
  'By nightfall the tide had turned, the lamps along the breakwater were lit and the ferry left on time for the island.',
  'In the morning the council published the figures, which showed the busiest season the port had seen in ten years.',
];

export interface PageSpec {
  title: string;
  marker: string;
  /** Markup placed in `<head>`. */
  head?: string;
  /** Attributes of `<body>`. */
  bodyAttributes?: string;
  /** The hostile markup, placed among ordinary paragraphs inside `<article>`. */
  body: string;
}

/** A saved page: the hostile markup between paragraphs that make Readability keep the article. */
export function page(spec: PageSpec): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${spec.title}</title>`,
    spec.head ?? '',
    `</head><body${spec.bodyAttributes ? ` ${spec.bodyAttributes}` : ''}><article>`,
    `<h1>${spec.title}</h1>`,
    `<p>${spec.marker} opens this saved page. ${FILLER[0]}</p>`,
    `<p>${FILLER[1]}</p>`,
    spec.body,
    `<p>${FILLER[2]}</p>`,
    `<p>${FILLER[3]}</p>`,
    '</article></body></html>',
  ].join('\n');
}

/** Plain paragraphs of text with the marker, for text inputs. */
export function textBody(marker: string): string {
  return [`${marker} begins the text. ${FILLER[0]}`, FILLER[1], FILLER[2]].join('\n\n');
}

export async function writeFile(dir: string, relative: string, data: string | Uint8Array): Promise<string> {
  const file = path.join(dir, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data);
  return file;
}

export async function symlink(dir: string, relative: string, target: string): Promise<string> {
  const file = path.join(dir, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.symlink(target, file);
  return file;
}

export function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** A valid 1×1 PNG: an image by content, for the positive controls of local images. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A saved page whose only content is an image tag plus text, in `<name>.html`. */
export function imagePage(title: string, marker: string, images: string[]): string {
  return page({
    title,
    marker,
    body: images.map((src) => `<p><img src="${src}" alt="picture"> A picture of the quay.</p>`).join('\n'),
  });
}
