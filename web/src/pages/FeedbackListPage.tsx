import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { FeedbackTable } from '../components/feedback/FeedbackTable';
import { FilterBar } from '../components/feedback/FilterBar';
import { Loading } from '../components/Loading';
import { errorMessage } from '../lib/errors';
import { filtersFromQuery, filtersToSearch, hasActiveFilters, type FeedbackFilters } from '../lib/filters';
import { navigate, paths, useLocation } from '../lib/router';
import { useFeedbackList } from '../lib/useFeedbackList';

export function FeedbackListPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(search)), [search]);
  const list = useFeedbackList(filters);

  function updateFilters(next: FeedbackFilters) {
    navigate(paths.feedbackList(filtersToSearch(next)), { replace: true });
  }

  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('list.title')}</h1>
        {list.status !== 'loading' && list.items.length > 0 && (
          <p className="muted" aria-live="polite">
            {t('list.shown', { count: list.items.length })}
          </p>
        )}
      </div>

      <FilterBar filters={filters} onChange={updateFilters} />

      {list.status === 'loading' && list.items.length === 0 && <Loading />}

      {list.status === 'error' && (
        <Alert
          action={
            <button type="button" className="button" onClick={list.reload}>
              {t('app.retry')}
            </button>
          }
        >
          {errorMessage(t, list.error)}
        </Alert>
      )}

      {list.status !== 'loading' && list.status !== 'error' && list.items.length === 0 && (
        <div className="card empty-state">
          <p>{hasActiveFilters(filters) ? t('list.emptyFiltered') : t('list.empty')}</p>
        </div>
      )}

      {list.items.length > 0 && <FeedbackTable items={list.items} busy={list.status === 'loading'} />}

      {list.status === 'ready' && list.error !== null && <Alert>{errorMessage(t, list.error)}</Alert>}

      {list.nextCursor && list.status !== 'loading' && list.status !== 'error' && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            data-testid="load-more"
            disabled={list.status === 'loadingMore'}
            onClick={list.loadMore}
          >
            {list.status === 'loadingMore' ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
