/**
 * What sanitizing at import costs: every page of the web-pages corpus (98 real pages) is extracted as the HTML
 * importer does, then its article HTML is sanitized (DOMPurify on jsdom) as finish-outcome.ts does. Reports the
 * CPU time of the sanitizing per article (CPU time, not wall time: this machine is shared) next to the time of
 * the extraction itself, and what loading jsdom and DOMPurify costs once per worker.
 *   node --import tsx bench/sanitize-cost.ts [--runs 3]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = path.resolve(fileURLToPath(new URL('../../shared/corpus/web-pages', import.meta.url)));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const loadStart = cpuMs();
const { sanitizeHtml } = await import('../main/library/import/sanitize-html');
const loadCost = cpuMs() - loadStart;
const { readHtmlPage } = await import('../main/library/import/html-page-reader');

const pages: Array<{ name: string; html: string; extractMs: number }> = [];
for (const name of (await fs.readdir(corpus)).sort()) {
  const bytes = await fs.readFile(path.join(corpus, name, 'source.html')).catch(() => null);
  if (!bytes) continue;
  const start = cpuMs();
  const result = readHtmlPage(bytes, `${name}.html`);
  const extractMs = cpuMs() - start;
  if (result?.article.html) pages.push({ name, html: result.article.html, extractMs });
}

const perPage = new Map<string, number>();
for (let run = 0; run < runs; run++) {
  for (const page of pages) {
    const start = cpuMs();
    sanitizeHtml(page.html);
    const ms = cpuMs() - start;
    perPage.set(page.name, Math.min(perPage.get(page.name) ?? Infinity, ms));
  }
}

const sanitize = [...perPage.values()].sort((a, b) => a - b);
const extract = pages.map((p) => p.extractMs).sort((a, b) => a - b);
const kb = pages.map((p) => p.html.length / 1024).sort((a, b) => a - b);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  `web-pages corpus: ${pages.length} articles with HTML, article HTML median ${quantile(kb, 0.5).toFixed(1)} KB, max ${kb.at(-1)!.toFixed(0)} KB`,
);
console.log(`loading jsdom + DOMPurify once: ${loadCost.toFixed(0)} ms CPU`);
console.log(
  `sanitizing (best of ${runs}): median ${quantile(sanitize, 0.5).toFixed(1)} ms, p95 ${quantile(sanitize, 0.95).toFixed(1)} ms, max ${sanitize.at(-1)!.toFixed(1)} ms, mean ${(sum(sanitize) / sanitize.length).toFixed(1)} ms CPU per article`,
);
console.log(
  `extraction (linkedom + Readability, one run): median ${quantile(extract, 0.5).toFixed(1)} ms, mean ${(sum(extract) / extract.length).toFixed(1)} ms CPU per article`,
);
console.log(`sanitizing adds ${((100 * sum(sanitize)) / sum(extract)).toFixed(0)} % to extraction`);
