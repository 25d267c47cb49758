import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/client';
import { api } from '../api/endpoints';
import type { FeedbackItem } from '../api/types';
import { filtersToApiQuery, type FeedbackFilters } from './filters';

export const PAGE_SIZE = 50;

interface ListState {
  items: FeedbackItem[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'loadingMore' | 'error';
  error: unknown;
}

/** First page for the given filters, plus cursor-based "load more". */
export function useFeedbackList(filters: FeedbackFilters) {
  const [state, setState] = useState<ListState>({ items: [], nextCursor: null, status: 'loading', error: null });
  const key = filtersToApiQuery(filters, { limit: PAGE_SIZE }).toString();
  const controller = useRef<AbortController | null>(null);
  const [reloadToken, setReloadToken] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    controller.current?.abort();
    controller.current = abort;
    // Keep showing the previous results (dimmed) until the new ones arrive.
    setState((s) => ({ ...s, status: 'loading', error: null }));
    api
      .listFeedback(new URLSearchParams(key), { signal: abort.signal })
      .then((page) => setState({ items: page.data, nextCursor: page.nextCursor, status: 'ready', error: null }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ items: [], nextCursor: null, status: 'error', error });
      });
    return () => abort.abort();
  }, [key, reloadToken]);

  const loadMore = useCallback(() => {
    if (!state.nextCursor || state.status !== 'ready') return;
    const query = new URLSearchParams(key);
    query.set('cursor', state.nextCursor);
    const abort = new AbortController();
    controller.current = abort;
    setState((s) => ({ ...s, status: 'loadingMore', error: null }));
    api
      .listFeedback(query, { signal: abort.signal })
      .then((page) =>
        setState((s) => {
          const seen = new Set(s.items.map((item) => item.id));
          return {
            items: [...s.items, ...page.data.filter((item) => !seen.has(item.id))],
            nextCursor: page.nextCursor,
            status: 'ready',
            error: null,
          };
        }),
      )
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState((s) => ({ ...s, status: 'ready', error }));
      });
  }, [key, state.nextCursor, state.status]);

  const reload = useCallback(() => setReloadToken((n) => n + 1), []);

  return { ...state, loadMore, reload };
}
