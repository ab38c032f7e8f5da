/** Moves focus into the article list, on its row in the tab order (the selection, or the first row shown). */
export function focusListRow(): HTMLElement | null {
  const link = document.querySelector<HTMLElement>('.result-scroller .row-title[tabindex="0"]');
  link?.focus();
  return link;
}

/** The list position of a row element's item, from its `data-index`. */
export function rowIndexOf(element: Element): number | null {
  const value = element.closest('[data-index]')?.getAttribute('data-index');
  return value == null ? null : Number(value);
}
