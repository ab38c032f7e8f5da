/**
 * Saved web pages (`.html`, `.htm`, `.xhtml`, SingleFile, browser "complete page" saves), recognised by their
 * content as well as their extension; read by html-page-reader.ts, with the images of a "complete page" save
 * kept from its `NAME_files/` folder (local-images.ts).
 */
import type { Importer, ImportInput, ImportOutcome, SniffedContent } from '../importer';
import { HTML_EXTENSIONS, looksLikeHtml, readHtmlPage } from '../html-page-reader';
import { LocalImagePlan } from '../local-images';

export const htmlPageImporter: Importer = {
  name: 'html',
  accepts(_input: ImportInput, sniffed: SniffedContent) {
    if (sniffed.text === null) return false;
    return HTML_EXTENSIONS.includes(sniffed.extension) || looksLikeHtml(sniffed.text);
  },
  async read(input: ImportInput): Promise<ImportOutcome[]> {
    const plan = input.path ? LocalImagePlan.forSavedPage(input.path) : null;
    const result = readHtmlPage(
      input.bytes,
      input.name,
      plan ? { imageReference: (src) => plan.reference(src) } : {},
    );
    if (!result) return [{ kind: 'failed', source: input.name, reason: 'the page has no readable text' }];
    const resources = plan ? await plan.read(result.usedResources) : [];
    const missing = [...result.usedResources].filter((n) => !resources.some((r) => r.name === n));
    if (missing.length && result.article.html) {
      // An image the save names but does not hold: drop the reference rather than point at nothing.
      for (const name of missing)
        result.article.html = result.article.html.replaceAll(`resource:${name}`, '');
    }
    return [
      {
        kind: 'article',
        source: input.name,
        original: input.bytes,
        originalName: input.name,
        encoding: result.encoding,
        importer: 'html',
        article: result.article,
        resources,
      },
    ];
  },
};
