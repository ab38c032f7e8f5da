/**
 * Quality of the HTML importer on the 98 saved pages of `../shared/corpus/web-pages` (Readability's own test
 * pages): title, byline and published time against each `expected-metadata.json`, and word-level F1 of our
 * plain text against the text of `expected.html`. Run: `node --import tsx bench/web-pages-quality.ts`.
 * Exits 1 when a target is missed (CI runs it); skips with one line when the corpus is absent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { UTC_RULE } from '../common/zone-rule';
import { normalizeDate } from '../main/library/import/dates';
import { readHtmlPage } from '../main/library/import/html-page-reader';

export const WEB_PAGES_CORPUS = path.resolve(
  fileURLToPath(new URL('../../shared/corpus/web-pages', import.meta.url)),
);

export const TARGETS = { title: 0.95, published: 0.9, byline: 0.85, medianF1: 0.95 };

export interface PageResult {
  page: string;
  failed: string | null;
  title: boolean | null;
  byline: boolean | null;
  published: boolean | null;
  f1: number;
  got?: { title: string; byline: string | null; published: string | null };
  expected?: { title: string | null; byline: string | null; published: string | null };
}

export interface QualityReport {
  pages: number;
  failed: number;
  titleRate: number;
  bylineRate: number;
  bylineCount: number;
  publishedRate: number;
  publishedCount: number;
  medianF1: number;
  meanF1: number;
  pagesPerSecond: number;
  peakRssMb: number;
  results: PageResult[];
  missed: string[];
}

const space = (s: string | null | undefined): string => (s ?? '').replace(/\s+/gu, ' ').trim();

export function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

export function f1(ours: string, expected: string): number {
  const a = words(ours);
  const b = words(expected);
  let overlap = 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  for (const [w, n] of a) overlap += Math.min(n, b.get(w) ?? 0);
  if (na === 0 && nb === 0) return 1;
  if (overlap === 0) return 0;
  const precision = overlap / na;
  const recall = overlap / nb;
  return (2 * precision * recall) / (precision + recall);
}

export function measureWebPagesQuality(corpus = WEB_PAGES_CORPUS): QualityReport {
  const pages = fs
    .readdirSync(corpus)
    .filter((d) => fs.existsSync(path.join(corpus, d, 'source.html')))
    .sort();
  const results: PageResult[] = [];
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  for (const page of pages) {
    const dir = path.join(corpus, page);
    const expectedMeta = JSON.parse(
      fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8'),
    ) as Record<string, unknown>;
    const expectedHtml = fs.readFileSync(path.join(dir, 'expected.html'), 'utf8');
    const expectedText =
      parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`).document.body.textContent ?? '';
    // An empty expected value means "the page has none": not judged, like null (an article always gets a title).
    const field = (v: unknown): string | null => (typeof v === 'string' && space(v) !== '' ? v : null);
    const expected = {
      title: field(expectedMeta.title),
      byline: field(expectedMeta.byline),
      published: field(expectedMeta.publishedTime),
    };
    try {
      const out = readHtmlPage(fs.readFileSync(path.join(dir, 'source.html')), `${page}/source.html`);
      if (!out) throw new Error('no article');
      const a = out.article;
      const got = { title: a.title, byline: a.author, published: a.published };
      results.push({
        page,
        failed: null,
        title: expected.title === null ? null : space(expected.title) === space(a.title),
        byline: expected.byline === null ? null : space(expected.byline) === space(a.author),
        published:
          expected.published === null
            ? null
            : (normalizeDate(expected.published, UTC_RULE) ?? expected.published) === a.published,
        f1: f1(a.text, expectedText),
        got,
        expected,
      });
    } catch (error) {
      results.push({
        page,
        failed: (error as Error).message,
        title: false,
        byline: false,
        published: false,
        f1: 0,
        expected,
      });
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = (key: 'title' | 'byline' | 'published'): [number, number] => {
    const judged = results.filter((r) => r[key] !== null);
    return [judged.length ? judged.filter((r) => r[key]).length / judged.length : 1, judged.length];
  };
  const f1s = results.map((r) => r.f1).sort((x, y) => x - y);
  const mid = f1s.length / 2;
  const medianF1 =
    f1s.length === 0 ? 0 : f1s.length % 2 ? f1s[Math.floor(mid)]! : (f1s[mid - 1]! + f1s[mid]!) / 2;
  const [titleRate] = rate('title');
  const [bylineRate, bylineCount] = rate('byline');
  const [publishedRate, publishedCount] = rate('published');
  const failed = results.filter((r) => r.failed).length;
  const missed: string[] = [];
  if (titleRate < TARGETS.title) missed.push(`title ${pct(titleRate)} < ${pct(TARGETS.title)}`);
  if (publishedRate < TARGETS.published)
    missed.push(`published ${pct(publishedRate)} < ${pct(TARGETS.published)}`);
  if (bylineRate < TARGETS.byline) missed.push(`byline ${pct(bylineRate)} < ${pct(TARGETS.byline)}`);
  if (medianF1 < TARGETS.medianF1) missed.push(`median F1 ${medianF1.toFixed(3)} < ${TARGETS.medianF1}`);
  if (failed > 0) missed.push(`${failed} page(s) failed`);
  return {
    pages: results.length,
    failed,
    titleRate,
    bylineRate,
    bylineCount,
    publishedRate,
    publishedCount,
    medianF1,
    meanF1: f1s.reduce((s, x) => s + x, 0) / (f1s.length || 1),
    pagesPerSecond: results.length / seconds,
    peakRssMb: peakRss / 1048576,
    results,
    missed,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

export function reportTable(r: QualityReport): string {
  return [
    '| measure | value | target |',
    '| --- | --- | --- |',
    `| pages | ${r.pages} | |`,
    `| title exact match | ${pct(r.titleRate)} | ≥ ${pct(TARGETS.title)} |`,
    `| byline exact match (${r.bylineCount} pages with one) | ${pct(r.bylineRate)} | ≥ ${pct(TARGETS.byline)} |`,
    `| published time (${r.publishedCount} pages with one) | ${pct(r.publishedRate)} | ≥ ${pct(TARGETS.published)} |`,
    `| body word F1, median | ${r.medianF1.toFixed(3)} | ≥ ${TARGETS.medianF1} |`,
    `| body word F1, mean | ${r.meanF1.toFixed(3)} | |`,
    `| pages failed | ${r.failed} | 0 |`,
    `| pages/s | ${r.pagesPerSecond.toFixed(1)} | |`,
    `| peak RSS | ${Math.round(r.peakRssMb)} MB | |`,
  ].join('\n');
}

function main(): number {
  if (!fs.existsSync(WEB_PAGES_CORPUS)) {
    console.log(`web-pages-quality: skipped, no corpus at ${WEB_PAGES_CORPUS}`);
    return 0;
  }
  const report = measureWebPagesQuality();
  const table = reportTable(report);
  console.log(table);
  const misses = report.results.filter(
    (r) => r.failed || r.title === false || r.byline === false || r.published === false || r.f1 < 0.8,
  );
  for (const r of misses) {
    const fields = (['title', 'byline', 'published'] as const).filter((k) => r[k] === false);
    console.log(
      `  ${r.page}: ${r.failed ?? ''} ${fields.map((k) => `${k}: got ${JSON.stringify(r.got?.[k])} expected ${JSON.stringify(r.expected?.[k])}`).join('; ')} f1=${r.f1.toFixed(3)}`,
    );
  }
  const cpus = os.cpus();
  const md = [
    '# Web pages: HTML importer quality',
    '',
    `Generated by \`node --import tsx bench/web-pages-quality.ts\` on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.release()}, Node ${process.version}.`,
    '',
    `Corpus: the ${report.pages} saved pages of \`../shared/corpus/web-pages\` (Mozilla Readability's test pages).`,
    'Title, byline and published time are compared (whitespace normalised, dates as ISO UTC) with each',
    '`expected-metadata.json` where it is non-null and not empty; body F1 is a bag-of-words F1 of our `text` against the text',
    'of `expected.html`.',
    '',
    table,
    '',
    report.missed.length ? `Targets missed: ${report.missed.join('; ')}.` : 'All targets met.',
    '',
  ].join('\n');
  fs.mkdirSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'web-pages-quality.md'),
    md,
  );
  if (report.missed.length) console.log(`targets missed: ${report.missed.join('; ')}`);
  return report.missed.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
