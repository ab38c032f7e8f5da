/**
 * The query's marks in the reader, wherever they are: in the app's document (a plain-text body) or inside the
 * article's frame (a rich body), which the app can read because the frame shares its origin (see
 * article-frame-policy.ts).
 */
export function hitMarks(scroller: HTMLElement): Element[] {
  const marks = Array.from(scroller.querySelectorAll('mark.hit'));
  for (const frame of Array.from(scroller.querySelectorAll('iframe'))) {
    const inside = frame.contentDocument?.querySelectorAll('mark.hit');
    if (inside) marks.push(...Array.from(inside));
  }
  return marks;
}

/** An element's top in the app window's coordinates, also for an element inside a frame (or frames). */
export function topInWindow(element: Element): number {
  let top = element.getBoundingClientRect().top;
  let frame = element.ownerDocument.defaultView?.frameElement ?? null;
  while (frame) {
    top += frame.getBoundingClientRect().top + frame.clientTop;
    frame = frame.ownerDocument.defaultView?.frameElement ?? null;
  }
  return top;
}
