import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isAbortError } from '../api/client';
import { api } from '../api/endpoints';
import type { FeedbackItem } from '@feedloop/contracts/feedback';
import { filtersToApiQuery, type FeedbackFilters } from './filters';

export const PAGE_SIZE = 50;

interface ListState {
  items: FeedbackItem[];
  nextCursor: string | null;
  /** How many items match the filters (from the first page), and whether that is only a lower bound. */
  total: { count: number; capped: boolean } | null;
  status: 'loading' | 'ready' | 'loadingMore' | 'error';
  error: unknown;
}

/** First page for the given filters, plus cursor-based "load more". */
export function useFeedbackList(filters: FeedbackFilters) {
  const [state, setState] = useState<ListState>({ items: [], nextCursor: null, total: null, status: 'loading', error: null });
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
      .then((page) =>
        setState({
          items: page.data,
          nextCursor: page.nextCursor,
          total: page.total === undefined ? null : { count: page.total, capped: page.totalCapped === true },
          status: 'ready',
          error: null,
        }),
      )
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ items: [], nextCursor: null, total: null, status: 'error', error });
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
            ...s,
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

  /** Shows an item changed on this page (a correction) without reloading the list. */
  const replaceItem = useCallback((item: FeedbackItem) => {
    setState((s) => ({ ...s, items: s.items.map((old) => (old.id === item.id ? { ...item, snippet: old.snippet } : old)) }));
  }, []);

  return { ...state, loadMore, reload, replaceItem };
}

/**
 * Infinite scroll: calls `loadMore` whenever the element (placed after the list) comes within
 * a screen of the viewport. The "Load more" button stays as the fallback.
 */
export function useLoadMoreOnScroll(element: RefObject<Element | null>, enabled: boolean, loadMore: () => void) {
  const latest = useRef(loadMore);
  latest.current = loadMore;
  useEffect(() => {
    const target = element.current;
    if (!enabled || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin: '0px 0px 100% 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, enabled]);
}
