import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { BulkBar } from '../components/feedback/BulkBar';
import { FeedbackTable } from '../components/feedback/FeedbackTable';
import { FilterBar } from '../components/feedback/FilterBar';
import { FirstSteps } from '../components/FirstSteps';
import { SavedViewsMenu } from '../components/feedback/SavedViewsMenu';
import { useExplorerOptions } from '../components/feedback/useExplorerOptions';
import { Loading } from '../components/Loading';
import { errorMessage } from '../lib/errors';
import { filtersFromQuery, filtersToApiQuery, filtersToSearch, hasActiveFilters, type FeedbackFilters } from '../lib/filters';
import { ExportMenu } from '../components/exports/ExportMenu';
import { navigate, paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { canWriteFeedback, topicNameByKey } from '../lib/topics';
import { useFeedbackList, useLoadMoreOnScroll } from '../lib/useFeedbackList';
import { useFormat } from '../lib/useFormat';
import '../components/feedback/explorer.css';

export function FeedbackListPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(search)), [search]);
  const list = useFeedbackList(filters);
  const options = useExplorerOptions();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const sentinel = useRef<HTMLDivElement>(null);
  const canWrite = canWriteFeedback(me.role);
  const format = useFormat();

  // A new filter is a new list: what was selected may no longer be shown.
  useEffect(() => setSelected(new Set()), [search]);
  useLoadMoreOnScroll(sentinel, list.nextCursor !== null && list.status === 'ready', list.loadMore);

  const topicName = useMemo(() => topicNameByKey(options.topics, i18n.language), [options.topics, i18n.language]);
  const memberName = useMemo(() => {
    const names = new Map(options.members.map((m) => [m.userId, m.name || m.email]));
    return (userId: string) => names.get(userId) ?? null;
  }, [options.members]);

  function updateFilters(next: FeedbackFilters) {
    navigate(paths.feedbackList(filtersToSearch(next)), { replace: true });
  }

  function toggle(ids: string[], on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('list.title')}</h1>
        <ExportMenu subject="feedback" filters={() => exportFilters(filters)} />
        {list.status !== 'loading' && list.items.length > 0 && (
          <p className="muted" aria-live="polite" data-testid="list-count">
            {format.facts([
              list.total &&
                (list.total.capped
                  ? t('list.matchingCapped', { total: format.number(list.total.count) })
                  : t('list.matching', { count: list.total.count })),
              (!list.total || list.items.length < list.total.count) && t('list.shown', { count: list.items.length }),
            ])}
          </p>
        )}
      </div>

      <SavedViewsMenu filters={filters} onOpen={(query) => navigate(paths.feedbackList(query), { replace: true })} />

      <FilterBar filters={filters} options={options} onChange={updateFilters} />

      {canWrite && selected.size > 0 && (
        <BulkBar ids={[...selected]} options={options} onClear={() => setSelected(new Set())} onUpdated={list.reload} />
      )}

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

      {list.status !== 'loading' &&
        list.status !== 'error' &&
        list.items.length === 0 &&
        (hasActiveFilters(filters) ? (
          <div className="card empty-state">
            <p>{t('list.emptyFiltered')}</p>
          </div>
        ) : (
          <FirstSteps />
        ))}

      {list.items.length > 0 && (
        <FeedbackTable
          items={list.items}
          busy={list.status === 'loading'}
          selection={canWrite ? { selected, toggle, onUpdated: list.replaceItem } : undefined}
          memberName={memberName}
          topicName={topicName}
        />
      )}

      {list.status === 'ready' && list.error !== null && <Alert>{errorMessage(t, list.error)}</Alert>}

      <div ref={sentinel} aria-hidden="true" />
      {list.nextCursor && list.status !== 'loading' && list.status !== 'error' && (
        <div className="load-more">
          <button type="button" className="button" data-testid="load-more" disabled={list.status === 'loadingMore'} onClick={list.loadMore}>
            {list.status === 'loadingMore' ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The explorer's filters as the export takes them: the list's own query, without paging. */
function exportFilters(filters: FeedbackFilters): Record<string, string> {
  const query = filtersToApiQuery(filters, { limit: 1 });
  query.delete('limit');
  return Object.fromEntries(query);
}
