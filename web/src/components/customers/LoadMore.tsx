import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { Alert } from '../Alert';
import type { CursorListStatus } from './useCursorList';

/** The "load more" button under a paginated list, with the error of a failed next page. */
export function LoadMore({
  list,
  testId,
}: {
  list: { nextCursor: string | null; status: CursorListStatus; error: unknown; loadMore: () => void };
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {list.status === 'ready' && list.error !== null && <Alert>{errorMessage(t, list.error)}</Alert>}
      {list.nextCursor && list.status !== 'loading' && list.status !== 'error' && (
        <div className="load-more">
          <button type="button" className="button" data-testid={testId} disabled={list.status === 'loadingMore'} onClick={list.loadMore}>
            {list.status === 'loadingMore' ? t('customer360.loadingMore') : t('customer360.loadMore')}
          </button>
        </div>
      )}
    </>
  );
}
