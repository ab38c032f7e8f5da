/**
 * Rectangles of things in the article, in the app window's coordinates, whether they are in the app's document (a
 * plain-text body) or inside the article's frame (a rich body, whose viewport starts where the frame element is).
 */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export function boxInWindow(rect: DOMRect, doc: Document): Box {
  let top = rect.top;
  let left = rect.left;
  let frame = doc.defaultView?.frameElement ?? null;
  while (frame) {
    const outer = frame.getBoundingClientRect();
    top += outer.top + frame.clientTop;
    left += outer.left + frame.clientLeft;
    frame = frame.ownerDocument.defaultView?.frameElement ?? null;
  }
  return { top, left, width: rect.width, height: rect.height };
}

/** The same box relative to the content of `scroller`, to place something that scrolls with the article. */
export function boxInScroller(box: Box, scroller: HTMLElement): Box {
  const outer = scroller.getBoundingClientRect();
  return {
    top: box.top - outer.top - scroller.clientTop + scroller.scrollTop,
    left: box.left - outer.left - scroller.clientLeft + scroller.scrollLeft,
    width: box.width,
    height: box.height,
  };
}
