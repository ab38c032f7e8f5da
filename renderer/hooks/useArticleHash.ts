import { useEffect, useRef } from 'react';
import { articleHash, articleIdFromHash } from '../lib/article-hash';

/** Opens the article named in the address at start, then keeps the address naming the open article. */
export function useArticleHash(openId: string | null, openById: (id: string) => void): void {
  const atStart = useRef(articleIdFromHash(window.location.hash));
  useEffect(() => {
    const startId = atStart.current;
    atStart.current = null;
    if (startId !== null && openId === null) {
      openById(startId);
      return;
    }
    const url = new URL(window.location.href);
    url.hash = openId ? articleHash(openId) : '';
    // replaceState: walking through a list must not fill the Back history with every article.
    window.history.replaceState(window.history.state, '', url.toString());
  }, [openId, openById]);
}
