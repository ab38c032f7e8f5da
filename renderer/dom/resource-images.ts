/**
 * Images saved with a page are referenced as `resource:NAME`. They are taken out of the fragment before it is
 * shown (the browser would otherwise try to load that URL) and filled in from `getResource` as `data:` URLs.
 */
import type { ArticleResource } from '../../common/api';

export interface ResourceImage {
  image: HTMLImageElement;
  name: string;
}

const PREFIX = 'resource:';

export function takeResourceImages(root: ParentNode): ResourceImage[] {
  const found: ResourceImage[] = [];
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const src = image.getAttribute('src')?.trim() ?? '';
    if (!src.toLowerCase().startsWith(PREFIX)) continue;
    image.removeAttribute('src');
    image.classList.add('resource-pending');
    found.push({ image, name: src.slice(PREFIX.length) });
  }
  return found;
}

/** A data: URL for an image resource, or null when the resource is not an image (then nothing is shown). */
export function resourceDataUrl(resource: ArticleResource): string | null {
  if (!/^image\/[\w.+-]+$/i.test(resource.mediaType)) return null;
  return `data:${resource.mediaType};base64,${resource.data}`;
}
