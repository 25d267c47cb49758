import type { ReactNode } from 'react';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { LoadMore } from './LoadMore';
import type { CursorList } from './useCursorList';

/**
 * The states of a paginated list from useCursorList: loading, the error with a retry, `empty`
 * when there is nothing, else the items (drawn by `children`), then the "load more" button.
 */
export function CursorListView<T>({
  list,
  empty,
  loadMoreTestId,
  children,
}: {
  list: CursorList<T>;
  empty: ReactNode;
  loadMoreTestId: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <LoadError error={list.error} onRetry={list.reload} />}
      {list.status !== 'loading' && list.status !== 'error' && list.items.length === 0 && empty}
      {list.items.length > 0 && list.status !== 'loading' && children(list.items)}
      <LoadMore list={list} testId={loadMoreTestId} />
    </>
  );
}
