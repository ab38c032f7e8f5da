/**
 * Images saved with a page are referenced as `resource:NAME`. They are taken out of the fragment before it is
 * shown (the browser would otherwise try to load that URL) and filled in from `getResource` as `data:` URLs.
 * The name stays on the image as `data-resource`, so that the copy of the markup in the reader's frame can be
 * found and filled in once the frame has loaded.
 */
import type { ArticleResource } from '../../common/api';

export interface ResourceImage {
  image: HTMLImageElement;
  name: string;
}

const PREFIX = 'resource:';
const NAME_ATTRIBUTE = 'data-resource';

export function takeResourceImages(root: ParentNode): ResourceImage[] {
  const found: ResourceImage[] = [];
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const src = image.getAttribute('src')?.trim() ?? '';
    if (!src.toLowerCase().startsWith(PREFIX)) continue;
    const name = src.slice(PREFIX.length);
    image.removeAttribute('src');
    image.setAttribute(NAME_ATTRIBUTE, name);
    image.classList.add('resource-pending');
    found.push({ image, name });
  }
  return found;
}

/** The images `takeResourceImages` took out, found again in a copy of the markup (the frame's document). */
export function pendingResourceImages(root: ParentNode): ResourceImage[] {
  return Array.from(root.querySelectorAll<HTMLImageElement>(`img[${NAME_ATTRIBUTE}]`)).map((image) => ({
    image,
    name: image.getAttribute(NAME_ATTRIBUTE) ?? '',
  }));
}

/** A data: URL for an image resource, or null when the resource is not an image (then nothing is shown). */
export function resourceDataUrl(resource: ArticleResource): string | null {
  if (!/^image\/[\w.+-]+$/i.test(resource.mediaType)) return null;
  return `data:${resource.mediaType};base64,${resource.data}`;
}
