import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../api/client';
import type { Page } from '../../api/customers';

export type CursorListStatus = 'loading' | 'ready' | 'loadingMore' | 'error';

/**
 * A keyset-paginated list that restarts whenever `key` changes (a new search, another
 * customer) and appends the next page on loadMore; answers for an old key are dropped.
 */
export function useCursorList<T>(key: string, fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<CursorListStatus>('loading');
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const abortRef = useRef<AbortController | null>(null);

  const load = useCallback((cursor: string | undefined) => {
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    setStatus(cursor ? 'loadingMore' : 'loading');
    setError(null);
    fetchRef.current(cursor, abort.signal)
      .then((page) => {
        setItems((current) => (cursor ? [...current, ...page.data] : page.data));
        setNextCursor(page.nextCursor);
        setStatus('ready');
      })
      .catch((err: unknown) => {
        if (isAbortError(err)) return;
        setError(err);
        // A failed "load more" keeps what is shown; a failed first page shows the error.
        setStatus(cursor ? 'ready' : 'error');
      });
  }, []);

  useEffect(() => {
    setItems([]);
    setNextCursor(null);
    load(undefined);
    return () => abortRef.current?.abort();
  }, [key, reloads, load]);

  return {
    items, nextCursor, status, error,
    loadMore: () => { if (nextCursor) load(nextCursor); },
    reload: () => setReloads((n) => n + 1),
  };
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>;
