import { useEffect } from 'react';

/** The window title names the article being read, as a document viewer's does (the task switcher shows it). */
export function useDocumentTitle(articleTitle: string | null): void {
  useEffect(() => {
    document.title = articleTitle ? `${articleTitle} · Offprint` : 'Offprint';
  }, [articleTitle]);
}
