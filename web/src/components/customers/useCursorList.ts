import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../api/client';
import type { Page } from '@feedloop/contracts/page';

export type CursorListStatus = 'loading' | 'ready' | 'loadingMore' | 'error';

/**
 * A keyset-paginated list that restarts whenever `key` changes (a new search, another
 * customer) and appends the next page on loadMore; answers for an old key are dropped.
 */
export function useCursorList<T>(key: string, fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>) {
  // Rows remember the key they were loaded for: in the render where the key changes (before the
  // effect below starts the new load) the old key's rows must not be shown as the new one's.
  const [list, setList] = useState<{ key: string; items: T[] }>({ key, items: [] });
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<CursorListStatus>('loading');
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(key);
  keyRef.current = key;
  const abortRef = useRef<AbortController | null>(null);

  const load = useCallback((cursor: string | undefined) => {
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    const forKey = keyRef.current;
    setStatus(cursor ? 'loadingMore' : 'loading');
    setError(null);
    fetchRef
      .current(cursor, abort.signal)
      .then((page) => {
        setList((current) => ({ key: forKey, items: cursor && current.key === forKey ? [...current.items, ...page.data] : page.data }));
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
    setList({ key, items: [] });
    setNextCursor(null);
    load(undefined);
    return () => abortRef.current?.abort();
  }, [key, reloads, load]);

  const current = list.key === key;
  return {
    items: current ? list.items : [],
    nextCursor: current ? nextCursor : null,
    status: current ? status : 'loading',
    error: current ? error : null,
    loadMore: () => {
      if (current && nextCursor) load(nextCursor);
    },
    reload: () => setReloads((n) => n + 1),
  };
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>;
