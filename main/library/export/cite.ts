/**
 * Citations through citation-js (https://citation.js.org): BibTeX and RIS by its plugins, formatted references
 * by citeproc-js with the CSL styles and the en-US locale that @citation-js/plugin-csl bundles. Nothing here
 * formats a reference by hand. citation-js is CommonJS: it is loaded only where this module is (the main
 * process and the CLI, on demand), never in the renderer.
 */
import type { Citation, CitationFormat } from '../../../common/export';
import { type CitedArticle, type CslItem, cslItems } from './csl-item';

type CitationJs = (typeof import('@citation-js/core'))['default'];
let loaded: Promise<CitationJs> | null = null;

/**
 * citation-js and its plugins, loaded on the first citation: they are external to the bundles (CommonJS in
 * node_modules), and a dynamic import keeps them out of the app's and the CLI's start-up.
 */
function citationJs(): Promise<CitationJs> {
  // Stryker disable StringLiteral: a module name mutated to "" is not a behaviour, and esbuild cannot bundle it.
  loaded ??= (async () => {
    const module = await import('@citation-js/core');
    // Node's ESM loader gives CommonJS exports as `default`; tsx (the benchmarks) honours `__esModule` and
    // gives the named exports themselves.
    const core = (module.default ?? module) as CitationJs;
    // The plugins register their formats with that same core as they load.
    await Promise.all([
      import('@citation-js/plugin-bibtex'),
      import('@citation-js/plugin-csl'),
      import('@citation-js/plugin-ris'),
    ]);
    return core;
  })();
  // Stryker restore StringLiteral
  return loaded;
}

/** Offprint's style names and the templates plugin-csl bundles under other names. */
const TEMPLATES = { apa: 'apa', harvard: 'harvard1', vancouver: 'vancouver' } as const;

export async function citeArticles(
  articles: readonly CitedArticle[],
  format: CitationFormat,
): Promise<Citation> {
  const items = cslItems(articles);
  const { Cite, plugins } = await citationJs();
  switch (format) {
    case 'csl-json':
      return data(format, 'application/vnd.citationstyles.csl+json', `${JSON.stringify(items, null, 2)}\n`);
    case 'bibtex':
      // citation-js labels an entry by `citation-key` (not part of CSL-JSON's schema, so only given here).
      return data(
        format,
        'application/x-bibtex',
        new Cite(items.map(withKey)).format('bibtex').trim() + '\n',
      );
    case 'ris':
      return data(
        format,
        'application/x-research-info-systems',
        plugins.output.format('ris', items.map(forRis)).replace(/\n*$/, '\n'),
      );
    default: {
      const cite = new Cite(items);
      const options = { template: TEMPLATES[format], lang: 'en-US' };
      return {
        format,
        mediaType: 'text/plain',
        text: cite.format('bibliography', { ...options, format: 'text' }).trim() + '\n',
        html: cite.format('bibliography', { ...options, format: 'html' }).trim(),
      };
    }
  }
}

function data(format: CitationFormat, mediaType: string, text: string): Citation {
  return { format, mediaType, text, html: null };
}

function withKey(item: CslItem): CslItem & { 'citation-key': string } {
  return { ...item, 'citation-key': item.id };
}

/**
 * RIS names a newspaper article's writers as CSL's `reporter` (plugin-ris follows the RIS spec's NEWS type),
 * but that mapping has no name converter: it writes each value as it is. So they are given as RIS's own
 * "Family, Given" text, and the items go to the RIS formatter directly: `Cite` keeps only CSL 1.0.1
 * variables, which would drop `reporter` and with it the AU lines.
 */
function forRis(item: CslItem): CslItem & { reporter?: string[] } {
  if (item.type !== 'article-newspaper' || !item.author) return item;
  return {
    ...item,
    reporter: item.author.map((n) => ('literal' in n ? n.literal : `${n.family}, ${n.given}`)),
  };
}
