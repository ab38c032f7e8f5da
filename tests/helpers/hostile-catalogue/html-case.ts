/** A hostile saved page as a case: imported as one article whose stored html is inert, shown inert in the reader. */
import { expect } from 'vitest';
import { type CatalogueContext, type Family, type HostileCase } from './case';
import { markerOf, page, writeFile } from './build';
import { scanStoredHtml } from './inert-scan';

export const INERT =
  'imported; the stored html keeps nothing that runs or loads; the reader runs nothing and fetches nothing';

export interface HtmlCaseSpec {
  name: string;
  family: Family;
  input: string;
  /** The hostile markup inside the article; `head` and `bodyAttributes` go where their names say. */
  body(ctx: CatalogueContext): string;
  head?(ctx: CatalogueContext): string;
  bodyAttributes?(ctx: CatalogueContext): string;
  /** File extension (html by default). */
  extension?: string;
  expected?: string;
}

export function htmlCase(spec: HtmlCaseSpec): HostileCase {
  const marker = markerOf(spec.name);
  return {
    name: spec.name,
    family: spec.family,
    input: spec.input,
    expected: spec.expected ?? INERT,
    outcome: { kind: 'imported', count: 1 },
    marker,
    async write(dir, ctx) {
      const html = page({
        title: `Hostile page ${spec.name}`,
        marker,
        head: spec.head?.(ctx),
        bodyAttributes: spec.bodyAttributes?.(ctx),
        body: spec.body(ctx),
      });
      return [await writeFile(dir, `${spec.name}.${spec.extension ?? 'html'}`, html)];
    },
    check([article], ctx) {
      expect(article!.text).toContain(marker);
      expect(scanStoredHtml(article!.html, ctx.canary)).toEqual([]);
    },
  };
}
