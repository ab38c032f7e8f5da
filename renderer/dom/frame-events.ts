/**
 * What the app does with the reader frame's events. The frame runs no script of its own (see
 * article-frame-policy.ts), so these listeners, the app's own, are the only code its events reach: they forward
 * keys and file drops to the app (whose shortcuts and drop zone live on the app's window), and open links only on
 * a real click, only to web addresses, outside the app.
 */
import { openWebLink } from '../lib/web-links';

const DRAG_EVENTS = ['dragenter', 'dragover', 'dragleave', 'drop'] as const;

/**
 * Replays a key on the frame element in the app's document: the app's shortcuts then see it as pressed in the
 * reader pane (the frame is inside it). When the app acts on it, the frame's own default (scrolling) is skipped.
 */
function forwardKey(frame: HTMLIFrameElement, event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const replay = new KeyboardEvent('keydown', {
    key: event.key,
    code: event.code,
    location: event.location,
    repeat: event.repeat,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    shiftKey: event.shiftKey,
    bubbles: true,
    cancelable: true,
  });
  if (!frame.dispatchEvent(replay)) event.preventDefault();
}

function forwardDrag(frame: HTMLIFrameElement, event: DragEvent): void {
  const replay = new DragEvent(event.type, {
    dataTransfer: event.dataTransfer,
    bubbles: true,
    cancelable: true,
  });
  if (!frame.dispatchEvent(replay)) event.preventDefault();
}

/**
 * Every click on a link in the frame is the app's to handle, never the frame's: a link may not navigate the frame
 * (that would load a remote page into the reader), and the sandbox forbids the frame to open windows itself.
 * Only a trusted (user's) primary or middle click opens anything, and only an http(s) address.
 */
function onLinkClick(event: MouseEvent): void {
  // Not `instanceof Element`: the target belongs to the frame's realm, whose Element is another constructor.
  const target = event.target as Partial<Element> | null;
  const link = typeof target?.closest === 'function' ? target.closest('a') : null;
  if (!link) return;
  event.preventDefault();
  if (!event.isTrusted || event.button > 1) return;
  const href = link.getAttribute('href');
  if (href !== null) openWebLink(href.trim());
}

/** Wires a loaded frame document to the app; answers the function that unwires it. */
export function connectFrame(frame: HTMLIFrameElement, doc: Document): () => void {
  const onKey = (event: KeyboardEvent) => forwardKey(frame, event);
  const onDrag = (event: DragEvent) => forwardDrag(frame, event);
  doc.addEventListener('keydown', onKey);
  doc.addEventListener('click', onLinkClick, true);
  doc.addEventListener('auxclick', onLinkClick, true);
  for (const type of DRAG_EVENTS) doc.addEventListener(type, onDrag);
  return () => {
    doc.removeEventListener('keydown', onKey);
    doc.removeEventListener('click', onLinkClick, true);
    doc.removeEventListener('auxclick', onLinkClick, true);
    for (const type of DRAG_EVENTS) doc.removeEventListener(type, onDrag);
  };
}
