import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../api/customers';
import { LifetimeValue } from '../components/customers/LifetimeValue';
import { customerLabel } from '../components/customers/identity';
import { useCursorList } from '../components/customers/useCursorList';
import { Link } from '../components/Link';
import { navigate, paths, useLocation } from '../lib/router';
import { useDebouncedDraft } from '../lib/useDebouncedValue';
import { useFormat } from '../lib/useFormat';
import '../styles/customers.css';
import { CursorListView } from '../components/customers/CursorListView';
import { ExportMenu } from '../components/exports/ExportMenu';

/** Every customer of the workspace, searchable by any identifier (the query stays in the URL). */
export function CustomersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [draft, setDraft] = useDebouncedDraft(q, (value) => navigate(paths.customers(value.trim()), { replace: true }));
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => customersApi.list({ q: q.trim() || undefined, cursor }, { signal }),
    [q],
  );
  const list = useCursorList(q, fetchPage);

  return (
    <div className="stack" data-testid="customers-page">
      <div className="page-head">
        <h1 className="page-title">{t('customer360.title')}</h1>
        <ExportMenu subject="customers" filters={(): Record<string, string> => (q.trim() ? { q: q.trim() } : {})} />
        <p className="muted">{t('customer360.intro')}</p>
      </div>
      <div className="card customer-search">
        <label className="field-label" htmlFor="customer-search">
          {t('customer360.search')}
        </label>
        <input
          id="customer-search"
          className="input"
          type="search"
          dir="auto"
          data-testid="customer-search"
          maxLength={200}
          placeholder={t('customer360.searchPlaceholder')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </div>
      <CursorListView
        list={list}
        loadMoreTestId="customers-load-more"
        empty={
          <div className="card empty-state">
            <p>{q ? t('customer360.noMatch') : t('customer360.empty')}</p>
          </div>
        }
      >
        {(items) => (
          <div className="table-wrap card">
            <table className="table customer-table">
              <thead>
                <tr>
                  <th scope="col">{t('customer360.customer')}</th>
                  <th scope="col">{t('customer360.lastSeen')}</th>
                  <th scope="col">{t('customer360.feedbackCount')}</th>
                  <th scope="col">{t('customer360.lifetimeValue')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} data-testid="customer-row">
                    <td>
                      <Link to={paths.customer(c.id)} className="customer-link">
                        <bdi>{customerLabel(c, t)}</bdi>
                      </Link>
                      {(c.email || c.phone) && (
                        <div className="muted customer-ids">
                          {c.email && <bdi>{c.email}</bdi>}
                          {c.phone && <bdi dir="ltr">{c.phone}</bdi>}
                        </div>
                      )}
                    </td>
                    <td>{c.lastSeenAt ? fmt.dateTime(c.lastSeenAt) : <span className="muted">{t('customer360.never')}</span>}</td>
                    <td className="num">{fmt.number(c.feedbackCount)}</td>
                    <td>
                      <LifetimeValue value={c.lifetimeValue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CursorListView>
    </div>
  );
}
